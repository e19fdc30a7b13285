import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { ROSTER_YAML, SlackDriver } from "../helpers/slack-flow.js";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { requestIntroductionInBrowser } from "../helpers/browser-introduction.js";
import { slackAppForTests } from "../helpers/slack-app.js";

const DAY = 86_400_000;
type IntroAnswer = { ok: boolean; text: string; buttons: string[]; introductionId?: string; labels: Record<string, string> };

/** "Deel wat je leerde" for an asker in the web chat whose contact is on Slack (the fake): over HTTP, and in a browser. */
describe("lessons from introductions in the web chat", () => {
  const slack = new FakeSlackApi();
  let url: string;
  let driver: SlackDriver;
  let offset = 0;
  let databasePath: string;

  slackAppForTests(slack, {
    roster: ROSTER_YAML, clock: () => new Date(Date.now() + offset), env: { HANDOFF_TICK_SECONDS: "0.1", INTRODUCTION_FOLLOW_UP_DAYS: "14" },
  }, (started) => {
    ({ driver, config: { databasePath } } = started);
    url = started.webUrl!;
    saveProfile(databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { slack: "U0KEES" }, contactable: true } });
  });

  const post = async <T>(path: string, body: object, status = 200): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(status);
    return (await res.json()) as T;
  };
  const lessons = () => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return db.prepare("SELECT status, author_id, json_extract(data, '$.text') AS text FROM introduction_lessons ORDER BY created_at").all();
    } finally {
      db.close();
    }
  };
  /** Kees accepts the request of this introduction on Slack. */
  async function keesAccepts(introductionId: string): Promise<void> {
    const request = await eventually(() => slack.posts("DU0KEES").find((c) => JSON.stringify(c.body.blocks ?? "").includes(introductionId)), "the request on Slack");
    const told = slack.posts("DU0KEES").filter((c) => String(c.body.text).includes("stelde de vraag")).length;
    await driver.press("U0KEES", "vliegwiel_intro_accept", introductionId, "DU0KEES", { message_ts: String(request.response.ts) });
    await eventually(() => slack.posts("DU0KEES").filter((c) => String(c.body.text).includes("stelde de vraag")).length > told || undefined, "Kees hears who asked");
  }

  it("given an accepted introduction followed up, then the web asker answers, and may write a lesson that is shared only when ticked", async () => {
    const who = { conversationId: "web-les-1", userId: "web-sanne", userName: "Sanne" };
    await post("/api/messages", { ...who, text: "Hoe starten we een buurtbus met vrijwilligers?" });
    const choice = await post<IntroAnswer>("/api/introductions", { ...who, initiativeId: "de-schakel", eventKey: "l1" });
    await post<IntroAnswer>("/api/introductions", { ...who, introductionId: choice.introductionId, button: "intro_share_named", eventKey: "l2" });
    await keesAccepts(choice.introductionId!);

    // Someone outside the introduction never gets the form.
    const stranger = await (await fetch(`${url}/api/introductions/lesson?introductionId=${choice.introductionId}&userId=web-someone`)).json();
    expect(stranger).toMatchObject({ ok: false, text: expect.stringContaining("niet voor jou") });

    offset += 15 * DAY;
    const feed = async () => (await (await fetch(`${url}/api/conversations/${who.conversationId}/messages`)).json()) as Array<{ author: string; text: string }>;
    let asked: { author: string; text: string } | undefined;
    for (let i = 0; i < 800 && !asked; i++) {
      asked = (await feed()).find((m) => m.author === "kennismaking");
      if (!asked) await new Promise((r) => setTimeout(r, 25));
    }
    const question = JSON.parse(asked!.text) as { text: string; introductionId: string; buttons: string[]; labels: Record<string, string> };
    expect(question).toMatchObject({ introductionId: choice.introductionId, buttons: ["intro_helped_yes", "intro_helped_no"], labels: { intro_helped_yes: "Ja, het hielp" } });
    expect(question.text).toContain("Heeft het geholpen?");

    const helped = await post<IntroAnswer>("/api/introductions", { ...who, introductionId: choice.introductionId, button: "intro_helped_yes", eventKey: "l3" });
    expect(helped.buttons).toEqual(["intro_share_lesson"]);
    expect(helped.labels).toEqual({ intro_share_lesson: "Deel wat je leerde" });
    expect(await (await fetch(`${url}/api/introductions/lesson?introductionId=${choice.introductionId}&userId=web-sanne`)).json()).toEqual({ ok: true, shared: false, labels: expect.objectContaining({ save: "Bewaren" }) });

    const empty = await post<{ error: string }>("/api/introductions/lesson", { ...who, introductionId: choice.introductionId, text: " ", share: true }, 400);
    expect(empty.error).toContain("paar zinnen");
    const kept = await post<{ text: string; shared: boolean }>("/api/introductions/lesson", { ...who, introductionId: choice.introductionId, text: "Begin met één vaste rit per week.", eventKey: "s1" });
    expect(kept).toMatchObject({ shared: false, text: expect.stringContaining("blijft bij jou") });
    expect(lessons()).toEqual([{ status: "private", author_id: "web-sanne", text: "Begin met één vaste rit per week." }]);
    const shared = await post<{ text: string; shared: boolean }>("/api/introductions/lesson", { ...who, introductionId: choice.introductionId, text: "Begin met één vaste rit per week.", share: true, eventKey: "s2" });
    expect(shared.shared).toBe(true);
    expect(lessons()).toEqual([{ status: "proposed", author_id: "web-sanne", text: "Begin met één vaste rit per week." }]);
  });

  it("given an asker who asked in English, then the follow-up, its buttons and the lesson form are English", async () => {
    const john = { conversationId: "web-les-en", userId: "web-john", userName: "John" };
    await post("/api/messages", { ...john, text: "How do we start a community bus with volunteer drivers in our village?" });
    const choice = await post<IntroAnswer>("/api/introductions", { ...john, initiativeId: "de-schakel", eventKey: "en1" });
    await post<IntroAnswer>("/api/introductions", { ...john, introductionId: choice.introductionId, button: "intro_share_named", eventKey: "en2" });
    await keesAccepts(choice.introductionId!);
    offset += 15 * DAY;
    const feed = async () => (await (await fetch(`${url}/api/conversations/${john.conversationId}/messages`)).json()) as Array<{ author: string; text: string }>;
    let asked: { author: string; text: string } | undefined;
    for (let i = 0; i < 800 && !asked; i++) {
      asked = (await feed()).find((m) => m.author === "kennismaking");
      if (!asked) await new Promise((r) => setTimeout(r, 25));
    }
    expect(JSON.parse(asked!.text)).toMatchObject({ text: "A while ago I put you in touch with Kees (Dorpshuis De Schakel). Did it help?", labels: { intro_helped_yes: "Yes, it helped", intro_helped_no: "Not really" } });
    const helped = await post<IntroAnswer>("/api/introductions", { ...john, introductionId: choice.introductionId, button: "intro_helped_no", eventKey: "en3" });
    expect(helped.text).toContain("Would you like to share");
    expect(helped.labels).toEqual({ intro_share_lesson: "Share what you learned" });
    const form = await (await fetch(`${url}/api/introductions/lesson?introductionId=${choice.introductionId}&userId=web-john`)).json();
    expect(form).toMatchObject({ ok: true, language: "en", labels: { save: "Save" } });
    const kept = await post<{ text: string }>("/api/introductions/lesson", { ...john, introductionId: choice.introductionId, text: "Ask the municipality first.", eventKey: "en4" });
    expect(kept.text).toContain("Your lesson stays with you");
  });

  it.skipIf(!CHROMIUM)("given the chat page in a browser, then 'Heeft het geholpen?' shows with its buttons and 'Deel wat je leerde' opens a small form", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const request = await requestIntroductionInBrowser(page, slack, {
        question: "Hoe zetten we een buurtbus op met vrijwillige chauffeurs?", initiativeId: "de-schakel", choice: "intro_share_named", contactDm: "DU0KEES",
      });
      const introductionId = JSON.stringify(request.body.blocks).match(/"value":"([^"]+)"/)![1]!;
      await keesAccepts(introductionId);
      offset += 15 * DAY;

      const yes = page.locator('.message.introduction button[data-intro="intro_helped_yes"]');
      await yes.waitFor({ timeout: 30_000 });
      await yes.click();
      const share = page.locator('button[data-intro="intro_share_lesson"]');
      await share.waitFor({ timeout: 10_000 });
      await share.click();
      const form = page.locator("form.lesson-form");
      await form.waitFor({ timeout: 10_000 });
      expect(await form.locator('input[name="share"]').isChecked()).toBe(false);
      await form.locator('textarea[name="lesson"]').fill("Vraag de gemeente om de verzekering te betalen.");
      await form.locator('input[name="share"]').check();
      await form.locator('button[type="submit"]').click();
      await form.locator(".lesson-result", { hasText: "De coördinatoren zien je les" }).waitFor({ timeout: 10_000 });
      expect(lessons()).toContainEqual(expect.objectContaining({ status: "proposed", text: "Vraag de gemeente om de verzekering te betalen." }));
    } finally {
      await browser.close();
    }
  }, 120_000);
});
