import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app/create-app.js";
import { APPLICATION_ID, BOT, FakeDiscord, GENERAL } from "../fakes/fake-discord.js";
import { startDiscordHandoffApp } from "../helpers/discord-flow.js";
import { unfinishedEvents } from "../helpers/event-inbox.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/**
 * A call to Discord whose connection is closed before any answer (a kept-alive connection the server
 * closed while the app was busy: undici's "other side closed", which discord.js does not retry). Seen
 * under heavy load: the answer after a restart never came. Now the answer is tried again and arrives once.
 */
describe("Discord answers when a connection is closed under a call", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let logLines: string[] = [];
  const dbFile = () => path.join(temp.dir, "vliegwiel.db");

  beforeAll(async () => {
    ({ app, logLines } = await startDiscordHandoffApp(temp.dir, discord));
  });
  afterEach(() => {
    discord.onRequest = undefined;
  });
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  /** The first request `matches` picks has its connection closed unanswered, as a closed kept-alive connection does; returns whether it happened. */
  const closeFirst = (matches: (method: string, route: string) => boolean) => {
    const state = { closed: false };
    discord.onRequest = (method, route) => {
      if (state.closed || !matches(method, route)) return undefined;
      state.closed = true;
      return "drop";
    };
    return state;
  };
  const unfinishedInbox = () => unfinishedEvents(dbFile());
  const messagesIn = (channelId: string) => [...discord.messages.values()].filter((m) => m.channel_id === channelId && m.id !== channelId);

  for (const [what, cut] of [
    ["the post of its answer", (thread: string) => (method: string, route: string) => method === "POST" && route === `/channels/${thread}/messages`],
    ["the start of its thread", (thread: string) => (method: string, route: string) => method === "POST" && route === `/channels/${GENERAL}/messages/${thread}/threads`],
  ] as const) {
    it(`given the connection is closed under ${what}, then the answer is tried again and reaches the question's thread once`, async () => {
      const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Hoe vinden we vrijwilligers voor de dorpsdag?`, mentionsBot: true });
      const thread = String(question.id);
      const closed = closeFirst(cut(thread));
      const inChannelBefore = messagesIn(GENERAL).length;
      discord.dispatch("MESSAGE_CREATE", question);
      await discord.waitUntil(() => messagesIn(thread).length > 0, "the answer", 60_000);
      await discord.waitUntil(() => unfinishedInbox() === 0, "the inbox to be done", 30_000);
      expect(closed.closed).toBe(true);
      expect(messagesIn(thread)).toHaveLength(1);
      expect((messagesIn(thread)[0]!.embeds as unknown[]).length).toBeGreaterThan(0);
      // In the question's own thread, not beside it in the channel.
      expect(discord.channels.get(thread)?.parent_id).toBe(GENERAL);
      expect(messagesIn(GENERAL)).toHaveLength(inChannelBefore);
      expect(logLines.some((l) => l.includes("nieuwe poging over") && l.includes("other side closed"))).toBe(true);
    });
  }

  it("given the connection is closed under the edit of /vraag's deferred reply, then it is edited into the answer once", async () => {
    const interaction = discord.interaction({ type: 2, channelId: GENERAL, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: "Wat is een burgerbegroting?" }] } });
    const original = new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original$`);
    const closed = closeFirst((method, route) => method === "PATCH" && original.test(route));
    discord.dispatch("INTERACTION_CREATE", interaction);
    await discord.waitUntil(() => ((discord.originalMessages.get(interaction.token)?.embeds as unknown[]) ?? []).length > 0, "the deferred reply edited into the answer", 60_000);
    await discord.waitUntil(() => unfinishedInbox() === 0, "the inbox to be done", 30_000);
    expect(closed.closed).toBe(true);
    expect(JSON.stringify(discord.originalMessages.get(interaction.token)!.embeds)).toMatch(/burgerbegroting/i);
    expect(discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))).toHaveLength(1);
    expect(discord.callsTo("PATCH", original)).toHaveLength(1);
    // Nothing of it beside the deferred reply.
    expect(discord.callsTo("POST", /^\/channels\/\d+\/messages$/).filter((c) => JSON.stringify(c.body).includes("burgerbegroting"))).toHaveLength(0);
    expect(logLines.some((l) => l.includes(`/vraag ${interaction.id} wordt opnieuw beantwoord (een poging mislukte)`))).toBe(true);
  });

  it("given the connection is closed under the edit and then under the consent question after it, then the answer is edited once and the consent question comes once, to the asker alone (a DM)", async () => {
    const asker = { id: "960000000000000001", username: "anna" };
    const interaction = discord.interaction({ type: 2, channelId: GENERAL, user: asker, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: "Hoe regel ik een parkeervergunning voor de vrijwilligers van ons dorpshuis?" }] } });
    const original = new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original$`);
    const followUp = new RegExp(`^/webhooks/${APPLICATION_ID}/${interaction.token}$`);
    const closed = { edit: false, followUp: false };
    discord.onRequest = (method, route) => {
      if (!closed.edit && method === "PATCH" && original.test(route)) return (closed.edit = true), "drop";
      if (!closed.followUp && method === "POST" && followUp.test(route)) return (closed.followUp = true), "drop";
      return undefined;
    };
    discord.dispatch("INTERACTION_CREATE", interaction);
    await discord.waitUntil(() => unfinishedInbox() === 0 && closed.followUp, "the answer and what follows it", 60_000);
    expect(closed).toEqual({ edit: true, followUp: true });
    const answer = discord.originalMessages.get(interaction.token)!;
    expect(JSON.stringify(answer.embeds)).toMatch(/mens/i);
    expect(discord.callsTo("PATCH", original)).toHaveLength(1);
    // The consent question, once: after the edit was recorded (and the token forgotten with it), a second try
    // sends only what follows the answer, and the consent question privately, in a DM to the asker.
    const thread = String(answer.id);
    expect(discord.callsTo("POST", new RegExp(`^/channels/${thread}/messages$`)).filter((c) => /share/.test(JSON.stringify(c.body.components ?? [])))).toEqual([]);
    expect(discord.callsTo("POST", /^\/users\/@me\/channels$/).map((c) => c.body.recipient_id)).toContain(asker.id);
    const consent = discord.callsTo("POST", /^\/channels\/97\d+\/messages$/);
    expect(consent).toHaveLength(1);
    expect(JSON.stringify(consent[0]!.body.components)).toMatch(/share/);
    expect(discord.callsTo("POST", followUp)).toHaveLength(0);
  });
});
