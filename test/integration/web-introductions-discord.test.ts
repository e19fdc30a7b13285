import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { createLogger } from "../../src/logger.js";
import { APPLICATION_ID, BOT, FakeDiscord, TOKEN, type DiscordCall } from "../fakes/fake-discord.js";
import { freePort } from "../helpers/free-port.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

type IntroAnswer = { ok: boolean; text: string; introductionId?: string };
const MARIEKE = { id: "960000000000000031", username: "marieke" };
const dmWith = (userId: string) => `97${userId.slice(2)}`; // the fake's DM channel id for a user
const contentOf = (c: DiscordCall) => String(c.body.content ?? (c.body.data as { content?: string } | undefined)?.content ?? "");

/** An asker in the web chat and an initiative's contact on Discord (the fake): across platforms. */
describe("introductions from the web chat to a contact on Discord", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let url: string;

  beforeAll(async () => {
    const apiUrl = await discord.start();
    const config = testConfig(temp.dir, { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl, PORT: String(await freePort()), HANDOFF_TICK_SECONDS: "0.1" });
    app = createApp(config, createLogger("error"));
    await app.start();
    url = (app.channels.find((c) => c instanceof WebChatChannel) as WebChatChannel).url;
    saveProfile(config.databasePath, { id: "buurtbus-ijsselstein", name: "Buurtbus IJsselstein", website: "https://buurtbus-ijsselstein.nl", contact: { name: "Marieke", handles: { discord: MARIEKE.id }, contactable: true } });
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  const post = async <T>(path: string, body: object): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it("given a web-chat asker and a contact who accepts on Discord, then the asker gets name, platform and website, never a Discord id, and the contact hears who takes the first step", async () => {
    const who = { conversationId: "web-gesprek-d1", userId: "web-anouk", userName: "Anouk" };
    const reply = await post<{ initiatives?: Array<{ id: string }> }>("/api/messages", { ...who, text: "Hoe starten we een buurtbus met vrijwilligers?" });
    expect(reply.initiatives?.map((i) => i.id)).toContain("buurtbus-ijsselstein");
    const choice = await post<IntroAnswer>("/api/introductions", { ...who, initiativeId: "buurtbus-ijsselstein", eventKey: "d1" });
    await post<IntroAnswer>("/api/introductions", { ...who, introductionId: choice.introductionId, button: "intro_share_named", eventKey: "d2" });
    const request = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(MARIEKE.id)}/messages$`)).find((c) => JSON.stringify(c.body.components ?? "").includes(choice.introductionId!)), "the request on Discord");
    expect(contentOf(request)).toContain("Anouk zoekt contact met Buurtbus IJsselstein");

    const interaction = discord.interaction({ type: 3, channelId: dmWith(MARIEKE.id), user: MARIEKE, data: { custom_id: `vw:intro_accept:${choice.introductionId}`, component_type: 2 }, message: discord.message({ channelId: dmWith(MARIEKE.id), content: contentOf(request), author: BOT }) });
    discord.dispatch("INTERACTION_CREATE", interaction);
    const feed = async () => (await (await fetch(`${url}/api/conversations/${who.conversationId}/messages`)).json()) as Array<{ text: string }>;
    const told = await eventuallyAsync(async () => (await feed()).find((m) => m.text.includes("wil graag met je praten")), "the asker hears the contact said yes");
    expect(told.text).toContain("Marieke zit op Discord, niet in deze chat");
    expect(told.text).toContain("https://buurtbus-ijsselstein.nl");
    expect(told.text).not.toContain(MARIEKE.id);
    const toMarieke = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(MARIEKE.id)}/messages$`)).find((c) => contentOf(c).includes("Anouk stelde de vraag")), "Marieke hears who asked");
    expect(contentOf(toMarieke)).toContain("daar kun je Anouk zelf geen bericht sturen");
    expect(contentOf(toMarieke)).toContain("neemt zelf contact met je op");
  });
});

async function eventuallyAsync<T>(find: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
