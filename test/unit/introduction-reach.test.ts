import { describe, expect, it } from "vitest";
import { introEffectText, sharedConnectText } from "../../src/core/introductions/introduction-texts.js";
import type { Introduction } from "../../src/core/introductions/introduction-types.js";

const base: Introduction = {
  id: "i2", status: "accepted", question: "Hoe houden we de bibliotheekbus in het dorp?", initiativeId: "boekenbus", initiativeName: "Boekenbus Ruinen",
  initiativeWebsite: "https://boekenbus-ruinen.nl", sharing: "question_and_name",
  asker: { platform: "web", userId: "web-fenna", name: "Fenna", conversationId: "web-1" }, contact: { platform: "slack", userId: "U0GERRIT", name: "Gerrit" },
  createdAt: "2026-12-01T09:00:00Z", helped: {},
};
const introduced = (intro: Introduction) => introEffectText(intro, { type: "tell_asker", message: "introduced" })!;
const toContact = (intro: Introduction) => introEffectText(intro, { type: "tell_contact", message: "introduced" })!;

describe("introductions across platforms: what each can use to reach the other", () => {
  it("given a web-chat asker and a contact on Slack, then the asker gets the contact's name, the platform and the website, never a Slack id", () => {
    const text = introduced(base);
    expect(text).toContain("Gerrit zit op Slack, niet in deze chat");
    expect(text).toContain("zoek daar dan naar Gerrit");
    expect(text).toContain("https://boekenbus-ruinen.nl");
    expect(text).toContain("de eerste stap is aan jou");
    expect(text).not.toContain("U0GERRIT");
    const contact = toContact(base);
    expect(contact).toContain("Fenna stelde de vraag in de webchat van Vliegwiel; daar kun je Fenna zelf geen bericht sturen");
    expect(contact).toContain("jouw naam en de website van Boekenbus Ruinen gekregen");
  });

  it("given no website in the profile, then neither side is promised one", () => {
    const bare = { ...base, initiativeWebsite: undefined };
    expect(introduced(bare)).not.toMatch(/website/);
    expect(toContact(bare)).toContain("heeft jouw naam gekregen en neemt zelf contact met je op");
  });

  it("given an English web-chat asker, then they read it in English and the contact hears they wrote in English", () => {
    const english = { ...base, asker: { ...base.asker, language: "en" as const } };
    const text = introduced(english);
    expect(text).toContain("Gerrit is on Slack, not in this chat, and cannot reach you here");
    expect(text).toContain("through their website: https://boekenbus-ruinen.nl");
    expect(text).not.toContain("U0GERRIT");
    expect(toContact(english)).toContain("Fenna schreef in het Engels.");
  });

  it("given a Slack asker and a Discord contact, then each gets the other's name and handle on their platform, and the asker the website", () => {
    const across = { ...base, asker: { platform: "slack", userId: "U0FENNA", name: "Fenna", conversationId: "D1:1.1" }, contact: { platform: "discord", userId: "1001", name: "Gerrit" } };
    expect(introduced(across)).toContain("Je vindt Gerrit op Discord (gebruiker 1001); Gerrit heeft ook jouw naam op Slack gekregen. Je bereikt Boekenbus Ruinen ook via hun website: https://boekenbus-ruinen.nl.");
    expect(toContact(across)).toBe("Dank je! Je vindt Fenna op Slack (gebruiker U0FENNA).");
  });

  it("given an English asker on the contact's platform, then the shared message says it in Dutch and in English; a Dutch asker's only in Dutch", () => {
    const same = { ...base, asker: { platform: "slack", userId: "U0JOHN", name: "John", conversationId: "D2:1.1", language: "en" as const } };
    const text = sharedConnectText(same, "John", "Gerrit");
    expect(text).toMatch(/^Hallo John en Gerrit! John vroeg: "Hoe houden we de bibliotheekbus in het dorp\?"/);
    expect(text).toContain("John schreef in het Engels.");
    expect(text).toContain("In English: hello John and Gerrit! Gerrit from Boekenbus Ruinen would like to help with John's question above.");
    const dutch = sharedConnectText({ ...same, asker: { ...same.asker, language: undefined } }, "John", "Gerrit");
    expect(dutch).not.toContain("In English");
    expect(dutch).not.toContain("Engels");
  });
});
