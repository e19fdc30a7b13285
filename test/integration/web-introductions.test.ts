import { describe, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { ROSTER_YAML, SlackDriver } from "../helpers/slack-flow.js";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { requestIntroductionInBrowser } from "../helpers/browser-introduction.js";
import { slackAppForTests } from "../helpers/slack-app.js";

type IntroAnswer = { ok: boolean; text: string; buttons: string[]; introductionId?: string; labels: Record<string, string> };

/** An asker in the web chat and an initiative's contact on Slack (the fake): across platforms. */
describe("introductions from the web chat to a contact on Slack", () => {
  const slack = new FakeSlackApi();
  let url: string;
  let driver: SlackDriver;

  slackAppForTests(slack, { roster: ROSTER_YAML, env: { HANDOFF_TICK_SECONDS: "0.1" } }, (started) => {
    ({ driver } = started);
    url = started.webUrl!;
    saveProfile(started.config.databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", website: "https://deschakel-lopik.nl", contact: { name: "Kees", handles: { slack: "U0KEES" }, contactable: true } });
  });

  const post = async <T>(path: string, body: object): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const who = { conversationId: "web-gesprek-1", userId: "web-sanne", userName: "Sanne" };

  it("given a suggestion in the web chat, then the asker chooses, the contact accepts on Slack, and the asker reads what works from the web chat: name, platform, website", async () => {
    const reply = await post<{ initiatives?: Array<{ id: string }> }>("/api/messages", { ...who, text: "Hoe starten we een buurtbus met vrijwilligers?" });
    expect(reply.initiatives?.map((i) => i.id)).toContain("de-schakel");

    const choice = await post<IntroAnswer>("/api/introductions", { ...who, initiativeId: "de-schakel", eventKey: "k1" });
    expect(choice.labels).toEqual({ intro_share_named: "Mijn vraag en mijn naam", intro_share_question: "Alleen mijn vraag", intro_cancel: "Toch niet" });
    // The same press again (a double click) is the same introduction.
    expect((await post<IntroAnswer>("/api/introductions", { ...who, initiativeId: "de-schakel", eventKey: "k1" })).introductionId).toBe(choice.introductionId);

    const sent = await post<IntroAnswer>("/api/introductions", { ...who, introductionId: choice.introductionId, button: "intro_share_named", eventKey: "k2" });
    expect(sent.text).toContain("Ik stuur je verzoek door naar Dorpshuis De Schakel");
    const request = await eventually(() => slack.posts("DU0KEES").find((c) => JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_intro_accept")), "the request on Slack");
    expect(request.body.text).toContain("Sanne zoekt contact");

    await driver.press("U0KEES", "vliegwiel_intro_accept", choice.introductionId!, "DU0KEES", { message_ts: String(request.response.ts) });
    const feed = async () => (await (await fetch(`${url}/api/conversations/${who.conversationId}/messages`)).json()) as Array<{ text: string }>;
    let told: { text: string } | undefined;
    for (let i = 0; i < 800 && !told; i++) {
      told = (await feed()).find((m) => m.text.includes("wil graag met je praten"));
      if (!told) await new Promise((r) => setTimeout(r, 25));
    }
    // A Slack user id is of no use in the web chat: the asker gets the name, where to look, and the website.
    expect(told?.text).toContain("Kees zit op Slack, niet in deze chat");
    expect(told?.text).toContain("https://deschakel-lopik.nl");
    expect(told?.text).not.toContain("U0KEES");
    const toKees = await eventually(() => slack.posts("DU0KEES").find((c) => String(c.body.text).includes("Sanne stelde de vraag")), "Kees hears who asked");
    expect(toKees.body.text).toContain("webchat van Vliegwiel; daar kun je Sanne zelf geen bericht sturen");
    expect(toKees.body.text).toContain("neemt zelf contact met je op");
  });

  it("given an asker who asked in English, then their side of the introduction is English and the contact's stays Dutch", async () => {
    const john = { conversationId: "web-gesprek-en", userId: "web-john", userName: "John" };
    await post("/api/messages", { ...john, text: "How do we start a community bus with volunteer drivers in our village?" });
    const choice = await post<IntroAnswer>("/api/introductions", { ...john, initiativeId: "de-schakel", eventKey: "en-1" });
    expect(choice.text).toContain("What may I pass on?");
    expect(choice.labels).toEqual({ intro_share_named: "My question and my name", intro_share_question: "Only my question", intro_cancel: "Never mind" });
    const sent = await post<IntroAnswer>("/api/introductions", { ...john, introductionId: choice.introductionId, button: "intro_share_named", eventKey: "en-2" });
    expect(sent.text).toContain("I am passing your request on to Dorpshuis De Schakel");
    const request = await eventually(() => slack.posts("DU0KEES").find((c) => JSON.stringify(c.body.blocks ?? "").includes(choice.introductionId!)), "the request on Slack");
    expect(request.body.text).toContain("John zoekt contact met Dorpshuis De Schakel");
    expect(JSON.stringify(request.body.blocks)).toContain("Accepteren");

    await driver.press("U0KEES", "vliegwiel_intro_accept", choice.introductionId!, "DU0KEES", { message_ts: String(request.response.ts) });
    const feed = async () => (await (await fetch(`${url}/api/conversations/${john.conversationId}/messages`)).json()) as Array<{ text: string }>;
    let told: { text: string } | undefined;
    for (let i = 0; i < 800 && !told; i++) {
      told = (await feed()).find((m) => m.text.includes("would like to talk with you"));
      if (!told) await new Promise((r) => setTimeout(r, 25));
    }
    expect(told?.text).toContain("Kees is on Slack, not in this chat");
    expect(told?.text).toContain("through their website: https://deschakel-lopik.nl");
    await eventually(() => slack.posts("DU0KEES").find((c) => String(c.body.text).includes("John schreef in het Engels")), "Kees hears John wrote in English");
    expect((await feed()).some((m) => m.text.includes("Your request has been sent to Dorpshuis De Schakel"))).toBe(true);
  });

  it("given a web request naming the contact's Slack id, then it cannot accept for them: only Slack's own press counts", async () => {
    const mila = { conversationId: "web-gesprek-vals", userId: "web-mila", userName: "Mila" };
    await post("/api/messages", { ...mila, text: "Hoe starten we een buurtbus met vrijwilligers?" });
    const choice = await post<IntroAnswer>("/api/introductions", { ...mila, initiativeId: "de-schakel", eventKey: "vals-1" });
    await post<IntroAnswer>("/api/introductions", { ...mila, introductionId: choice.introductionId, button: "intro_share_question", eventKey: "vals-2" });
    const forged = await post<IntroAnswer>("/api/introductions", { conversationId: "x", userId: "U0KEES", introductionId: choice.introductionId, button: "intro_accept", eventKey: "vals-3" });
    expect(forged).toMatchObject({ ok: false, text: expect.stringMatching(/niet voor jou/i) });
    const feed = (await (await fetch(`${url}/api/conversations/${mila.conversationId}/messages`)).json()) as Array<{ text: string }>;
    expect(feed.some((m) => m.text.includes("wil graag met je praten"))).toBe(false);
  });

  it("given a bad request, then it is refused with a Dutch message", async () => {
    const res = await fetch(`${url}/api/introductions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...who, button: "intro_accept" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("kennismaking");
  });

  it.skipIf(!CHROMIUM)("given the chat page in a browser, then 'Breng me in contact' beside a suggestion asks what may be passed on, and a choice sends the request", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const request = await requestIntroductionInBrowser(page, slack, {
        question: "Hoe zetten we een buurtbus op met vrijwillige chauffeurs?", initiativeId: "de-schakel", choice: "intro_share_question", contactDm: "DU0KEES",
      });
      expect(await page.locator(".message.introduction").first().textContent()).toContain("Wat mag ik doorgeven?");
      await page.locator(".message.introduction", { hasText: "Ik stuur je verzoek door" }).waitFor({ timeout: 10_000 });
      expect(request.body.text).toContain("Iemand uit het netwerk zoekt contact");
    } finally {
      await browser.close();
    }
  }, 90_000);
});
