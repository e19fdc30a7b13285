import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { createLogger } from "../../src/logger.js";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { FakeOpenAi, type ChatRequest } from "../fakes/fake-openai.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/**
 * README, Handing a question to a person, 1: "A question that is not shared is not kept as text (only
 * counted, with its theme)"; Privacy: conversation turns and the web chat's messages of an unshared
 * question are "removed at once". Here the question the handoff holds is not the text the asker typed:
 * cut at MAX_QUESTION_CHARS, or a follow-up a language model rewrote.
 */
async function start(env: Record<string, string>) {
  const temp = tempDir();
  const config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2", ...env });
  const app = createApp(config, createLogger("error"));
  await app.start();
  const url = (app.channels[0] as WebChatChannel).url;
  const db = openDatabase(config.databasePath);
  const say = async (conversationId: string, text: string): Promise<Reply> =>
    (await (await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId, userId: `u-${conversationId}`, text }) })).json()) as Reply;
  /** Every place a question's text could stay, read at once. */
  const stored = () => [
    db.prepare("SELECT group_concat(question, ' | ') FROM question_log").pluck().get(),
    db.prepare("SELECT group_concat(question, ' | ') FROM conversation_turns").pluck().get(),
    db.prepare("SELECT group_concat(text, ' | ') FROM web_messages").pluck().get(),
    db.prepare("SELECT group_concat(data, ' | ') FROM handoffs").pluck().get(),
  ].map((v) => String(v ?? "")).join("\n");
  const stop = async () => {
    db.close();
    await app.stop();
    temp.cleanup();
  };
  return { app, db, say, stored, stop };
}

describe("an unshared question whose stored form differs from what was typed", () => {
  let offline: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    offline = await start({ MAX_QUESTION_CHARS: "100" });
  });
  afterAll(async () => {
    await offline?.stop();
  });

  it("given a question longer than MAX_QUESTION_CHARS that the asker does not share, then none of its text stays", async () => {
    const question = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest in de Kastanjelaan, waar mijn buurvrouw Greet Hofstede woont en die het organiseert met haar dochter?";
    expect(question.length).toBeGreaterThan(100);
    const asked = await offline.say("long", question);
    expect(asked.decision).toBe("handoff");
    expect((await offline.say("long", "nee")).kind).toBe("consent");
    const left = offline.stored();
    for (const words of ["evenementenvergunning", "Kastanjelaan", "Hofstede"]) expect(left, words).not.toContain(words);
  });
});

describe("a shared question whose stored form differs from what was typed", () => {
  let offline: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    offline = await start({ MAX_QUESTION_CHARS: "100" });
  });
  afterAll(async () => {
    await offline?.stop();
  });

  it("given it shared, then the handoff keeps the question passed on and no second, typed copy", async () => {
    const question = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest in de Kastanjelaan, met een podium en een springkussen voor de kinderen?";
    const asked = await offline.say("shared", question);
    expect(asked.decision).toBe("handoff");
    expect((await offline.say("shared", "ja")).kind).toBe("consent");
    // The handoffs' data (the last of the places read): the question cut to size, nothing beyond it.
    const handoffs = offline.stored().split("\n").at(-1)!;
    expect(handoffs).toContain(question.slice(0, 100));
    expect(handoffs).not.toContain("springkussen");
    expect(handoffs).not.toContain('"typed"');
  });

  it("given a message longer than MAX_QUESTION_CHARS, then the web chat's history keeps only what the core read, and the reply that says it was shortened", async () => {
    const question = `Hoe vraag ik subsidie aan voor een buurtmoestuin? ${"Hier volgt nog veel meer tekst over van alles. ".repeat(400)}`;
    const asked = await offline.say("lang", question);
    expect(asked.notice).toMatch(/eerste 100 tekens/);
    const rows = offline.db.prepare("SELECT author, text FROM web_messages WHERE conversation_id = 'lang' ORDER BY id").all() as Array<{ author: string; text: string }>;
    const kept = rows.find((r) => r.author === "vrager")?.text ?? "";
    expect(kept.length).toBe(100);
    expect(kept).toBe(question.slice(0, 100));
    expect(JSON.parse(rows.find((r) => r.author === "antwoord")!.text).notice).toMatch(/eerste 100 tekens/);
  });
});

describe("a person forgotten while such a question waits for consent", () => {
  let offline: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    offline = await start({ MAX_QUESTION_CHARS: "100" });
  });
  afterAll(async () => {
    await offline?.stop();
  });

  it("given kennis -- vergeet of the asker, then neither the question nor its typed form stays in the handoff", async () => {
    const question = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest in de Kastanjelaan, met een draaimolen van kermisexploitant Van Boxtel?";
    expect((await offline.say("forget", question)).decision).toBe("handoff");
    expect(offline.stored().split("\n").at(-1)).toContain("Van Boxtel");
    forgetPerson(offline.db, "web:u-forget");
    const left = offline.stored();
    for (const words of ["evenementenvergunning", "Van Boxtel"]) expect(left, words).not.toContain(words);
  });
});

describe("an unshared follow-up that the language model rewrote", () => {
  const openai = new FakeOpenAi();
  let withModel: Awaited<ReturnType<typeof start>>;
  const isRewrite = (request: ChatRequest) => !request.response_format;

  beforeAll(async () => {
    openai.reply = (request) => isRewrite(request)
      ? "Hoe lang duurt het aanvragen van een vergunning voor een straatfeest bij de gemeente?"
      : FakeOpenAi.userMessage(request).includes("straatfeest")
        ? JSON.stringify({ answer: "", cited: [], answerable: false })
        : JSON.stringify({ answer: "Zie [1].", cited: [1], answerable: true });
    withModel = await start({ OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: await openai.start(), OPENAI_CHAT_MODEL: "test-chat", OPENAI_TIMEOUT_SECONDS: "2", OPENAI_BUDGET_SECONDS: "4" });
  });
  afterAll(async () => {
    await withModel?.stop();
    await openai.stop();
  });

  it("given a follow-up the model rewrote and the asker does not share, then neither the typed nor the rewritten text stays", async () => {
    expect((await withModel.say("follow", "Wat is een burgerbegroting?")).decision).toBe("answer");
    const followUp = "En hoe lang duurt dat voor het straatfeest van Jeroen Kwakkelstein?";
    const asked = await withModel.say("follow", followUp);
    expect(openai.chatRequests.some(isRewrite)).toBe(true);
    expect(asked.decision).toBe("handoff");
    expect((await withModel.say("follow", "nee")).kind).toBe("consent");
    const left = withModel.stored();
    for (const words of ["Kwakkelstein", "straatfeest"]) expect(left, words).not.toContain(words);
    // The earlier question, which was answered, stays as any answered question does.
    expect(left).toContain("burgerbegroting");
  });
});
