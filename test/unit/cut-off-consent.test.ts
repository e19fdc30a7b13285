import { describe, expect, it } from "vitest";
import { REPLY_AUTHOR } from "../../src/channels/web/asker-routes.js";
import { CutOffConsent } from "../../src/channels/web/cut-off-consent.js";
import type { CoreApi } from "../../src/core/channel.js";
import type { Reply } from "../../src/core/reply.js";
import { openDatabase } from "../../src/store/open-database.js";
import { WebMessageStore } from "../../src/store/web-message-store.js";

const QUESTION: Reply = {
  kind: "handoff", decision: "handoff", reason: "consent-waiting", text: "Mag ik je vraag doorgeven?", prompt: "Mag ik je vraag doorgeven?",
  sources: [], furtherReading: [], passages: [], confidence: 0, handoffId: "h-1", actions: ["share", "share_anonymous", "dont_share"],
};

/** The web chat's repair of a consent question a stop cut off (README, Guarantees), on a real message store. */
describe("a consent question cut off by a stop", () => {
  const setup = () => {
    const messages = new WebMessageStore(openDatabase(":memory:"));
    // Only the core's answer to "which consent question waits here?" is needed; the rest of the core is not used.
    const ctx = { core: { consentQuestion: () => QUESTION } as unknown as CoreApi, messages, channel: "web" };
    return { messages, ctx, cutOff: new CutOffConsent() };
  };

  it("given a waiting handoff whose reply was never kept, then it is the one to keep; once kept, it is not kept again", () => {
    const { messages, ctx, cutOff } = setup();
    messages.add("c1", "vrager", "Hoe regel ik een vergunning?");
    expect(cutOff.lost("c1", ctx, REPLY_AUTHOR)).toEqual(QUESTION);
    messages.add("c1", REPLY_AUTHOR, JSON.stringify(QUESTION));
    expect(cutOff.lost("c1", ctx, REPLY_AUTHOR)).toBeUndefined();
  });

  it("given a question of the conversation being handled, then nothing is kept until it is done (its own reply is on its way)", async () => {
    const { ctx, cutOff } = setup();
    let finish!: () => void;
    const handling = cutOff.during("c1", () => new Promise<void>((resolve) => (finish = resolve)));
    expect(cutOff.lost("c1", ctx, REPLY_AUTHOR)).toBeUndefined();
    expect(cutOff.lost("c2", ctx, REPLY_AUTHOR)).toEqual(QUESTION);
    finish();
    await handling;
    expect(cutOff.lost("c1", ctx, REPLY_AUTHOR)).toEqual(QUESTION);
  });

  it("given the handoff's reply behind more than a page of messages, or only its id in a person's message, then only a kept reply counts", () => {
    const { messages, ctx, cutOff } = setup();
    messages.add("c1", "mens:Tolk", "Zie h-1 in je vorige vraag");
    expect(cutOff.lost("c1", ctx, REPLY_AUTHOR)).toEqual(QUESTION);
    for (let i = 0; i < 450; i++) messages.add("c1", "vrager", `vraag ${i}`);
    messages.add("c1", REPLY_AUTHOR, JSON.stringify(QUESTION));
    expect(cutOff.lost("c1", ctx, REPLY_AUTHOR)).toBeUndefined();
  });
});
