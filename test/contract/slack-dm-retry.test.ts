import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app/create-app.js";
import { FakeSlackApi, signedInteraction, signedSlackRequest, type FaultDecision } from "../fakes/fake-slack-api.js";
import { eventually, saveProfile, slackButtonsOf as buttonsOf, slackCommand, slackIntroductionAccepted, viewSubmission } from "../helpers/intro-flow.js";
import { startSlackTestApp } from "../helpers/slack-app.js";
import { faultFirstRequest, ROSTER_YAML, SLACK_SECRET, type SlackDriver } from "../helpers/slack-flow.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const DAY = 86_400_000;
const FAULTS = [
  ["lose-response", "closed after it landed"],
  ["land-then-fatal-error", "answered ok: false, fatal_error after it landed"],
] as const;

/**
 * The smaller DMs (a form's confirmation, the replies to a shared file) when a connection is cut under
 * a post that landed: the real @slack/bolt and @slack/web-api clients against the fake Slack. Each
 * message comes once (a client that re-sends by itself, without looking, posted it twice).
 */
describe("Slack's smaller DMs when a connection is closed under a post", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  let app: App;
  let driver: SlackDriver;
  let eventsUrl: string;
  let offset = 0;
  let ts = 1_700_700_000;
  const nextTs = () => `${ts++}.000100`;

  beforeAll(async () => {
    let databasePath: string;
    ({ app, driver, eventsUrl, config: { databasePath } } = await startSlackTestApp(slack, temp.dir, {
      roster: ROSTER_YAML, clock: () => new Date(Date.now() + offset),
      env: { WEB_ENABLED: "false", HANDOFF_TICK_SECONDS: "0.1", INTRODUCTION_TIMEOUT_DAYS: "5", INTRODUCTION_FOLLOW_UP_DAYS: "14" },
    }));
    saveProfile(databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { slack: "U0KEES" }, contactable: true } });
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    await slack.stop();
    temp.cleanup();
  });
  beforeEach(() => {
    slack.onRequest = undefined;
  });

  const submit = async (payload: object) => {
    const { headers, body } = signedInteraction(SLACK_SECRET, payload);
    await (await fetch(eventsUrl, { method: "POST", headers, body })).text();
  };
  /** A person's DM with Vliegwiel: posted to by their user id, or by the DM's id (conversations.open gives "D"+user; the events here use "D0…"). */
  const inDm = (user: string) => (channel: unknown) => channel === user || channel === `D${user}` || channel === `D0${user.slice(2)}`;
  const landed = (user: string, matches: (text: string) => boolean) => slack.messages.filter((m) => inDm(user)(m.channel) && matches(String(m.text)));
  /** After the faulted post: a second post in the DM that Slack answered (sent again without looking), or a look into the DM. */
  const followedUp = (faulted: Record<string, unknown> | undefined, user: string) => {
    const at = slack.calls.findIndex((c) => c.body === faulted);
    return at >= 0 && slack.calls.slice(at + 1).some((c) =>
      inDm(user)(c.body.channel) && ((c.method === "chat.postMessage" && c.response.ok) || c.method === "conversations.history" || c.method === "conversations.replies"));
  };
  const faultFirst = (fault: FaultDecision, user: string, matches: (text: string) => boolean) =>
    faultFirstRequest(slack, fault, (method, body) => method === "chat.postMessage" && inDm(user)(body.channel) && matches(String(body.text)));

  for (const [fault, what] of FAULTS) {
    it(`given the 'saved' DM of the profile form is ${what}, then it comes once`, async () => {
      const user = fault === "lose-response" ? "U0MARIEKE" : "U0FATIMA";
      const trigger = `trig-profile-${fault}`;
      await slackCommand(eventsUrl, SLACK_SECRET, user, "/vliegwiel", "initiatief", trigger, signedSlackRequest);
      const view = (await eventually(() => slack.callsTo("views.open").find((c) => c.body.trigger_id === trigger), "views.open")).body.view as Record<string, unknown>;
      const isSaved = (text: string) => text.includes("staat in de initiatievengids");
      const hit = faultFirst(fault, user, isSaved);
      const fields = { name: `Zon op Zeewolde ${fault}`, place: "Zeewolde", municipality: "Zeewolde", province: "Flevoland", themes: "energie", description: "Wij leggen zonnepanelen op daken van boeren." };
      await submit(viewSubmission(user, view, fields));
      await eventually(() => followedUp(hit.body, user), "the post tried again or looked for", 60_000);
      // Sentinel: the same person saves again (an edit); its DM comes after any second copy of the first would have come.
      await submit(viewSubmission(user, view, { ...fields, name: `Zon op Zeewolde ${fault} bijgewerkt` }));
      await eventually(() => landed(user, (t) => t.includes("bijgewerkt staat")).length > 0 || undefined, "the second save's DM", 60_000);
      expect(landed(user, (t) => isSaved(t) && !t.includes("bijgewerkt"))).toHaveLength(1);
    }, 120_000);
  }

  for (const [fault, what] of FAULTS) {
    it(`given the replies to a file shared in a DM are ${what}, then each comes once`, async () => {
      const dm = "D0COORD";
      const name = `notulen-${fault}.md`;
      const isReceived = (text: string) => text.startsWith(`${name} ontvangen`);
      const isResult = (text: string) => text.startsWith("Kennisbank bijgewerkt");
      const resultsBefore = landed("U0COORD", isResult).length;
      const hit = faultFirst(fault, "U0COORD", isReceived);
      const file = slack.shareFile(`F0${fault.length}`, name, Buffer.from("# Notulen\n\nDe buurtkast wordt elke maand gevuld met boeken en zaden.\n"));
      await driver.event(`EvFile-${fault}`, { type: "message", subtype: "file_share", user: "U0COORD", text: "", ts: nextTs(), channel: dm, channel_type: "im", files: [file] });
      await eventually(() => followedUp(hit.body, "U0COORD"), "the post tried again or looked for", 60_000);
      // Sentinel: the result is posted after the confirmation of receipt, by the same handler.
      await eventually(() => landed("U0COORD", isResult).length > resultsBefore || undefined, "the result", 60_000);
      expect(hit.hit).toBe(true);
      expect(landed("U0COORD", isReceived)).toHaveLength(1);
    }, 120_000);
  }

  describe("the lesson form", () => {
    let view: Record<string, unknown>;

    /** An accepted introduction between U0ASKER and Kees, followed up, and the asker's lesson form opened. */
    beforeAll(async () => {
      const introId = await slackIntroductionAccepted(driver, slack, "EvLessonAsk", nextTs());
      offset += 15 * DAY;
      const asked = await eventually(() => slack.posts("D0ASKER").find((c) => String(c.body.text).includes("Heeft het geholpen?")), "the follow-up", 60_000);
      await driver.press("U0ASKER", "vliegwiel_intro_helped_yes", introId, "D0ASKER", { message_ts: String(asked.response.ts) });
      const thanks = await eventually(() => slack.posts("D0ASKER").find((c) => buttonsOf(c).some((b) => b.action_id === "vliegwiel_intro_share_lesson")), "the offer to share a lesson");
      await driver.press("U0ASKER", "vliegwiel_intro_share_lesson", introId, "D0ASKER", { message_ts: String(thanks.response.ts) }, "trig-lesson-retry");
      view = (await eventually(() => slack.callsTo("views.open").find((c) => c.body.trigger_id === "trig-lesson-retry"), "views.open")).body.view as Record<string, unknown>;
    }, 120_000);

    for (const [fault, what] of FAULTS) {
      it(`given the lesson's confirmation DM is ${what}, then it comes once`, async () => {
        const isConfirmation = (text: string) => text.includes("Je les blijft bij jou");
        const before = landed("U0ASKER", isConfirmation).length;
        const hit = faultFirst(fault, "U0ASKER", isConfirmation);
        await submit(viewSubmission("U0ASKER", view, { lesson: `Begin klein, met twee vaste chauffeurs (${fault}).` }));
        await eventually(() => followedUp(hit.body, "U0ASKER"), "the post tried again or looked for", 60_000);
        // Sentinel: the same person shares the lesson after all; that confirmation comes after any second copy would have come.
        const shared = (text: string) => text.includes("De coördinatoren zien je les");
        const sharedBefore = landed("U0ASKER", shared).length;
        await submit(viewSubmission("U0ASKER", view, { lesson: `Begin klein, met twee vaste chauffeurs (${fault}).` }, { block: "share", value: "ja" }));
        await eventually(() => landed("U0ASKER", shared).length > sharedBefore || undefined, "the sentinel's confirmation", 60_000);
        expect(landed("U0ASKER", isConfirmation)).toHaveLength(before + 1);
        // Back to private for the next case.
        await submit(viewSubmission("U0ASKER", view, { lesson: "Begin klein." }));
        await eventually(() => landed("U0ASKER", isConfirmation).length > before + 1 || undefined, "private again", 60_000);
      }, 120_000);
    }
  });
});
