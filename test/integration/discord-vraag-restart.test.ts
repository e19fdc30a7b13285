import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ID, BOT, FakeDiscord, GENERAL, HANDOFF_FORUM, TOKEN } from "../fakes/fake-discord.js";
import { AppProcess } from "../helpers/app-process.js";
import { copyOfStarterKnowledge, tempDir } from "../helpers/temp-knowledge.js";

const READY = ["Discord verbonden als"];
const ASKER = { id: "960000000000000001", username: "anna" };

/** `/vraag` with the app killed (SIGKILL) right after the deferral, and started again: the real `npm start` against the fake Discord. */
describe("/vraag cut off by a kill", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: AppProcess;

  beforeAll(async () => {
    const api = await discord.start();
    const rosterFile = path.join(temp.dir, "roster.yaml");
    fs.writeFileSync(rosterFile, `coordinators: [{ id: carla, name: Carla }]\nmembers:\n  - { id: mira, name: Mira, discord: "960000000000000004" }\n`);
    app = new AppProcess({
      ...process.env, DATA_DIR: temp.dir, KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: rosterFile, LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? "info", WEB_ENABLED: "false",
      HANDOFF_TICK_SECONDS: "0.2", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: api, DISCORD_HANDOFF_CHANNEL_ID: HANDOFF_FORUM,
    });
    await app.start(READY);
  }, 600_000);
  // A kill point a failed test never reached must not catch the next test's requests.
  afterEach(() => {
    discord.onRequest = undefined;
  });
  afterAll(async () => {
    await app.kill();
    await discord.stop();
    temp.cleanup();
  });

  const vraag = (question: string, createdAt?: number) =>
    discord.interaction({ type: 2, channelId: GENERAL, user: ASKER, createdAt, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: question }] } });
  /** Kills the app as Discord acknowledges the deferral of `interaction`, then starts it again. */
  async function killAfterDeferral(interaction: { id: string }): Promise<void> {
    let killed: Promise<void> | undefined;
    discord.onRequest = (method, route) => {
      if (!killed && method === "POST" && route.startsWith(`/interactions/${interaction.id}/`)) killed = app.kill();
      return undefined;
    };
    discord.dispatch("INTERACTION_CREATE", interaction);
    await discord.waitUntil(() => !!killed, "the deferral", 300_000);
    await killed;
    discord.onRequest = undefined;
    await app.start(READY);
  }
  /** Waits for a sentinel (`/vliegwiel help`) to be answered: whatever came before it has been handled. */
  async function sentinel(): Promise<void> {
    const help = discord.interaction({ type: 2, channelId: GENERAL, user: ASKER, data: { id: "2", name: "vliegwiel", type: 1, options: [{ name: "help", type: 1 }] } });
    discord.dispatch("INTERACTION_CREATE", help);
    await discord.waitFor("POST", new RegExp(`^/interactions/${help.id}/`), 1, 300_000);
  }

  it("given a kill after the deferral, then after the restart the deferred reply becomes the answer, once, also when Discord delivers the command again", async () => {
    const interaction = vraag("Wat is een burgerbegroting?");
    await killAfterDeferral(interaction);
    expect(discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))[0]!.body.type).toBe(5);
    await discord.waitUntil(() => ((discord.originalMessages.get(interaction.token)?.embeds as unknown[]) ?? []).length > 0, "the deferred reply edited into the answer", 300_000);
    expect(app.log).toContain(`/vraag ${interaction.id} wordt opnieuw beantwoord`);
    const answer = discord.originalMessages.get(interaction.token)!;
    expect(JSON.stringify(answer.embeds)).toMatch(/burgerbegroting/i);
    // The answer has its thread, as an uninterrupted /vraag has.
    expect(discord.channels.get(String(answer.id))?.parent_id).toBe(GENERAL);

    discord.dispatch("INTERACTION_CREATE", interaction); // delivered again
    await sentinel();
    expect(discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))).toHaveLength(1);
    expect(discord.callsTo("PATCH", new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original$`))).toHaveLength(1);
    expect(discord.callsTo("POST", /^\/channels\/\d+\/messages$/).filter((c) => JSON.stringify(c.body).includes("burgerbegroting"))).toHaveLength(0);
  }, 900_000);

  it("given a restart after the interaction's 15 minutes, then the answer is posted in the channel under a note that mentions the asker", async () => {
    const interaction = vraag("Hoe werkt een dorpsraad?", Date.now() - 16 * 60_000);
    await killAfterDeferral(interaction);
    const [note] = await discord.waitFor("POST", new RegExp(`^/channels/${GENERAL}/messages$`), 1, 300_000);
    expect(note!.body.content).toContain(`<@${ASKER.id}>`);
    expect(note!.body.content).toContain("Hoe werkt een dorpsraad?");
    expect(note!.body.allowed_mentions).toEqual({ parse: [], users: [ASKER.id] });
    const noteId = [...discord.messages.values()].find((m) => m.channel_id === GENERAL && String(m.content).includes("dorpsraad") && m.author === BOT)!.id as string;
    const [answer] = await discord.waitFor("POST", new RegExp(`^/channels/${noteId}/messages$`), 1, 300_000);
    expect(JSON.stringify(answer!.body.embeds)).toMatch(/dorpsraad/i);
    // The token is past its life: no edit was tried with it.
    expect(discord.callsTo("PATCH", new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}/`))).toHaveLength(0);
    await sentinel();
    expect(discord.callsTo("POST", new RegExp(`^/channels/(${GENERAL}|${noteId})/messages$`)).filter((c) => /dorpsraad/i.test(JSON.stringify(c.body)))).toHaveLength(2);
  }, 900_000);
  it("given a kill after the deferred reply was edited into the answer, before what follows it (the consent question), then after the restart only that is sent, once, to the asker alone in a DM", async () => {
    const interaction = vraag("Hoe regel ik een parkeervergunning voor de vrijwilligers van ons dorpshuis?");
    const followUp = new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}$`);
    // The kill point: the answer is in the deferred reply and that is recorded; the private consent question is on its way.
    let killed: Promise<void> | undefined;
    discord.onRequest = (method, route) => {
      if (killed || method !== "POST" || !followUp.test(route)) return undefined;
      killed = app.kill();
      return killed.then(() => "drop" as const);
    };
    discord.dispatch("INTERACTION_CREATE", interaction);
    await discord.waitUntil(() => !!killed, "the consent question after the edited answer", 300_000);
    await killed;
    discord.onRequest = undefined;
    const answer = discord.originalMessages.get(interaction.token)!;
    expect(JSON.stringify(answer.embeds ?? answer.content)).toMatch(/parkeervergunning|mens/i);
    await app.start(READY);

    // The consent question goes to the asker in a DM (the token that could keep it private is forgotten); the answer is not edited again.
    const thread = String(answer.id);
    const dmChannel = /^\/channels\/97\d+\/messages$/;
    const [consent] = await discord.waitFor("POST", dmChannel, 1, 300_000);
    expect(discord.callsTo("POST", /^\/users\/@me\/channels$/).map((c) => c.body.recipient_id)).toContain(ASKER.id);
    expect(JSON.stringify(consent!.body.components)).toMatch(/share/);
    expect(app.log).toContain(`/vraag ${interaction.id} wordt opnieuw beantwoord`);

    discord.dispatch("INTERACTION_CREATE", interaction); // delivered again
    await sentinel();
    expect(discord.callsTo("PATCH", new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original$`))).toHaveLength(1);
    expect(discord.callsTo("POST", followUp)).toHaveLength(0);
    expect(discord.callsTo("POST", dmChannel)).toHaveLength(1);
    expect(discord.callsTo("POST", new RegExp(`^/channels/${thread}/messages$`))).toHaveLength(0);
    expect(discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))).toHaveLength(1);
  }, 900_000);
});
