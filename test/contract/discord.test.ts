import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { APPLICATION_ID, AUTO_ANSWER, BOT, FakeDiscord, GENERAL, HANDOFF_FORUM, KNOWLEDGE_ROLE, TOKEN, TOLK_ROLE, type DiscordCall } from "../fakes/fake-discord.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const ANNA = { id: "960000000000000001", username: "anna" }; // asks questions
const KEES = { id: "960000000000000002", username: "kees" }; // another member of the server
const JOOST = { id: "960000000000000003", username: "joost" }; // has the Tolk role, not on the roster
const MIRA_DISCORD_ID = "960000000000000004"; // on the roster with her Discord id

/** The whole app with Discord configured, pointed at the fake Discord's REST API and gateway. */
async function startDiscordApp(dataDir: string, apiUrl: string, env: Record<string, string> = {}): Promise<App> {
  const config = testConfig(dataDir, { WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl, ...env });
  const app = createApp(config, createLogger("error"));
  await app.start();
  return app;
}

type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } };
type Row = { components: Array<{ label: string; custom_id: string }> };
const embedsOf = (call: DiscordCall) => (call.body.embeds ?? (call.body.data as Record<string, unknown> | undefined)?.embeds ?? []) as Embed[];
const buttonsOf = (call: DiscordCall) => ((call.body.components ?? (call.body.data as Record<string, unknown> | undefined)?.components ?? []) as Row[]).flatMap((r) => r.components);
const messagesIn = (discord: FakeDiscord, channelId: string) => discord.callsTo("POST", new RegExp(`^/channels/${channelId}/messages$`));

/** Runs a test against its own app and fake Discord, cleaned up afterwards. */
async function withDiscordApp(
  env: Record<string, string>,
  run: (discord: FakeDiscord) => Promise<void>,
  setup: (discord: FakeDiscord, dir: string) => Record<string, string> = () => ({}),
): Promise<void> {
  const temp = tempDir();
  const discord = new FakeDiscord();
  const extra = setup(discord, temp.dir);
  const app = await startDiscordApp(temp.dir, await discord.start(), { ...env, ...extra });
  try {
    await run(discord);
  } finally {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  }
}

let sentinels = 0;
/**
 * A later direct message that must be answered after what was dispatched before it was handled:
 * a "nothing else was sent" check waits for its answer instead of sleeping. Returns its channel.
 */
async function sentinel(discord: FakeDiscord): Promise<string> {
  const dm = `98000000000000000${++sentinels}`;
  discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Wat is een burgerbegroting?", guild: false }));
  await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`), 1, 20_000);
  return dm;
}

/** A button press (INTERACTION_CREATE, type 3) on a message of the bot. */
function pressButton(discord: FakeDiscord, user: { id: string; username: string }, customId: string, channelId: string, roles: string[] = []) {
  return discord.interaction({ type: 3, channelId, user, roles, data: { custom_id: customId, component_type: 2 }, message: discord.message({ channelId, content: "", author: BOT }) });
}

describe("Discord adapter against a fake Discord gateway and REST API", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;

  beforeAll(async () => {
    const apiUrl = await discord.start();
    app = await startDiscordApp(temp.dir, apiUrl, { DISCORD_AUTO_ANSWER_CHANNEL_IDS: AUTO_ANSWER });
  });
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });
  beforeEach(() => {
    discord.calls.length = 0;
  });

  it("given a start, then it identifies with only the intents it needs and keeps the heartbeat going", async () => {
    expect(discord.identifies).toHaveLength(1);
    const identify = discord.identifies[0]!;
    expect(identify.token).toBe(TOKEN);
    // Guilds (1) + GuildMessages (512) + DirectMessages (4096) + MessageContent (32768); no members or presences.
    expect(identify.intents).toBe(1 + 512 + 4096 + 32768);
    await discord.waitUntil(() => discord.heartbeats >= 1, "a heartbeat", 5_000);
  });

  it("given a mention in a channel, then it types, starts a thread on the question and answers there with sources and buttons", async () => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is een burgerbegroting?`, mentionsBot: true });
    discord.dispatch("MESSAGE_CREATE", question);
    const [started] = await discord.waitFor("POST", /^\/channels\/\d+\/messages\/\d+\/threads$/);
    expect(started!.path).toBe(`/channels/${GENERAL}/messages/${question.id}/threads`);
    expect(started!.body.name).toBe("Wat is een burgerbegroting?");
    const [answer] = await discord.waitFor("POST", new RegExp(`^/channels/${question.id}/messages$`));
    expect(discord.callsTo("POST", /\/typing$/).length).toBeGreaterThanOrEqual(1);
    const [embed] = embedsOf(answer!);
    expect(embed!.description).toMatch(/burgerbegroting/i);
    expect(embed!.fields?.[0]).toMatchObject({ name: "Bronnen" });
    expect(buttonsOf(answer!).map((b) => b.label)).toEqual(["Nuttig", "Niet nuttig", "Vraag een mens"]);
    expect(answer!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("given a follow-up in a thread it answered, then it answers without a new mention", async () => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is een burgerbegroting?`, mentionsBot: true });
    discord.dispatch("MESSAGE_CREATE", question);
    await discord.waitFor("POST", new RegExp(`^/channels/${question.id}/messages$`));
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: String(question.id), content: "En wat is een Community Benefit Agreement?" }));
    await discord.waitFor("POST", new RegExp(`^/channels/${question.id}/messages$`), 2);
    expect(discord.callsTo("POST", /\/threads$/)).toHaveLength(1); // no second thread
  });

  it("given 'Vraag een mens' under an answer, then it acknowledges privately at once and asks the asker's consent for that question", async () => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is een burgerbegroting?`, mentionsBot: true });
    discord.dispatch("MESSAGE_CREATE", question);
    const [answer] = await discord.waitFor("POST", new RegExp(`^/channels/${question.id}/messages$`));
    const askHuman = buttonsOf(answer!).find((b) => b.label === "Vraag een mens")!;
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, ANNA, askHuman.custom_id, String(question.id)));
    const [deferred] = await discord.waitFor("POST", /\/callback$/);
    expect(deferred!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const [edited] = await discord.waitFor("PATCH", /\/messages\/@original$/);
    expect(JSON.stringify(edited!.body)).toContain("Mag ik je vraag doorgeven");
    expect(buttonsOf(edited!).map((b) => b.label)).toEqual(["Ja, deel mijn vraag", "Deel anoniem", "Niet delen"]);
  });

  it("given a long answer and document text with @everyone, then it fits Discord's limits and pings nobody", async () => {
    const { renderDiscordReply } = await import("../../src/channels/discord/render-discord-reply.js");
    const long = Array.from({ length: 300 }, (_, i) => `• Zin ${i} over het dorpshuis en de vrijwilligers, @everyone welkom.`).join("\n");
    const messages = renderDiscordReply({ kind: "answer", decision: "answer", reason: "x", text: `${long}\n\nBronnen:\n[1] Verslag`, sources: [], furtherReading: [], passages: [], confidence: 1 });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(String(m.embeds![0]!.description).length).toBeLessThanOrEqual(4096);
      expect(JSON.stringify(m)).not.toMatch(/@everyone/);
      expect(m.allowed_mentions.parse).toEqual([]);
    }
    expect(messages.map((m) => m.embeds![0]!.description).join("\n")).toContain("Zin 299");
    expect(messages.at(-1)!.components).toHaveLength(1); // the buttons once, under the last part
  });

  it("given chatter without a mention, a bot's message or its own, then it stays silent", async () => {
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: GENERAL, content: "Wat is een burgerbegroting?" }));
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is een burgerbegroting?`, mentionsBot: true, author: { id: "960000000000000077", username: "anderebot", bot: true } }));
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: GENERAL, content: `<@${BOT.id}> hoi`, mentionsBot: true, author: BOT }));
    const dm = await sentinel(discord);
    expect(discord.calls.filter((c) => c.method === "POST" && !c.path.includes(dm))).toHaveLength(0);
  });

  it("given a direct message, then it answers in the DM", async () => {
    const dm = "970000000000000001";
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Wat is Vereniging Dwarsverband?", guild: false }));
    const [answer] = await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`));
    expect(embedsOf(answer!)[0]!.description).toMatch(/Dwarsverband/);
    expect(discord.callsTo("POST", /\/threads$/)).toHaveLength(0);
  });

  it("given a new post in the auto-answer forum, then it answers in the post without a mention", async () => {
    const post = discord.personThread(AUTO_ANSWER, "Burgerbegroting?");
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: post, content: "Wat is een burgerbegroting?" }));
    await discord.waitFor("POST", new RegExp(`^/channels/${post}/messages$`));
  });

  it("given /vraag, then it defers at once and edits the deferred reply with the answer", async () => {
    const interaction = discord.interaction({ type: 2, channelId: GENERAL, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: "Wat is een burgerbegroting?" }] } });
    discord.dispatch("INTERACTION_CREATE", interaction);
    const [deferred] = await discord.waitFor("POST", /\/callback$/);
    expect(deferred!.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(deferred!.body).toMatchObject({ type: 5 });
    const [edited] = await discord.waitFor("PATCH", /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(edited!.path).toBe(`/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`);
    expect(embedsOf(edited!)[0]!.description).toMatch(/burgerbegroting/i);
    // The answer gets a thread, where a follow-up needs no new mention.
    const [thread] = await discord.waitFor("POST", new RegExp(`^/channels/${GENERAL}/messages/\\d+/threads$`));
    const answerThread = thread!.path.split("/")[4]!;
    expect(thread!.body.name).toBe("Wat is een burgerbegroting?");
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: answerThread, content: "En wat is een Community Benefit Agreement?" }));
    const [followUp] = await discord.waitFor("POST", new RegExp(`^/channels/${answerThread}/messages$`));
    expect(embedsOf(followUp!)[0]!.description).toMatch(/Community Benefit/i);
  });

  it("given /vliegwiel help, then it explains itself privately", async () => {
    discord.dispatch("INTERACTION_CREATE", discord.interaction({ type: 2, channelId: GENERAL, data: { id: "2", name: "vliegwiel", type: 1, options: [{ name: "help", type: 1, options: [] }] } }));
    const [reply] = await discord.waitFor("POST", /\/callback$/);
    expect(reply!.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining("Zo werk ik") } });
  });

  it("given a gateway reconnect with a replayed message, then it resumes and answers only once", async () => {
    const question = discord.message({ channelId: "970000000000000002", content: "Wat is een Community Benefit Agreement?", guild: false });
    discord.dispatch("MESSAGE_CREATE", question);
    await discord.waitFor("POST", /^\/channels\/970000000000000002\/messages$/);
    discord.requestReconnect();
    await discord.waitUntil(() => discord.resumes.length === 1, "RESUME", 10_000);
    expect(discord.identifies).toHaveLength(1); // resumed, not a new session
    discord.replayLast("MESSAGE_CREATE");
    await sentinel(discord);
    expect(messagesIn(discord, "970000000000000002")).toHaveLength(1);
    // And it still answers new questions on the resumed session.
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: "970000000000000002", content: "Wat is een burgerbegroting?", guild: false }));
    await discord.waitFor("POST", /^\/channels\/970000000000000002\/messages$/, 2);
  });

  it("given Discord answers 429, then discord.js waits and the answer still arrives", async () => {
    const dm = "970000000000000003";
    discord.rateLimitOnce.add(`POST /channels/${dm}/messages`);
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Wat is een burgerbegroting?", guild: false }));
    await discord.waitUntil(() => discord.calls.some((c) => c.path === `/channels/${dm}/messages` && !c.body.rateLimited), "the retried answer", 15_000);
    expect(discord.calls.filter((c) => c.path === `/channels/${dm}/messages`).map((c) => !!c.body.rateLimited)).toEqual([true, false]);
  });
});

describe("Discord handoff end to end against a fake Discord", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let knowledgeDir: string;

  const press = (user: { id: string; username: string }, customId: string, channelId: string, roles: string[] = []) => pressButton(discord, user, customId, channelId, roles);

  beforeAll(async () => {
    const apiUrl = await discord.start();
    const rosterFile = path.join(temp.dir, "roster.yaml");
    fs.writeFileSync(rosterFile, `coordinators: [{ id: carla, name: Carla }]\nmembers:\n  - { id: mira, name: Mira, discord: "${MIRA_DISCORD_ID}" }\n`);
    knowledgeDir = path.join(temp.dir, "knowledge");
    app = await startDiscordApp(temp.dir, apiUrl, {
      ROSTER_FILE: rosterFile,
      DISCORD_HANDOFF_CHANNEL_ID: HANDOFF_FORUM,
      DISCORD_TEAM_ROLE_IDS: TOLK_ROLE,
      DISCORD_KNOWLEDGE_ROLE_IDS: KNOWLEDGE_ROLE,
      HANDOFF_TICK_SECONDS: "0.1",
    });
  });
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });
  beforeEach(() => {
    discord.calls.length = 0;
  });

  it("given an unanswerable mention, then consent, forum post, claim by role, relay both ways and close happen on Discord", async () => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?`, mentionsBot: true });
    discord.dispatch("MESSAGE_CREATE", question);
    const askerThread = String(question.id);
    const [reply] = await discord.waitFor("POST", new RegExp(`^/channels/${askerThread}/messages$`));
    const consent = buttonsOf(reply!);
    expect(consent.map((b) => b.label)).toEqual(["Ja, deel mijn vraag", "Deel anoniem", "Niet delen"]);
    expect(discord.callsTo("POST", new RegExp(`^/channels/${HANDOFF_FORUM}/threads$`))).toHaveLength(0); // nothing shared yet

    // Only the asker can consent; someone else pressing gets a private refusal.
    discord.dispatch("INTERACTION_CREATE", press(KEES, consent[0]!.custom_id, askerThread));
    const [refusal] = await discord.waitFor("POST", /\/callback$/);
    expect(refusal!.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining("Alleen wie de vraag stelde") } });
    discord.dispatch("INTERACTION_CREATE", press(ANNA, consent[0]!.custom_id, askerThread));
    await discord.waitFor("POST", /\/callback$/, 2);
    expect(discord.callsTo("POST", /\/callback$/)[1]!.body).toMatchObject({ type: 7, data: { content: expect.stringContaining("Ik geef je vraag door"), components: [] } });

    // A forum post for the tolken: status tag "open", the routed person mentioned, a claim button.
    const [post] = await discord.waitFor("POST", new RegExp(`^/channels/${HANDOFF_FORUM}/threads$`));
    const head = post!.body.message as Record<string, unknown>;
    expect(post!.body.name).toBe("Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?");
    expect(post!.body.applied_tags).toEqual(["940000000000000001"]);
    expect(head.content).toBe(`<@${MIRA_DISCORD_ID}>`);
    expect(head.allowed_mentions).toMatchObject({ users: [MIRA_DISCORD_ID] });
    expect(JSON.stringify(head.embeds)).toContain("evenementenvergunning");
    const claim = ((head.components as Row[])[0]!.components)[0]!;
    expect(claim.label).toBe("Ik pak dit op");
    const forumThread = [...discord.channels.values()].find((c) => c.parent_id === HANDOFF_FORUM)!.id;

    // Without the Tolk role, claiming is refused; with it, Joost (not on the roster) claims.
    discord.dispatch("INTERACTION_CREATE", press(KEES, claim.custom_id, String(forumThread)));
    await discord.waitUntil(() => discord.callsTo("POST", /\/callback$/).some((c) => JSON.stringify(c.body).includes("rol van tolk")), "the refusal");
    discord.dispatch("INTERACTION_CREATE", press(JOOST, claim.custom_id, String(forumThread), [TOLK_ROLE]));
    await discord.waitUntil(() => discord.callsTo("POST", /\/callback$/).some((c) => c.body.type === 6), "the deferred update");
    const [tags] = await discord.waitFor("PATCH", new RegExp(`^/channels/${forumThread}$`));
    expect(tags!.body.applied_tags).toEqual(["940000000000000002"]);
    const [edited] = await discord.waitFor("PATCH", new RegExp(`^/channels/${forumThread}/messages/${forumThread}$`));
    expect(embedsOf(edited!)[0]!.footer?.text).toBe("Opgepakt door joost");
    await discord.waitUntil(() => messagesIn(discord, askerThread).some((c) => String(c.body.content).includes("opgepakt")), "the asker told");

    // The tolk's answer in the forum post reaches the asker; the asker's reply reaches the post.
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: String(forumThread), content: "Bij de gemeente, via het evenementenloket; reken op acht weken.", author: JOOST, roles: [TOLK_ROLE] }));
    await discord.waitUntil(() => messagesIn(discord, askerThread).some((c) => String(c.body.content).includes("evenementenloket")), "the relayed answer");
    expect(messagesIn(discord, askerThread).find((c) => String(c.body.content).includes("evenementenloket"))!.body.content).toContain("Antwoord van joost");
    // The asker answers joost deliberately: "Antwoord aan joost" under the answer, then a message in the thread.
    const relayedAnswer = messagesIn(discord, askerThread).find((c) => String(c.body.content).includes("evenementenloket"))!;
    const replyButton = buttonsOf(relayedAnswer)[0]!;
    expect(replyButton.label).toBe("Antwoord aan joost");
    discord.dispatch("INTERACTION_CREATE", press(ANNA, replyButton.custom_id, askerThread));
    await discord.waitUntil(() => discord.callsTo("POST", /\/callback$/).some((c) => JSON.stringify(c.body).includes("je volgende bericht gaat naar")), "the choice confirmed");
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: askerThread, content: "Dank je! Geldt dat ook voor een straatfeest?", author: ANNA }));
    await discord.waitUntil(() => messagesIn(discord, String(forumThread)).some((c) => String(c.body.content).includes("straatfeest")), "the relayed reply");

    // Close and add to the knowledge store: tag "afgesloten", the asker told, the answer learned.
    const closeLearn = buttonsOf(edited!).find((b) => b.custom_id.startsWith("vw:close_learn:"))!;
    discord.dispatch("INTERACTION_CREATE", press(JOOST, closeLearn.custom_id, String(forumThread), [TOLK_ROLE]));
    await discord.waitUntil(() => discord.callsTo("PATCH", new RegExp(`^/channels/${forumThread}$`)).some((c) => JSON.stringify(c.body.applied_tags) === '["940000000000000003"]'), "the closed tag");
    await discord.waitUntil(() => messagesIn(discord, askerThread).some((c) => String(c.body.content).includes("afgesloten")), "the asker told of closing");
    await discord.waitUntil(() => fs.existsSync(path.join(knowledgeDir, "antwoorden")) && fs.readdirSync(path.join(knowledgeDir, "antwoorden")).length === 1, "the learned answer");
  });

  it("given /vraag with an unanswerable question, then the consent question reaches only the asker", async () => {
    discord.dispatch("INTERACTION_CREATE", discord.interaction({ type: 2, channelId: GENERAL, user: ANNA, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: "Wie is de wethouder die nu over de subsidie voor ons dorpshuis beslist?" }] } }));
    const [edited] = await discord.waitFor("PATCH", /\/messages\/@original$/);
    expect(buttonsOf(edited!)).toHaveLength(0);
    expect(JSON.stringify(edited!.body)).not.toContain("Mag ik je vraag doorgeven");
    const [followUp] = await discord.waitFor("POST", /^\/webhooks\/\d+\/[^/]+$/);
    expect(followUp!.body).toMatchObject({ flags: 64, content: expect.stringContaining("Mag ik je vraag doorgeven") });
    expect(buttonsOf(followUp!).map((b) => b.label)).toEqual(["Ja, deel mijn vraag", "Deel anoniem", "Niet delen"]);
  });

  it("given /vliegwiel kennis-toevoegen with a file, then only someone with the knowledge role adds it", async () => {
    discord.attachments.set("moestuin.md", Buffer.from("# Moestuin op het dorpsplein\n\nDe moestuin wordt elke zaterdag door vrijwilligers verzorgd; de gemeente levert water.\n"));
    const addFile = (roles: string[]) => discord.interaction({
      type: 2, channelId: GENERAL, user: KEES, roles,
      data: {
        id: "2", name: "vliegwiel", type: 1,
        options: [{ name: "kennis-toevoegen", type: 1, options: [{ name: "bestand", type: 11, value: "980000000000000001" }] }],
        resolved: { attachments: { "980000000000000001": { id: "980000000000000001", filename: "moestuin.md", size: 96, url: discord.attachmentUrl("moestuin.md"), proxy_url: discord.attachmentUrl("moestuin.md"), content_type: "text/markdown" } } },
      },
    });
    discord.dispatch("INTERACTION_CREATE", (addFile([])));
    const [refused] = await discord.waitFor("PATCH", /\/messages\/@original$/);
    expect(refused!.body.content).toContain("beheerdersrol");
    discord.dispatch("INTERACTION_CREATE", (addFile([KNOWLEDGE_ROLE])));
    const edits = await discord.waitFor("PATCH", /\/messages\/@original$/, 2);
    expect(edits[1]!.body.content).toMatch(/1 toegevoegd/);
    expect(fs.existsSync(path.join(knowledgeDir, "moestuin.md"))).toBe(true);
  });
});

describe("Discord handoff in a text channel", () => {
  it("given a text channel for the tolken, then the handoff is a message there with a thread on it", async () => {
    await withDiscordApp({ DISCORD_HANDOFF_CHANNEL_ID: GENERAL, DISCORD_TEAM_ROLE_IDS: TOLK_ROLE }, async (discord) => {
      const dm = "970000000000000009";
      discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Ik wil graag een mens spreken over ons buurtfeest.", guild: false }));
      const [consent] = await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`));
      const share = buttonsOf(consent!).find((b) => b.custom_id.startsWith("vw:share:"))!;
      discord.dispatch("INTERACTION_CREATE", pressButton(discord, ANNA, share.custom_id, dm));
      const [head] = await discord.waitFor("POST", new RegExp(`^/channels/${GENERAL}/messages$`));
      // Nobody on the roster has a Discord id, so the Tolk role is mentioned.
      expect(head!.body.content).toBe(`<@&${TOLK_ROLE}>`);
      expect(head!.body.allowed_mentions).toMatchObject({ roles: [TOLK_ROLE] });
      const [thread] = await discord.waitFor("POST", new RegExp(`^/channels/${GENERAL}/messages/\\d+/threads$`));
      expect(thread!.body.name).toMatch(/buurtfeest/);
    }, (_discord, dir) => {
      const rosterFile = path.join(dir, "roster.yaml");
      fs.writeFileSync(rosterFile, "members:\n  - { id: mira, name: Mira }\n");
      return { ROSTER_FILE: rosterFile };
    });
  });
});

describe("Discord limited to listed servers", () => {
  it("given a server not in DISCORD_GUILD_IDS, then mentions there are left alone and commands get a short private reason", async () => {
    await withDiscordApp({ DISCORD_GUILD_IDS: "919999999999999999" }, async (discord) => {
      discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is een burgerbegroting?`, mentionsBot: true }));
      discord.dispatch("INTERACTION_CREATE", discord.interaction({ type: 2, channelId: GENERAL, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: "Wat is een burgerbegroting?" }] } }));
      const [reply] = await discord.waitFor("POST", /\/callback$/);
      expect(reply!.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining("niet ingeschakeld") } });
      const dm = await sentinel(discord);
      expect(discord.calls.filter((c) => c.method === "POST" && !c.path.endsWith("/callback") && !c.path.includes(dm))).toHaveLength(0);
    });
  });
});

describe("Discord start-up problems", () => {
  it("given the Message Content intent is not enabled for the bot, then start-up stops with what to do", async () => {
    const temp = tempDir();
    const discord = new FakeDiscord();
    discord.refuseMessageContent = true;
    try {
      const apiUrl = await discord.start();
      await expect(startDiscordApp(temp.dir, apiUrl)).rejects.toThrow(/Message Content Intent.*DISCORD_MESSAGE_CONTENT_INTENT=false/);
    } finally {
      await discord.stop();
      temp.cleanup();
    }
  });

  it("given a DISCORD_HANDOFF_CHANNEL_ID the bot cannot see, then the warning at start says in Dutch what to check and which permissions", async () => {
    const temp = tempDir();
    const discord = new FakeDiscord();
    const { logger, lines } = memoryLogger("info");
    const config = testConfig(temp.dir, {
      WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: await discord.start(),
      DISCORD_HANDOFF_CHANNEL_ID: "999999999999999999",
    });
    const app = createApp(config, logger);
    try {
      await app.start();
      const warning = lines.find((l) => l.includes("999999999999999999"));
      expect(warning).toMatch(/ warn /);
      expect(warning).toContain("geen forum of tekstkanaal dat de bot kan zien");
      expect(warning).toContain("View Channels, Send Messages, Create Public Threads en Send Messages in Threads");
      expect(warning).not.toContain("is not a forum");
    } finally {
      await app.stop();
      await discord.stop();
      temp.cleanup();
    }
  });

  it("given DISCORD_MESSAGE_CONTENT_INTENT=false, then it connects without the privileged intent", async () => {
    await withDiscordApp({ DISCORD_MESSAGE_CONTENT_INTENT: "false" }, async (discord) => {
      expect(discord.identifies.at(-1)!.intents).toBe(1 + 512 + 4096);
      // Mentions still carry their text without the intent.
      const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is een burgerbegroting?`, mentionsBot: true });
      discord.dispatch("MESSAGE_CREATE", question);
      await discord.waitFor("POST", new RegExp(`^/channels/${question.id}/messages$`));
    }, (discord) => {
      discord.refuseMessageContent = true;
      return {};
    });
  });
});

describe("npm run discord:register against a fake Discord", () => {
  const discord = new FakeDiscord();
  let apiUrl: string;
  beforeAll(async () => {
    apiUrl = await discord.start();
  });
  afterAll(() => discord.stop());

  const run = (env: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "src/cli/discord-register.ts"], { cwd: REPO_ROOT, env: { PATH: process.env.PATH, LOG_LEVEL: "error", ...env } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

  it("given a server id, then it registers /vraag, /vliegwiel and /initiatief for that server", async () => {
    const result = await run({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_IDS: "910000000000000001", DISCORD_API_URL: apiUrl });
    expect(result.code).toBe(0);
    const [put] = discord.callsTo("PUT", /commands$/);
    expect(put!.path).toBe(`/applications/${APPLICATION_ID}/guilds/910000000000000001/commands`);
    expect((put!.body as unknown as Array<{ name: string }>).map((c) => c.name)).toEqual(["vraag", "vliegwiel", "initiatief"]);
    expect(result.stdout).toContain("/vraag, /vliegwiel, /initiatief");
  });

  it("given no Discord settings, then it says what to set and where the README explains it", async () => {
    const result = await run({});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DISCORD_TOKEN");
    // The README's section is "## Discord".
    expect(result.stderr).toContain("README, onder 'Discord'");
  });

  it("given a token Discord refuses, then it says so in Dutch, with what to check", async () => {
    const result = await run({ DISCORD_TOKEN: "OTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.a-token-that-was-reset", DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_IDS: "910000000000000001", DISCORD_API_URL: apiUrl });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Discord weigerde de token");
    expect(result.stderr).not.toContain("Unauthorized");
  });
});
