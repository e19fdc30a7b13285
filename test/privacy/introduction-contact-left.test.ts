import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InitiativeDirectory, InitiativeProfile } from "../../src/core/gids/initiative.js";
import { createIntroductionApi } from "../../src/core/introductions/introduction-api.js";
import { IntroductionService, type IntroDeliveryInput } from "../../src/core/introductions/introduction-service.js";
import { INTRO_NL } from "../../src/core/introductions/introduction-texts.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteIntroductionRepository } from "../../src/store/sqlite-introduction-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const DAY = 86_400_000;

function profile(contacts: InitiativeProfile["contacts"]): InitiativeProfile {
  return {
    id: "schakel", name: "De Schakel", municipality: "Lopik", themes: ["mobiliteit"], description: "", experience: "buurtbus", seeking: "",
    contacts, status: "published", version: 1, updatedAt: "", updatedBy: "",
  };
}

/**
 * Promise: a contact is approached only while they agree to be (README, De initiatievengids and
 * Introductions). The contact is chosen when the asker presses "Breng me in contact"; the request goes
 * out only after the asker chose what to pass on. A contact who left the gids in between is not asked.
 */
describe("a contact who leaves the gids while the asker is still choosing", () => {
  const temp = tempDir();
  let db: ReturnType<typeof openDatabase>;
  let delivered: IntroDeliveryInput[];
  let current: InitiativeProfile | undefined;
  let service: IntroductionService;
  const asker = { platform: "slack", userId: "U-asker", name: "Sanne", conversationId: "C1:1.1" };
  const kees = { name: "Kees", handles: { slack: "U-kees" }, contactable: true };

  beforeEach(() => {
    db = openDatabase(path.join(temp.dir, `intro-${Math.random()}.db`));
    delivered = [];
    current = profile([kees]);
    const directory: InitiativeDirectory = {
      get: (id) => (current?.id === id ? current : undefined), list: () => (current ? [current] : []),
      save: () => { throw new Error("not in this test"); }, remove: () => false, ofMember: () => [], forgetPerson: () => 0,
    };
    service = new IntroductionService({
      repository: new SqliteIntroductionRepository(db), directory,
      policy: { choiceTimeoutMs: DAY, answerTimeoutMs: 5 * DAY, followUpMs: 14 * DAY },
      contactPlatforms: ["slack"],
      retry: { maxAttempts: 3, firstDelayMs: 1000, maxDelayMs: 60_000, parkedRetryMs: 3_600_000 },
      sink: { deliver: async (input) => void delivered.push(input) },
    });
  });
  afterEach(() => db.close());

  const startAndLeave = (change: () => void) => {
    const api = createIntroductionApi({ service, latestQuestion: () => "Hoe starten we een buurtbus?", changed: () => {} });
    const started = api.connectMe({ platform: "slack", conversationId: asker.conversationId, userId: asker.userId, userName: asker.name, initiativeId: "schakel" });
    expect(started.ok).toBe(true);
    change();
    return { api, id: started.introductionId! };
  };

  for (const [situation, change] of [
    ["removed the profile", () => (current = undefined)],
    ["left the profile (another contact stays)", () => (current = profile([{ name: "Els", handles: { slack: "U-els" }, contactable: true }]))],
    ["no longer wants to be approached", () => (current = profile([{ ...kees, contactable: false }]))],
  ] as const) {
    it(`given the contact ${situation} before the asker chose, then nothing reaches them and the asker hears it cannot be done now`, async () => {
      const { api, id } = startAndLeave(change);
      const reply = api.press({ platform: "slack", userId: asker.userId, introductionId: id, button: "intro_share_named", eventKey: "choice-1" });
      expect(reply).toMatchObject({ ok: false, buttons: [], text: INTRO_NL.notContactable });
      await service.deliverPending();
      expect(delivered.map((d) => d.effect.type)).toEqual([]);
      expect(service.get(id)?.status).toBe("expired");
      // Pressed again (a repeated delivery, or the other button): still nothing goes out.
      api.press({ platform: "slack", userId: asker.userId, introductionId: id, button: "intro_share_question", eventKey: "choice-2" });
      await service.deliverPending();
      expect(delivered).toEqual([]);
    });
  }

  it("given the contact is still there, then the request goes out as before", async () => {
    const { api, id } = startAndLeave(() => {});
    expect(api.press({ platform: "slack", userId: asker.userId, introductionId: id, button: "intro_share_named" }).ok).toBe(true);
    await service.deliverPending();
    expect(delivered.map((d) => d.effect.type)).toEqual(["send_request", "tell_asker"]);
  });

  it("given someone else presses the asker's choice after the contact left, then the introduction is not touched", () => {
    const { api, id } = startAndLeave(() => (current = undefined));
    expect(api.press({ platform: "slack", userId: "U-other", introductionId: id, button: "intro_share_named" }).text).toBe(INTRO_NL.notForYou);
    expect(service.get(id)?.status).toBe("choosing");
  });
});
