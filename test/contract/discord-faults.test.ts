import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app/create-app.js";
import { FakeDiscord, GENERAL, HANDOFF_FORUM } from "../fakes/fake-discord.js";
import { askForPersonOnDiscord, claimOf, discordPosts, forumPostsFor, pressButton, startDiscordHandoffApp, TOLK } from "../helpers/discord-flow.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/** The whole app against the fake Discord, with answers lost in flight. */
describe("Discord under faults", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let logLines: string[] = [];

  beforeAll(async () => {
    ({ app, logLines } = await startDiscordHandoffApp(temp.dir, discord));
  });
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  it("given the forum post's and a relay's answers are lost in flight, then the retries find them: one post, one relay", async () => {
    const { askerThread, share } = await askForPersonOnDiscord(discord, GENERAL);
    let lostHead = false;
    let lostRelay = false;
    discord.onRequest = (method, route, body) => {
      if (method === "POST" && route === `/channels/${HANDOFF_FORUM}/threads` && !lostHead) return (lostHead = true), "lose-response";
      if (method === "POST" && route === `/channels/${askerThread}/messages` && String(body.content).startsWith("Antwoord van") && !lostRelay) return (lostRelay = true), "lose-response";
    };
    const handoffId = share.split(":").slice(2).join(":");
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, { id: "960000000000000001", username: "anna" }, share, askerThread));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).startsWith("Je vraag is doorgegeven")), "the shared notice", 20_000);
    expect(lostHead).toBe(true);
    expect(forumPostsFor(discord, HANDOFF_FORUM, handoffId)).toHaveLength(1);
    expect(discord.callsTo("GET", /\/threads\/active$/)).not.toHaveLength(0);

    const thread = [...discord.channels.values()].find((c) => c.parent_id === HANDOFF_FORUM)!.id;
    const claim = claimOf(forumPostsFor(discord, HANDOFF_FORUM, handoffId)[0]!.body.message as Record<string, unknown>);
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, TOLK, claim.customId, thread));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).includes("opgepakt")), "the claimed notice", 20_000);
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: thread, content: "Bij het evenementenloket van de gemeente.", author: TOLK }));
    await discord.waitUntil(() => lostRelay && discordPosts(discord, askerThread).filter((c) => String(c.body.content).startsWith("Antwoord van")).length >= 2, "the relay's retry", 20_000);
    // Both tries carried the same nonce with enforce_nonce: Discord keeps one message.
    const relays = discordPosts(discord, askerThread).filter((c) => String(c.body.content).startsWith("Antwoord van"));
    expect(new Set(relays.map((c) => c.body.nonce)).size).toBe(1);
    expect(relays.every((c) => c.body.enforce_nonce === true)).toBe(true);
    const relayMessages = [...discord.messages.values()].filter((m) => m.channel_id === askerThread && String(m.content).startsWith("Antwoord van"));
    expect(relayMessages).toHaveLength(1);
  });

  it("given Discord refuses the relay of a tolk's answer on every try until it parks, then the tolk is told once in the forum post, by a mention of them alone", async () => {
    const { askerThread, share } = await askForPersonOnDiscord(discord, GENERAL);
    const handoffId = share.split(":").slice(2).join(":");
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, { id: "960000000000000001", username: "anna" }, share, askerThread));
    await discord.waitUntil(() => forumPostsFor(discord, HANDOFF_FORUM, handoffId).length > 0, "the forum post", 20_000);
    const thread = [...discord.channels.values()].find((c) => c.parent_id === HANDOFF_FORUM && JSON.stringify(discord.messages.get(c.id)?.components ?? []).includes(handoffId))!.id;
    const claim = claimOf(forumPostsFor(discord, HANDOFF_FORUM, handoffId)[0]!.body.message as Record<string, unknown>);
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, TOLK, claim.customId, thread));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).includes("opgepakt")), "the claimed notice", 20_000);
    // Missing Access in the asker's thread, for every try.
    const refusals = Array.from({ length: 20 }, () => ({ method: "POST", path: new RegExp(`^/channels/${askerThread}/messages$`), status: 403, code: 50001 }));
    discord.failNext.push(...refusals);
    try {
      discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: thread, content: "Het evenementenloket helpt je verder.", author: TOLK }));
      const told = () => discordPosts(discord, thread).map((c) => c.body).filter((m) => /misschien niet bereikt/.test(String(m.content)));
      await discord.waitUntil(() => told().length > 0, "the tolk to be told the relay parked", 60_000);
      const notice = told()[0]!;
      expect(String(notice.content)).toContain("Het evenementenloket helpt je verder.");
      expect(String(notice.content)).toContain(`<@${TOLK.id}>`);
      expect(notice.allowed_mentions).toMatchObject({ users: [TOLK.id], roles: [] });
      await app.handoffs.deliverPending();
      expect(told()).toHaveLength(1);
    } finally {
      for (const refusal of refusals) if (discord.failNext.includes(refusal)) discord.failNext.splice(discord.failNext.indexOf(refusal), 1);
    }
  }, 90_000);

  it("given a tolk's reply with an attachment and no text, then it reaches the asker as the file's name and link", async () => {
    const { askerThread, share } = await askForPersonOnDiscord(discord, GENERAL);
    const handoffId = share.split(":").slice(2).join(":");
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, { id: "960000000000000001", username: "anna" }, share, askerThread));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).startsWith("Je vraag is doorgegeven")), "the shared notice", 20_000);
    const thread = [...discord.channels.values()].find((c) => c.parent_id === HANDOFF_FORUM && JSON.stringify(discord.messages.get(c.id)?.components ?? []).includes(handoffId))!.id;
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, TOLK, `vw:claim:${handoffId}`, thread));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).includes("opgepakt")), "the claimed notice", 20_000);
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: thread, content: "", author: TOLK, attachments: [{ filename: "formulier.pdf", url: "https://cdn.discordapp.com/attachments/1/2/formulier.pdf" }] }));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).includes("formulier.pdf")), "the relayed file", 20_000);
    const relay = discordPosts(discord, askerThread).find((c) => String(c.body.content).includes("formulier.pdf"))!;
    expect(relay.body.content).toContain("Bijlage: formulier.pdf (https://cdn.discordapp.com/attachments/1/2/formulier.pdf)");
  });

  it("given the gateway connection drops, then a warning is logged at once and the return says how long it lasted", async () => {
    discord.requestReconnect();
    await discord.waitUntil(() => logLines.some((l) => l.includes("verbinding met de gateway verloren")), "the warning");
    await discord.waitUntil(() => logLines.some((l) => /gateway (hervat|weer verbonden).* na \d+ s/.test(l)), "the return, in Dutch");
    expect(logLines.find((l) => l.includes("verbinding met de gateway verloren"))).toMatch(/ warn /);
  });
});
