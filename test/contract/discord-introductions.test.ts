import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { APPLICATION_ID, BOT, FakeDiscord, TOKEN, type DiscordCall } from "../fakes/fake-discord.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const KEES = { id: "960000000000000012", username: "kees" };
const dmWith = (userId: string) => `97${userId.slice(2)}`; // the fake's DM channel id for a user
type Row = { components: Array<{ label: string; custom_id: string }> };
const buttonsOf = (call: DiscordCall) => ((call.body.components ?? (call.body.data as Record<string, unknown> | undefined)?.components ?? []) as Row[]).flatMap((r) => r.components);

/** The whole introduction loop on Discord against the fake gateway and REST API. */
describe("introductions on Discord", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let dms = 0;

  beforeAll(async () => {
    const apiUrl = await discord.start();
    const config = testConfig(temp.dir, { WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl, HANDOFF_TICK_SECONDS: "0.1" });
    app = createApp(config, createLogger("error"));
    await app.start();
    saveProfile(config.databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { discord: KEES.id }, contactable: true } });
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  const press = (user: { id: string; username: string }, customId: string, channelId: string, content = "") => {
    const interaction = discord.interaction({ type: 3, channelId, user, data: { custom_id: customId, component_type: 2 }, message: discord.message({ channelId, content, author: BOT }) });
    discord.dispatch("INTERACTION_CREATE", interaction);
    return interaction;
  };
  const callbackOf = (interaction: { id: string }) => eventually(() => discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))[0], "the interaction's answer");

  /** An asker asks in a DM and presses "Breng me in contact"; resolves to the choice's buttons. */
  async function askAndConnect(asker: { id: string; username: string }): Promise<{ dm: string; choice: DiscordCall }> {
    const dm = `98100000000000000${++dms}`;
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Hoe starten we een buurtbus met vrijwilligers?", guild: false, author: asker }));
    await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`), 1, 30_000);
    const choice = await callbackOf(press(asker, "vw:connect_me:de-schakel", dm));
    return { dm, choice };
  }

  it("given 'Breng me in contact', then the choice is private, the contact gets a DM request, and on accept each gets the other's handle", async () => {
    const asker = { id: "960000000000000011", username: "sanne" };
    const { dm, choice } = await askAndConnect(asker);
    expect(choice.body.type).toBe(4);
    expect((choice.body.data as { flags?: number }).flags).toBe(64);
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_named:"))!;
    expect(share.label).toBe("Mijn vraag en mijn naam");
    const introId = share.custom_id.split(":")[2]!;

    await callbackOf(press(asker, share.custom_id, dm));
    const [request] = await discord.waitFor("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`), 1, 20_000);
    expect(discord.callsTo("POST", /^\/users\/@me\/channels$/)[0]!.body.recipient_id).toBe(KEES.id);
    expect(String(request!.body.content)).toContain("Hoe starten we een buurtbus met vrijwilligers?");
    expect(request!.body.enforce_nonce).toBe(true);
    expect(buttonsOf(request!).map((b) => b.custom_id)).toEqual([`vw:intro_accept:${introId}`, `vw:intro_decline:${introId}`]);

    const accepted = await callbackOf(press(KEES, `vw:intro_accept:${introId}`, dmWith(KEES.id), String(request!.body.content)));
    expect(accepted.body.type).toBe(7); // the request gives way to the answer: no buttons to press again
    const toAsker = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(asker.id)}/messages$`)).find((c) => String(c.body.content).includes(`<@${KEES.id}>`)), "the asker's DM with Kees's handle");
    expect(String(toAsker.body.content)).toContain(`<@${asker.id}>`);
    await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`)).find((c) => String(c.body.content).includes(`<@${asker.id}>`)), "Kees's DM with the asker's handle");
    // The same press replayed by Discord: nothing twice.
    const before = discord.calls.length;
    press(KEES, `vw:intro_accept:${introId}`, dmWith(KEES.id));
    await eventually(() => discord.calls.slice(before).find((c) => c.path.startsWith("/interactions/")), "the answer to the second press");
    expect(discord.callsTo("POST", new RegExp(`^/channels/${dmWith(asker.id)}/messages$`)).filter((c) => String(c.body.content).includes(`<@${KEES.id}>`))).toHaveLength(1);
  });

  it("given the contact declines, then the asker is told kindly in the conversation, without a reason", async () => {
    const asker = { id: "960000000000000013", username: "ruud" };
    const { dm, choice } = await askAndConnect(asker);
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_question:"))!;
    const introId = share.custom_id.split(":")[2]!;
    await callbackOf(press(asker, share.custom_id, dm));
    const request = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`)).find((c) => JSON.stringify(c.body.components ?? "").includes(introId)), "the request");
    expect(String(request.body.content)).toContain("Iemand uit het netwerk zoekt contact");
    expect(String(request.body.content)).not.toContain("ruud");
    await callbackOf(press(KEES, `vw:intro_decline:${introId}`, dmWith(KEES.id)));
    const told = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dm}/messages$`)).find((c) => String(c.body.content).includes("komt er nu helaas niet van")), "the kind no");
    expect(String(told.body.content)).not.toContain("Kees");
  });
});
