import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InitiativeDirectory, InitiativeProfile } from "../../src/core/gids/initiative.js";
import { IntroductionService, type IntroDeliveryInput } from "../../src/core/introductions/introduction-service.js";
import { createIntroductionApi } from "../../src/core/introductions/introduction-api.js";
import { DeliveryError } from "../../src/core/handoff/delivery-error.js";
import { openDatabase } from "../../src/store/open-database.js";
import { applyRetention } from "../../src/store/retention.js";
import { SqliteIntroductionRepository } from "../../src/store/sqlite-introduction-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const DAY = 86_400_000;

function profile(id: string, contacts: InitiativeProfile["contacts"]): InitiativeProfile {
  return {
    id, name: `Initiatief ${id}`, municipality: "Lopik", themes: ["mobiliteit"], description: "", experience: "buurtbus", seeking: "",
    contacts, status: "published", version: 1, updatedAt: "", updatedBy: "",
  };
}

/** The profiles this test needs (the directory's own store is tested with the gids). */
function directoryOf(profiles: InitiativeProfile[]): InitiativeDirectory {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return {
    get: (id) => byId.get(id), list: () => [...byId.values()], save: () => { throw new Error("not in this test"); },
    remove: () => false, ofMember: () => [], forgetPerson: () => 0,
  };
}

describe("introduction service on a real SQLite store", () => {
  const temp = tempDir();
  let now = new Date("2026-11-23T09:00:00Z");
  let delivered: IntroDeliveryInput[];
  let failing: Set<string>;
  let service: IntroductionService;
  let repository: SqliteIntroductionRepository;
  let db: ReturnType<typeof openDatabase>;
  const asker = { platform: "slack", userId: "U-asker", name: "Sanne", conversationId: "C1:1.1" };

  beforeEach(() => {
    db = openDatabase(path.join(temp.dir, `intro-${Math.random()}.db`));
    repository = new SqliteIntroductionRepository(db);
    delivered = [];
    failing = new Set();
    now = new Date("2026-11-23T09:00:00Z");
    service = new IntroductionService({
      repository,
      directory: directoryOf([
        profile("schakel", [{ name: "Kees", handles: { slack: "U-kees", discord: "1001" }, contactable: true }]),
        profile("stil", [{ name: "Nog niet", handles: { slack: "U-stil" }, contactable: false }]),
        profile("eigen", [{ name: "Sanne", handles: { slack: "U-asker" }, contactable: true }]),
      ]),
      policy: { choiceTimeoutMs: DAY, answerTimeoutMs: 5 * DAY, followUpMs: 14 * DAY },
      contactPlatforms: ["slack", "discord"],
      retry: { maxAttempts: 3, firstDelayMs: 1000, maxDelayMs: 60_000, parkedRetryMs: 3_600_000 },
      sink: {
        deliver: async (input) => {
          if (failing.has(input.effect.type)) throw new DeliveryError("slack", new Error("channel_not_found"));
          delivered.push(input);
        },
      },
      clock: () => now,
    });
  });
  afterEach(() => db.close());

  const types = () => delivered.map((d) => (d.effect.type === "tell_asker" || d.effect.type === "tell_contact" ? `${d.effect.type}:${d.effect.message}` : d.effect.type));

  it("given a contact who presses Accepteren again later (another device, a new press), then they are told it is already settled, and nothing is sent twice", async () => {
    const api = createIntroductionApi({ service, latestQuestion: () => "Hoe starten we een buurtbus?", changed: () => undefined });
    const started = api.connectMe({ platform: "slack", userId: "U-asker", userName: "Sanne", conversationId: "C1:1.1", initiativeId: "schakel", eventKey: "connect-1" });
    const id = started.introductionId!;
    expect(api.press({ platform: "slack", userId: "U-asker", introductionId: id, button: "intro_share_question", eventKey: "choice-1" }).ok).toBe(true);
    await service.deliverPending();
    const first = api.press({ platform: "slack", userId: "U-kees", introductionId: id, button: "intro_accept", eventKey: "accept-1" });
    expect(first.text).not.toBe("Dit verzoek is al afgerond.");
    await service.deliverPending();
    const sent = delivered.length;

    const again = api.press({ platform: "slack", userId: "U-kees", introductionId: id, button: "intro_accept", eventKey: "accept-2" });
    expect(again).toMatchObject({ ok: true, buttons: [], text: "Dit verzoek is al afgerond." });
    await service.deliverPending();
    expect(delivered.length).toBe(sent);
  });

  it("given a request to an initiative whose contact agreed, then the contact is asked only after the asker chose, once", async () => {
    const started = service.request({ initiativeId: "schakel", question: "Hoe starten we een buurtbus?", asker, eventKey: "press-1" });
    expect(started.ok && started.intro).toMatchObject({ status: "choosing", contact: { platform: "slack", userId: "U-kees" } });
    const id = started.ok ? started.intro.id : "";
    // The same press delivered again gives the same introduction; a new press while it waits too.
    expect(service.request({ initiativeId: "schakel", question: "x", asker, eventKey: "press-1" })).toMatchObject({ ok: true, intro: { id } });
    expect(service.request({ initiativeId: "schakel", question: "x", asker, eventKey: "press-2" })).toMatchObject({ ok: true, intro: { id } });
    await service.deliverPending();
    expect(delivered).toEqual([]);
    expect(service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_only" }, "choice-1")).toMatchObject({ ok: true });
    expect(service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_only" }, "choice-1")).toEqual({ ok: false, code: "duplicate" });
    await service.deliverPending();
    expect(types()).toEqual(["send_request", "tell_asker:request_sent"]);
    service.apply(id, { type: "accept", by: { platform: "slack", userId: "U-kees" } }, "accept-1");
    service.apply(id, { type: "accept", by: { platform: "slack", userId: "U-kees" } }, "accept-2");
    await service.deliverPending();
    expect(types()).toEqual(["send_request", "tell_asker:request_sent", "connect"]);
    expect(repository.auditTrail(id).map((a) => `${a.type}:${a.outcome}`)).toEqual(["created:ok", "sharing_chosen:ok", "accept:ok", "accept:ok"]);
  });

  it("given an initiative without a contactable contact, or the asker's own, then no introduction starts", () => {
    expect(service.request({ initiativeId: "stil", question: "Vraag", asker })).toEqual({ ok: false, code: "not_contactable" });
    expect(service.request({ initiativeId: "eigen", question: "Vraag", asker })).toEqual({ ok: false, code: "own_initiative" });
    expect(service.request({ initiativeId: "onbekend", question: "Vraag", asker })).toEqual({ ok: false, code: "unknown_initiative" });
    expect(service.request({ initiativeId: "schakel", question: "  ", asker })).toEqual({ ok: false, code: "no_question" });
  });

  it("given no answer within the timeout, then the timer (from the database) tells the asker kindly", async () => {
    const started = service.request({ initiativeId: "schakel", question: "Vraag", asker });
    const id = started.ok ? started.intro.id : "";
    service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_and_name" });
    now = new Date(now.getTime() + 5 * DAY + 1000);
    expect(service.fireDueTimers()).toBe(1);
    expect(service.fireDueTimers()).toBe(0);
    await service.deliverPending();
    expect(service.get(id)?.status).toBe("expired");
    expect(types()).toEqual(["send_request", "tell_asker:request_sent", "tell_asker:not_now", "tell_contact:request_expired"]);
  });

  it("given the request cannot be delivered, then it backs off and the asker is not told it was sent before it was", async () => {
    const started = service.request({ initiativeId: "schakel", question: "Vraag", asker });
    const id = started.ok ? started.intro.id : "";
    service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_and_name" });
    failing.add("send_request");
    await service.deliverPending();
    expect(delivered).toEqual([]);
    const [pending] = repository.pendingEffects();
    expect(pending).toMatchObject({ attempts: 1, effect: { type: "send_request" } });
    failing.clear();
    await service.deliverPending();
    expect(delivered).toEqual([]); // still waiting for its backoff
    now = new Date(now.getTime() + 2000);
    await service.deliverPending();
    expect(types()).toEqual(["send_request", "tell_asker:request_sent"]);
    expect(delivered[0]!.attempt).toBe(2);
  });

  it("given the follow-up time after an accept, then both are asked whether it helped", async () => {
    const started = service.request({ initiativeId: "schakel", question: "Vraag", asker });
    const id = started.ok ? started.intro.id : "";
    service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_and_name" });
    service.apply(id, { type: "accept", by: { platform: "slack", userId: "U-kees" } });
    now = new Date(now.getTime() + 15 * DAY);
    service.fireDueTimers();
    await service.deliverPending();
    expect(delivered.filter((d) => d.effect.type === "ask_helped").map((d) => d.effect)).toEqual([{ type: "ask_helped", to: "asker" }, { type: "ask_helped", to: "contact" }]);
    service.apply(id, { type: "helped", by: { platform: "slack", userId: "U-asker" }, helped: true }, "h1");
    expect(service.get(id)?.helped).toEqual({ asker: true });
  });

  it("given vergeet for the asker, then the question and names are gone, nothing more is sent, and the counts stay", async () => {
    const started = service.request({ initiativeId: "schakel", question: "Hoe starten we een buurtbus?", asker });
    const id = started.ok ? started.intro.id : "";
    service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_and_name" });
    expect(repository.forgetPerson("slack", "U-asker")).toBe(1);
    await service.deliverPending();
    expect(delivered).toEqual([]);
    const raw = JSON.stringify(db.prepare("SELECT * FROM introductions").all());
    expect(raw).not.toContain("buurtbus");
    expect(raw).not.toContain("U-asker");
    expect(raw).not.toContain("Sanne");
    expect(raw).not.toContain("U-kees");
    expect(repository.listSince("2026-01-01")).toMatchObject([{ status: "cancelled", theme: "mobiliteit", region: "Lopik" }]);
  });

  it("given a contact's 'liever niet', then the same asker cannot ask that initiative again for a while; others can", () => {
    const first = service.request({ initiativeId: "schakel", question: "Hoe starten we een buurtbus?", asker });
    const id = first.ok ? first.intro.id : "";
    service.apply(id, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_and_name" });
    expect(service.apply(id, { type: "decline", by: { platform: "slack", userId: "U-kees" } })).toMatchObject({ ok: true });
    expect(service.request({ initiativeId: "schakel", question: "Toch nog even: de buurtbus?", asker })).toEqual({ ok: false, code: "recently_declined" });
    expect(service.request({ initiativeId: "schakel", question: "Hoe starten we een buurtbus?", asker: { ...asker, userId: "U-ander", name: "Ander" } })).toMatchObject({ ok: true });
    now = new Date(Date.now() + 91 * DAY); // the store stamps changes with the wall clock
    expect(service.request({ initiativeId: "schakel", question: "Een nieuw plan voor de buurtbus", asker })).toMatchObject({ ok: true });
  });

  it("given retention, then introductions untouched longer than the period keep only their counts; recent ones stay whole", async () => {
    const old = service.request({ initiativeId: "schakel", question: "Hoe starten we een buurtbus?", asker });
    const oldId = old.ok ? old.intro.id : "";
    service.apply(oldId, { type: "sharing_chosen", by: { platform: "slack", userId: "U-asker" }, sharing: "question_and_name" });
    service.apply(oldId, { type: "decline", by: { platform: "slack", userId: "U-kees" } });
    db.prepare("UPDATE introductions SET updated_at = '2025-01-01T00:00:00.000Z' WHERE id = ?").run(oldId);
    const recent = service.request({ initiativeId: "schakel", question: "Wie rijdt de dorpsbus op zaterdag?", asker });
    expect(recent.ok).toBe(true);
    applyRetention(db, 365, now);
    const raw = JSON.stringify(db.prepare("SELECT * FROM introductions WHERE id = ?").all(oldId));
    expect(raw).not.toMatch(/buurtbus|U-asker|Sanne|U-kees|Kees/);
    expect(JSON.stringify(db.prepare("SELECT * FROM introductions WHERE id <> ?").all(oldId))).toContain("dorpsbus");
    expect(repository.listSince("2024-01-01").map((i) => i.status).sort()).toEqual(["choosing", "declined"]);
  });
});
