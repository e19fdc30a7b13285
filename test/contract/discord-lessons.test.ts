import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { APPLICATION_ID, BOT, FakeDiscord, TOKEN, type DiscordCall } from "../fakes/fake-discord.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const DAY = 86_400_000;
const KEES = { id: "960000000000000112", username: "kees" };
const SANNE = { id: "960000000000000111", username: "sanne" };
const dmWith = (userId: string) => `97${userId.slice(2)}`;
type Row = { components: Array<{ label: string; custom_id: string }> };
const dataOf = (call: DiscordCall) => (call.body.data ?? {}) as { content?: string; custom_id?: string; components?: unknown[] };
const buttonsOf = (call: DiscordCall) => ((call.body.components ?? dataOf(call).components ?? []) as Row[]).flatMap((r) => r.components);

/** "Deel wat je leerde" on Discord: a modal (type 9), its submit (type 5), and the choice to share as a second step. */
describe("lessons from introductions on Discord", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let offset = 0;
  let databasePath: string;

  beforeAll(async () => {
    const apiUrl = await discord.start();
    const config = testConfig(temp.dir, {
      WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl, HANDOFF_TICK_SECONDS: "0.1", INTRODUCTION_FOLLOW_UP_DAYS: "14",
    });
    databasePath = config.databasePath;
    app = createApp(config, createLogger("error"), { clock: () => new Date(Date.now() + offset) });
    await app.start();
    saveProfile(databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { discord: KEES.id }, contactable: true } });
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  const press = (user: { id: string; username: string }, customId: string, channelId: string) => {
    const interaction = discord.interaction({ type: 3, channelId, user, data: { custom_id: customId, component_type: 2 }, message: discord.message({ channelId, content: "", author: BOT }) });
    discord.dispatch("INTERACTION_CREATE", interaction);
    return interaction;
  };
  const callbackOf = (interaction: { id: string }) => eventually(() => discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))[0], "the interaction's answer");
  const status = () => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return db.prepare("SELECT status, json_extract(data, '$.text') AS text FROM introduction_lessons").all();
    } finally {
      db.close();
    }
  };

  it("given an introduction followed up, then the asker writes a lesson in a modal and chooses to share it with the coordinators", async () => {
    const dm = "981000000000000201";
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Hoe starten we een buurtbus met vrijwilligers?", guild: false, author: SANNE }));
    await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`), 1, 30_000);
    const choice = await callbackOf(press(SANNE, "vw:connect_me:de-schakel", dm));
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_named:"))!;
    const introId = share.custom_id.split(":")[2]!;
    await callbackOf(press(SANNE, share.custom_id, dm));
    await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`)).find((c) => JSON.stringify(c.body.components ?? "").includes(introId)), "the request");
    await callbackOf(press(KEES, `vw:intro_accept:${introId}`, dmWith(KEES.id)));
    offset += 15 * DAY;
    const asked = await eventually(() => discord.calls.find((c) => c.method === "POST" && String(c.body.content).includes("Heeft het geholpen?") && buttonsOf(c).some((b) => b.custom_id === `vw:intro_helped_yes:${introId}`) && !c.path.includes(dmWith(KEES.id))), "the follow-up to Sanne");
    const channel = asked.path.split("/")[2]!;

    const thanks = await callbackOf(press(SANNE, `vw:intro_helped_yes:${introId}`, channel));
    expect(buttonsOf(thanks).map((b) => b.custom_id)).toEqual([`vw:intro_share_lesson:${introId}`]);
    const modal = await callbackOf(press(SANNE, `vw:intro_share_lesson:${introId}`, channel));
    expect(modal.body.type).toBe(9);
    expect(dataOf(modal).custom_id).toBe(`vw_les:${introId}`);

    const submit = (value: string) => {
      const interaction = discord.interaction({ type: 5, channelId: channel, user: SANNE, data: { custom_id: `vw_les:${introId}`, components: [{ type: 1, components: [{ type: 4, custom_id: "lesson", value }] }] } });
      discord.dispatch("INTERACTION_CREATE", interaction);
      return callbackOf(interaction);
    };
    expect(dataOf(await submit("   ")).content).toContain("paar zinnen");
    const saved = await submit("Begin klein, met twee vaste chauffeurs.");
    expect(dataOf(saved).content).toContain("alleen voor jou");
    expect((dataOf(saved) as { flags?: number }).flags).toBe(64);
    expect(status()).toEqual([{ status: "private", text: "Begin klein, met twee vaste chauffeurs." }]);
    const yes = buttonsOf(saved).find((b) => b.custom_id === `vw:lesson_share_yes:${introId}`)!;
    const shared = await callbackOf(press(SANNE, yes.custom_id, channel));
    expect(shared.body.type).toBe(7);
    expect(dataOf(shared).content).toContain("De coördinatoren zien je les");
    expect(status()).toEqual([{ status: "proposed", text: "Begin klein, met twee vaste chauffeurs." }]);

    // Someone outside the introduction cannot write one.
    const other = await callbackOf(press({ id: "960000000000000199", username: "ruud" }, `vw:intro_share_lesson:${introId}`, channel));
    expect(dataOf(other).content).toContain("niet voor jou");
  });
});
