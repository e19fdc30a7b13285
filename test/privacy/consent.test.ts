import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import type { Reply } from "../../src/core/reply.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

const UNANSWERABLE = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?";

/** Consent and what the asker writes afterwards, through the real web server's HTTP API. */
describe("consent that means yes", () => {
  const temp = tempDir();
  let server: WebServer;
  let url: string;
  let config: Config;
  let db: WebServer["db"];
  let repository: WebServer["repository"];

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    server = await startWebServer(config);
    ({ url, db, repository } = server);
  });
  afterAll(async () => {
    await server?.stop();
    temp.cleanup();
  });

  const post = async (route: string, body: object): Promise<Reply> =>
    (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Reply;
  const asker = (id: string) => ({ conversationId: `conv-${id}`, userId: `user-${id}`, userName: `Vrager ${id}` });
  const say = (id: string, text: string) => post("/api/messages", { ...asker(id), text });
  const statusOf = (handoffId: string) => repository.get(handoffId)?.handoff.status;
  const threadEvents = (handoffId: string) => (db.prepare("SELECT type FROM handoff_events WHERE handoff_id = ?").pluck().all(handoffId) as string[]);

  it("given unrelated messages while consent is asked, then none of them shares the question: each is a new message, and the consent question is asked again", async () => {
    let waiting = (await say("1", UNANSWERABLE)).handoffId!;
    for (const text of ["Graag nog iets anders: hoe werkt crowdfunding?", "Kan ik anoniem doneren?", "Niet-leden…", "Niet-leden mogen die ook meedoen aan de ledenvergadering?"]) {
      const reply = await say("1", text);
      expect(reply.kind, text).not.toBe("consent");
      expect(repository.get(waiting)?.handoff.sharing, text).toBeUndefined();
      if (reply.decision === "answer") {
        // Answered; the earlier question still waits, and the asker is reminded in one line.
        expect(statusOf(waiting), text).toBe("awaiting_consent");
        expect(reply.notice, text).toMatch(/Je eerdere vraag wacht nog op je keuze/);
      } else {
        // A new question for a person: its own consent question; the earlier one was not shared, and the asker is told.
        expect(reply).toMatchObject({ decision: "handoff", actions: ["share", "share_anonymous", "dont_share"], notice: expect.stringMatching(/eerdere vraag heb ik niet doorgegeven/) });
        expect(statusOf(waiting), text).toBe("declined");
        waiting = reply.handoffId!;
      }
    }
    expect(statusOf(waiting)).toBe("awaiting_consent");
    const yes = await say("1", "Ja, deel hem maar.");
    expect(yes.kind).toBe("consent");
    expect(repository.get(waiting)?.handoff).toMatchObject({ status: "open", sharing: "named" });
  });

  it("given short consent answers, then each counts as what it says", async () => {
    const cases: Array<[string, string]> = [["anoniem", "open"], ["Nee, liever niet", "declined"], ["deel anoniem!", "open"], ["ja graag", "open"], ["nee dank je", "declined"]];
    for (const [index, [text, status]] of cases.entries()) {
      const { handoffId } = await say(`short-${index}`, UNANSWERABLE);
      expect((await say(`short-${index}`, text)).kind, text).toBe("consent");
      expect(statusOf(handoffId!), text).toBe(status);
    }
  });

  it("given a question about the choice typed without a question mark ('is het met naam', 'mag dat anoniem'), then nothing is shared and the choices are explained; the question still waits", async () => {
    for (const [index, text] of ["is het met naam", "is dat met mijn naam", "is dat anoniem", "mag dat anoniem", "wie ziet mijn naam?", "nee, niet met naam"].entries()) {
      const { handoffId } = await say(`about-${index}`, UNANSWERABLE);
      const reply = await say(`about-${index}`, text);
      expect(reply.text, text).toMatch(/^Je kiest zelf wat de tolken zien\. Antwoord met ja .* anoniem .* of nee/);
      expect(reply.handoffId, text).toBe(handoffId);
      expect(statusOf(handoffId!), text).toBe("awaiting_consent");
      expect(repository.get(handoffId!)?.handoff.sharing, text).toBeUndefined();
    }
  });

  it("given 'liever anoniem', 'niet met naam' or 'liever wel', then each is the choice it says, and the question is never replaced by the reply", async () => {
    const cases: Array<[string, string, string | undefined]> = [["liever anoniem", "open", "anonymous"], ["niet met mijn naam", "open", "anonymous"], ["liever wel", "open", "named"], ["liever niet", "declined", undefined]];
    for (const [index, [text, status, sharing]] of cases.entries()) {
      const { handoffId } = await say(`liever-${index}`, UNANSWERABLE);
      expect((await say(`liever-${index}`, text)).kind, text).toBe("consent");
      const handoff = repository.get(handoffId!)?.handoff;
      expect(handoff?.status, text).toBe(status);
      expect(handoff?.sharing, text).toBe(sharing);
      // Shared, it is the question asked; declined, its text is gone (never "liever anoniem" as a new question).
      if (status === "open") expect(handoff?.question, text).toBe(UNANSWERABLE);
    }
  });

  it("given 'ja' after the asker said no, then the reply says nothing was passed on and how to ask again; nothing is shared", async () => {
    const { handoffId } = await say("late", UNANSWERABLE);
    await say("late", "nee");
    const late = await say("late", "ja");
    expect(late.text).toMatch(/^Je vorige vraag heb ik niet doorgegeven, zoals je koos\. .*Stel hem nog een keer/);
    expect(statusOf(handoffId!)).toBe("declined");
    // "ok" after "nee" is an acknowledgement, not a late yes.
    expect((await say("late", "ok")).text).not.toMatch(/vorige vraag/);
  });

  it("given a new question for a person while consent is asked, then the old one is withdrawn unshared and the new one asks for consent", async () => {
    const first = await say("2", UNANSWERABLE);
    const second = await say("2", "Wie is op dit moment de wethouder van Lelystad?");
    expect(second.decision).toBe("handoff");
    expect(second.handoffId).not.toBe(first.handoffId);
    expect(statusOf(first.handoffId!)).toBe("declined");
    expect(statusOf(second.handoffId!)).toBe("awaiting_consent");
  });

  it("given a shared question, then a later question is answered, not sent to the tolk; the asker reaches the tolk deliberately", async () => {
    const { handoffId } = await say("3", UNANSWERABLE);
    await say("3", "ja");
    const later = await say("3", "Wat bedoelen ze met maatschappelijk aandeelhouderschap?");
    expect(later.kind).not.toBe("relayed");
    expect(later.text).not.toMatch(/doorgegeven/);
    expect(threadEvents(handoffId!)).not.toContain("asker_reply");

    // Deliberately: the "Antwoord aan …" of the chat page sends a reply with its text…
    const reply = await post("/api/actions", { ...asker("3"), action: "reply", text: "Het feest is op 12 juni.", eventKey: "r-1" });
    expect(reply).toMatchObject({ kind: "relayed", text: expect.stringMatching(/doorgegeven/) });
    // …and "Nog iets doorgeven" makes the next message go to the person, once.
    await post("/api/actions", { ...asker("3"), action: "write_to_helper", handoffId });
    // Someone else writing in the same conversation neither reaches the tolk nor uses up the asker's choice.
    expect((await post("/api/messages", { ...asker("3"), userId: "someone-else", text: "Wat is een burgerbegroting?" })).kind).toBe("answer");
    expect((await say("3", "Er komen zo'n 200 mensen.")).kind).toBe("relayed");
    expect((await say("3", "Wat is een burgerbegroting?")).kind).toBe("answer");
    expect(threadEvents(handoffId!).filter((t) => t === "asker_reply")).toHaveLength(2);
    // Someone else cannot write into this asker's handoff.
    const other = await post("/api/actions", { ...asker("3"), userId: "someone-else", action: "reply", handoffId, text: "Ik ben het niet" });
    expect(other.reason).toBe("not-allowed");
  });

  it("given 'Niet delen', then the question is not kept as text: not listed by kennis -- onbeantwoord, not in the database", async () => {
    const secret = "Mijn buurman Pieter van Dalen heeft schulden bij de woningcorporatie, hoe help ik hem?";
    const { handoffId } = await say("4", secret);
    await post("/api/actions", { ...asker("4"), action: "dont_share", handoffId });
    expect(statusOf(handoffId!)).toBe("declined");

    const run = promisify(execFile);
    const { stdout } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "onbeantwoord", "30"], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, LOG_LEVEL: "error" },
    });
    expect(stdout).toMatch(/niet gedeeld/);
    expect(stdout).not.toMatch(/Pieter|woningcorporatie/);
    const everything = db.prepare("SELECT group_concat(question, ' ') FROM question_log").pluck().get() as string
      + (db.prepare("SELECT group_concat(question, ' ') FROM conversation_turns").pluck().get() as string)
      + (db.prepare("SELECT group_concat(data, ' ') FROM handoffs").pluck().get() as string);
    expect(everything).not.toMatch(/Pieter|woningcorporatie/);
    // Its count and theme stay.
    expect(db.prepare("SELECT count(*) FROM question_log WHERE decision = 'handoff' AND question = ''").pluck().get()).toBeGreaterThan(0);
  });
});
