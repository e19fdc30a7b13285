import { describe, expect, it } from "vitest";
import { introButtonLabel, introEffectLanguage, introEffectText } from "../../src/core/introductions/introduction-texts.js";
import type { Introduction } from "../../src/core/introductions/introduction-types.js";

const intro: Introduction = {
  id: "i1", status: "accepted", question: "How do we start a community bus?", initiativeId: "schakel", initiativeName: "Dorpshuis De Schakel", sharing: "question_and_name",
  asker: { platform: "slack", userId: "U-john", name: "John", conversationId: "D1:1.1", language: "en" }, contact: { platform: "discord", userId: "1001", name: "Kees" },
  createdAt: "2026-12-01T09:00:00Z", helped: {},
};

describe("introduction texts in the asker's language", () => {
  it("given an asker who asked in English, then what they read (notices, the follow-up, its buttons) is English and what the contact reads is Dutch", () => {
    expect(introEffectText(intro, { type: "tell_asker", message: "request_sent" })).toMatch(/^Your request has been sent to Dorpshuis De Schakel/);
    expect(introEffectText(intro, { type: "tell_asker", message: "not_now" })).toContain("is not working out right now");
    expect(introEffectText(intro, { type: "tell_asker", message: "introduced" })).toContain("You can find Kees on Discord (user 1001)");
    expect(introEffectText(intro, { type: "ask_helped", to: "asker" })).toBe("A while ago I put you in touch with Kees (Dorpshuis De Schakel). Did it help?");
    expect(introEffectText(intro, { type: "ask_helped", to: "contact" })).toContain("Heeft het geholpen?");
    expect(introEffectText(intro, { type: "send_request" })).toContain("John zoekt contact");
    expect(introEffectLanguage(intro, { type: "ask_helped", to: "asker" })).toBe("en");
    expect(introEffectLanguage(intro, { type: "send_request" })).toBeUndefined();
    expect(introButtonLabel("intro_helped_yes", "en")).toBe("Yes, it helped");
    expect(introButtonLabel("intro_accept", "en")).toBe("Accepteren"); // only a contact presses it
  });

  it("given an asker without a known language, then everything is Dutch", () => {
    const dutch = { ...intro, asker: { ...intro.asker, language: undefined } };
    expect(introEffectText(dutch, { type: "tell_asker", message: "request_sent" })).toMatch(/^Je verzoek is doorgestuurd/);
    expect(introButtonLabel("intro_helped_yes")).toBe("Ja, het hielp");
  });
});
