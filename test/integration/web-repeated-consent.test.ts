import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { createLogger } from "../../src/logger.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** A consent button pressed more than once in the web chat: the handoff happens once, and so does its reply in the history. */
describe("a repeated consent press in the web chat", () => {
  const temp = tempDir();
  let app: App;
  let url: string;
  beforeAll(async () => {
    app = createApp(testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" }), createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
  });
  afterAll(async () => {
    await app?.stop();
    temp.cleanup();
  });

  const post = async (route: string, body: object): Promise<Reply> =>
    (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Reply;

  it("given share pressed three times, then the history holds one reply to it, and each press is still answered", async () => {
    const asker = { conversationId: "drie-keer", userId: "u-drie" };
    const asked = await post("/api/messages", { ...asker, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?" });
    expect(asked.decision).toBe("handoff");
    // As the page does: each press with a key of its own.
    const presses: Reply[] = [];
    for (const n of [1, 2, 3]) presses.push(await post("/api/actions", { ...asker, action: "share", handoffId: asked.handoffId, eventKey: `share:${asked.handoffId}:${n}` }));
    for (const reply of presses) expect(reply.text).not.toBe("");

    const history = (await (await fetch(`${url}/api/conversations/${asker.conversationId}/messages?alles=1`)).json()) as Array<{ author: string; text: string }>;
    const consentReplies = history.filter((m) => m.author === "antwoord").map((m) => JSON.parse(m.text) as Reply).filter((r) => r.kind === "consent");
    expect(consentReplies.map((r) => r.text)).toEqual([presses[0]!.text]);
  });
});
