import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../src/core/assistant.js";
import { createConversation, type Conversation } from "../../src/core/conversation.js";
import { HandoffService } from "../../src/core/handoff/handoff-service.js";
import type { HandoffEffect } from "../../src/core/handoff/handoff-types.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteConversationMemory } from "../../src/store/conversation-memory.js";
import { SqliteHelperReplyChoices } from "../../src/store/helper-reply-choices.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";
import { YamlRoster } from "../../src/store/yaml-roster.js";
import { REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

/** The asker's side on real parts: starter corpus, SQLite handoffs, the example roster. */
describe("conversation with handoffs", () => {
  const temp = tempDir();
  const delivered: HandoffEffect[] = [];
  let conversation: Conversation;
  let repository: SqliteHandoffRepository;
  let service: HandoffService;
  const asker = (conversationId: string) => ({ channel: "web", conversationId, userId: `u-${conversationId}`, userName: "Sanne" });

  beforeAll(async () => {
    const db = openDatabase(path.join(temp.dir, "c.db"));
    const store = new KnowledgeStore(db);
    await ingestSources({ store, knowledgeDir: STARTER_KNOWLEDGE, maxFileBytes: 20 * 1024 * 1024 });
    repository = new SqliteHandoffRepository(db);
    service = new HandoffService({
      repository,
      roster: new YamlRoster(path.join(REPO_ROOT, "roster.example.yaml")),
      sink: { deliver: async ({ effect }) => void delivered.push(effect) },
      policy: { consentTimeoutMs: 3600_000, reminderIntervalMs: 4 * 3600_000, remindersBeforeEscalation: 2, reopenWindowMs: 86_400_000, addWorkingTime: (f, ms) => new Date(f.getTime() + ms) },
    });
    conversation = createConversation({
      assistant: createAssistant({ index: store, maxQuestionChars: 2000, minConfidence: 0.5 }),
      handoffs: service,
      repository,
      memory: new SqliteConversationMemory(db),
      helperReplies: new SqliteHelperReplyChoices(db),
      detectTheme: () => "vergunningen",
    });
  });
  afterAll(() => temp.cleanup());

  it("given an answer, then it offers 'Vraag een mens', and that button starts a handoff for the same question", async () => {
    const answer = await conversation.handle({ ...asker("a"), text: "Wat is een burgerbegroting?" });
    expect(answer.decision).toBe("answer");
    expect(answer.actions).toEqual(["ask_human"]);
    const handoff = await conversation.act({ ...asker("a"), action: "ask_human", question: "Wat is een burgerbegroting?" });
    expect(handoff).toMatchObject({ decision: "handoff", actions: ["share", "share_anonymous", "dont_share"] });
    expect(repository.get(handoff.handoffId!)?.handoff).toMatchObject({ status: "awaiting_consent", question: "Wat is een burgerbegroting?", routedTo: [{ userId: "tolk" }] });
  });

  it("given an English question that goes to a person, then the handoff and its consent question are in English", async () => {
    const reply = await conversation.handle({ ...asker("en"), text: "How do I apply for a tree felling permit for our street?" });
    expect(reply.decision).toBe("handoff");
    expect(reply.language).toBe("en");
    expect(reply.prompt).toMatch(/^May I pass your question on/);
    expect(reply.text).not.toMatch(/Mag ik je vraag doorgeven/);
  });

  it("given an unanswerable question, then nothing is shared until the asker types 'ja'", async () => {
    const reply = await conversation.handle({ ...asker("b"), text: "Hoe vraag ik een kapvergunning aan?" });
    expect(reply.text).toMatch(/Mag ik je vraag doorgeven/);
    expect(repository.get(reply.handoffId!)?.handoff.status).toBe("awaiting_consent");
    const consent = await conversation.handle({ ...asker("b"), text: "Ja, graag" });
    expect(consent.text).toMatch(/Ik geef je vraag door/);
    expect(repository.get(reply.handoffId!)?.handoff).toMatchObject({ status: "open", sharing: "named" });
  });

  it("given 'anoniem', then it is shared without the asker's name in the thread", async () => {
    const reply = await conversation.handle({ ...asker("c"), text: "Hoe vraag ik een tapvergunning aan?" });
    await conversation.handle({ ...asker("c"), text: "anoniem graag" });
    expect(repository.get(reply.handoffId!)?.handoff.sharing).toBe("anonymous");
  });

  it("given 'nee', then nothing is shared", async () => {
    const reply = await conversation.handle({ ...asker("d"), text: "Hoe vraag ik een parkeervergunning aan?" });
    const refused = await conversation.handle({ ...asker("d"), text: "nee" });
    expect(refused.text).toMatch(/niet doorgegeven/);
    expect(repository.get(reply.handoffId!)?.handoff.status).toBe("declined");
  });

  it("given a typed yes or no with an invisible direction mark (a right-to-left keyboard, a paste), then it is the answer it says", async () => {
    // U+200F (right-to-left mark), U+200E (left-to-right mark), U+2067/U+2069 (an isolate around the word).
    for (const [id, typed, status] of [["rlm", "ja\u200f", "open"], ["lrm", "\u200eja", "open"], ["iso", "\u2067nee\u2069", "declined"]] as const) {
      const reply = await conversation.handle({ ...asker(id), text: "Hoe vraag ik een kapvergunning aan?" });
      const answered = await conversation.handle({ ...asker(id), text: typed });
      expect(answered.kind).toBe("consent");
      expect(repository.get(reply.handoffId!)?.handoff.status).toBe(status);
    }
  });

  it("given a handoff under way, then a new message is a question, and what the asker chooses to write to the person goes to the thread", async () => {
    const reply = await conversation.handle({ ...asker("e"), text: "Hoe vraag ik een bouwvergunning aan?" });
    await conversation.handle({ ...asker("e"), text: "ja" });
    delivered.length = 0;
    const question = await conversation.handle({ ...asker("e"), text: "Wat is een burgerbegroting?" });
    expect(question).toMatchObject({ kind: "answer", decision: "answer" });
    await conversation.act({ ...asker("e"), action: "write_to_helper", handoffId: reply.handoffId });
    const followUp = await conversation.handle({ ...asker("e"), text: "Het gaat om een schuurtje." });
    expect(followUp).toMatchObject({ kind: "relayed", actions: ["write_to_helper"] });
    await service.deliverPending();
    expect(delivered.filter((e) => e.type === "post_in_thread")).toHaveLength(1);
    expect(delivered).toContainEqual({ type: "post_in_thread", kind: "asker_reply", text: "Het gaat om een schuurtje." });
    const close = await conversation.act({ ...asker("e"), action: "close", handoffId: reply.handoffId });
    expect(close.text).toMatch(/Afgesloten/);
    const reopen = await conversation.act({ ...asker("e"), action: "reopen", handoffId: reply.handoffId });
    expect(reopen.text).toMatch(/weer open/);
  });

  it("given the asker's message to the person delivered again (a restart before its reply was sent), then it is relayed once and not taken for a new question", async () => {
    const reply = await conversation.handle({ ...asker("relay-again"), text: "Hoe vraag ik een bouwvergunning aan?" });
    await conversation.handle({ ...asker("relay-again"), text: "ja" });
    await conversation.act({ ...asker("relay-again"), action: "write_to_helper", handoffId: reply.handoffId });
    delivered.length = 0;
    const message = { ...asker("relay-again"), text: "Het gaat om een tuinhuis van 12 vierkante meter.", eventKey: "slack:Ev-relay-1" };
    expect(await conversation.handle(message)).toMatchObject({ kind: "relayed" });
    expect(await conversation.handle(message)).toMatchObject({ kind: "relayed", handoffId: reply.handoffId });
    await service.deliverPending();
    expect(delivered.filter((e) => e.type === "post_in_thread" && e.kind === "asker_reply")).toHaveLength(1);
    // The choice was used by the relay: the asker's next message is a question again.
    expect(await conversation.handle({ ...asker("relay-again"), text: "Wat is een burgerbegroting?" })).toMatchObject({ kind: "answer" });
  });

  it("given a follow-up in the same conversation, then it is understood with the earlier question", async () => {
    await conversation.handle({ ...asker("g"), text: "Wat is een Community Benefit Agreement?" });
    const followUp = await conversation.handle({ ...asker("g"), text: "En wie sluit dat af?" });
    expect(followUp.decision).toBe("answer");
    expect(followUp.passages[0]?.text).toContain("Community Benefit Agreement");
    const elsewhere = await conversation.handle({ ...asker("h"), text: "En wie sluit dat af?" });
    expect(elsewhere.passages[0]?.text ?? "").not.toContain("Community Benefit Agreement");
  });

  it("given a consent press from someone else, then it is refused", async () => {
    const reply = await conversation.handle({ ...asker("f"), text: "Hoe vraag ik een sloopvergunning aan?" });
    const other = await conversation.act({ channel: "web", conversationId: "f", userId: "intruder", action: "share", handoffId: reply.handoffId });
    expect(other.text).toMatch(/Alleen wie de vraag stelde/);
  });
  it("given a new question for a person that replaced one waiting for consent, and the same message handled again (a stop cut its reply off), then the handoff it started stands: no third one, nothing refused twice", async () => {
    const first = await conversation.handle({ ...asker("replace-again"), text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", eventKey: "slack:Ev-replace-1" });
    expect(first.decision).toBe("handoff");
    const message = { ...asker("replace-again"), text: "Hoe regel ik een parkeervergunning voor de vrijwilligers van ons dorpshuis?", eventKey: "slack:Ev-replace-2" };
    const second = await conversation.handle(message);
    expect(second.decision).toBe("handoff");
    expect(second.handoffId).not.toBe(first.handoffId);

    const again = await conversation.handle(message); // the inbox hands the same event over after a restart
    expect(again.handoffId).toBe(second.handoffId);
    expect(repository.get(second.handoffId!)?.handoff.status).toBe("awaiting_consent");
    expect(repository.get(first.handoffId!)?.handoff.status).toBe("declined");
    expect(repository.list().filter((h) => h.asker.conversationId === "replace-again")).toHaveLength(2);
  });
});
