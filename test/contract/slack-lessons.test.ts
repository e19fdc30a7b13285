import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FakeSlackApi, signedInteraction } from "../fakes/fake-slack-api.js";
import { eventually, saveProfile, slackButtonsOf as buttonsOf, slackIntroductionAccepted, viewSubmission } from "../helpers/intro-flow.js";
import { ROSTER_YAML, SLACK_SECRET, SlackDriver } from "../helpers/slack-flow.js";
import { teamLogin } from "../helpers/team-login.js";
import { REPO_ROOT } from "../helpers/temp-knowledge.js";
import { slackAppForTests } from "../helpers/slack-app.js";

const DAY = 86_400_000;
type View = Record<string, unknown> & { private_metadata: string; blocks: Array<{ block_id?: string; element?: { type: string; initial_value?: string; initial_option?: { value: string } } }> };
const LESSON = "Begin klein: twee vaste chauffeurs en één vaste rit op dinsdag. De gemeente betaalde de verzekering toen we het vroegen.";

/**
 * The learning loop of introductions, whole, in Slack (against the fake Web API) and the team view
 * (over HTTP): "Heeft het geholpen?", "Deel wat je leerde" in a modal, the coordinators' proposal,
 * accepted into the knowledge store; and the maintainers' `kennis -- lessen`.
 */
describe("lessons from introductions in Slack and the team view", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let offset = 0;
  let dataDir: string;
  let databasePath: string;
  let knowledgeDir: string;
  let eventsUrl: string;
  let webUrl: string;

  slackAppForTests(slack, {
    roster: ROSTER_YAML, clock: () => new Date(Date.now() + offset),
    env: { HANDOFF_TICK_SECONDS: "0.1", INTRODUCTION_TIMEOUT_DAYS: "5", INTRODUCTION_FOLLOW_UP_DAYS: "14" },
  }, (started) => {
    ({ driver, eventsUrl, config: { dataDir, databasePath, knowledgeDir } } = started);
    webUrl = started.webUrl!;
    saveProfile(databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { slack: "U0KEES" }, contactable: true } });
  });

  const submit = async (payload: object) => {
    const { headers, body } = signedInteraction(SLACK_SECRET, payload);
    const res = await fetch(eventsUrl, { method: "POST", headers, body });
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const kennis = (...args: string[]) =>
    promisify(execFile)(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), ...args], {
      cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: path.dirname(databasePath), DATABASE_PATH: databasePath, KNOWLEDGE_DIR: knowledgeDir, ROSTER_FILE: `${dataDir}/roster.yaml`, LOG_LEVEL: "error" },
    });
  const rows = (sql: string, ...params: unknown[]) => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };

  /** An accepted introduction between U0ASKER and Kees, followed up: resolves to its id. */
  async function introducedAndFollowedUp(): Promise<string> {
    const introId = await slackIntroductionAccepted(driver, slack, "EvLesson1", "1700300000.000100");
    offset += 15 * DAY;
    await eventually(() => [...slack.posts("D0ASKER"), ...slack.posts("DU0KEES")].filter((c) => String(c.body.text).includes("Heeft het geholpen?")).length === 2 || undefined, "the follow-up");
    return introId;
  }

  /** Presses a follow-up answer, then "Deel wat je leerde"; resolves to the modal Slack was asked to open. */
  async function openLessonModal(user: string, dm: string, introId: string, helped: string, trigger: string): Promise<View> {
    const asked = slack.posts(dm).find((c) => String(c.body.text).includes("Heeft het geholpen?"))!;
    await driver.press(user, helped, introId, dm, { message_ts: String(asked.response.ts) });
    const thanks = await eventually(() => slack.posts(dm).find((c) => buttonsOf(c).some((b) => b.action_id === "vliegwiel_intro_share_lesson")), "the offer to share a lesson");
    expect(thanks.body.text).toContain("Dat hoeft niet");
    await driver.press(user, "vliegwiel_intro_share_lesson", introId, dm, { message_ts: String(thanks.response.ts) }, trigger);
    const opened = await eventually(() => slack.callsTo("views.open").find((c) => c.body.trigger_id === trigger), "views.open");
    return opened.body.view as View;
  }

  it("given an introduction that helped, then each side may write what they learned; shared, a coordinator accepts it into the knowledge store without names", async () => {
    const introId = await introducedAndFollowedUp();
    const view = await openLessonModal("U0ASKER", "D0ASKER", introId, "vliegwiel_intro_helped_yes", "trig-lesson-asker");
    expect(view).toMatchObject({ type: "modal", callback_id: "intro_les" });
    expect(view.blocks.filter((b) => b.block_id).map((b) => b.block_id)).toEqual(["lesson", "share"]);
    // Sharing is a choice, and "no" is the default.
    expect(view.blocks.find((b) => b.block_id === "share")!.element!.initial_option!.value).toBe("nee");

    const empty = await submit(viewSubmission("U0ASKER", view, { lesson: "" }));
    expect(empty).toMatchObject({ response_action: "errors", errors: { lesson: expect.stringContaining("paar zinnen") } });
    const shared = viewSubmission("U0ASKER", view, { lesson: LESSON }, { block: "share", value: "ja" });
    expect((await submit(shared)).response_action).toBeUndefined();
    await submit(shared); // the same submission delivered again
    await eventually(() => slack.posts("DU0ASKER").find((c) => String(c.body.text).includes("De coördinatoren zien je les")), "the confirmation");
    expect(rows("SELECT status FROM introduction_lessons")).toEqual([{ status: "proposed" }]);
    expect(rows("SELECT type FROM lesson_events").map((r) => r.type)).toEqual(["submitted"]);

    // The contact writes one for themselves only: nobody else sees it.
    const contactView = await openLessonModal("U0KEES", "DU0KEES", introId, "vliegwiel_intro_helped_no", "trig-lesson-kees");
    expect((await submit(viewSubmission("U0KEES", contactView, { lesson: "Vraag eerst hoeveel ritten ze per week willen." }))).response_action).toBeUndefined();
    await eventually(() => slack.posts("DU0KEES").find((c) => String(c.body.text).includes("blijft bij jou")), "the confirmation to Kees");

    // Coordinators see the proposal in the team view; a tolk does not.
    const tolk = await teamLogin(webUrl, databasePath, "anna");
    expect((await tolk.get("/api/tolk/lessen")).status).toBe(403);
    const carla = await teamLogin(webUrl, databasePath, "carla");
    const { lessons } = (await (await carla.get("/api/tolk/lessen")).json()) as { lessons: Array<{ id: string; text: string; theme: string; region: string; from: string; helped: boolean }> };
    expect(lessons).toEqual([expect.objectContaining({ text: LESSON, theme: "mobiliteit", region: "Lopik", from: "de vrager", helped: true })]);
    expect(JSON.stringify(lessons)).not.toMatch(/U0ASKER|U0KEES|Kees|Schakel/);
    expect((await tolk.post(`/api/tolk/lessen/${lessons[0]!.id}/aannemen`, {})).status).toBe(403);

    const accepted = await carla.postJson(`/api/tolk/lessen/${lessons[0]!.id}/aannemen`, { eventKey: "accept-1" });
    expect(accepted).toMatchObject({ ok: true, status: "accepted", document: expect.stringMatching(/^lessen\/.+\.md$/) });
    const document = String(accepted.document);
    const content = fs.readFileSync(path.join(knowledgeDir, document), "utf8");
    expect(content).toContain(LESSON);
    expect(content).toContain("kennismaking");
    expect(content).not.toMatch(/U0ASKER|U0KEES|Kees|Schakel|buurtbus met vrijwilligers\?/);
    expect(rows("SELECT kind, region, themes FROM documents WHERE id = ?", document)).toEqual([{ kind: "les uit een kennismaking", region: "Lopik", themes: '["mobiliteit"]' }]);
    // Pressed again, or rejected afterwards: nothing changes, nothing is written twice.
    expect(await carla.postJson(`/api/tolk/lessen/${lessons[0]!.id}/aannemen`, { eventKey: "accept-1" })).toMatchObject({ ok: true, status: "accepted" });
    expect((await carla.post(`/api/tolk/lessen/${lessons[0]!.id}/afwijzen`, { eventKey: "reject-1" })).status).toBe(409);
    expect(fs.readdirSync(path.join(knowledgeDir, "lessen"))).toHaveLength(1);
    expect(((await (await carla.get("/api/tolk/lessen")).json()) as { lessons: unknown[] }).lessons).toEqual([]);
    expect(rows("SELECT type, actor, outcome FROM lesson_events WHERE lesson_id = ? ORDER BY id", lessons[0]!.id)).toEqual([
      { type: "submitted", actor: "U0ASKER", outcome: "ok" },
      { type: "accepted", actor: "carla", outcome: "ok" },
      { type: "written", actor: null, outcome: "ok" },
      { type: "rejected", actor: "carla", outcome: "decided" },
    ]);

    // The signals count lessons shared and taken up (Kees's private one is not counted), never who wrote them.
    const { report } = (await (await carla.get("/api/tolk/signalen")).json()) as { report: string };
    expect(report).toMatch(/Lessen uit kennismakingen:\n– totaal: 1 gedeeld, 1 opgenomen in de kennisbank\n– thema mobiliteit: 1 gedeeld, 1 opgenomen in de kennisbank/);

    // Kees changes his mind and shares after all (the modal opens with his text); a maintainer rejects it from the command line.
    const reopened = await openLessonModal("U0KEES", "DU0KEES", introId, "vliegwiel_intro_helped_no", "trig-lesson-kees-2");
    expect(reopened.blocks.find((b) => b.block_id === "lesson")!.element!.initial_value).toBe("Vraag eerst hoeveel ritten ze per week willen.");
    await submit(viewSubmission("U0KEES", reopened, {}, { block: "share", value: "ja" }));
    const listed = await kennis("lessen");
    expect(listed.stdout).toContain("Vraag eerst hoeveel ritten ze per week willen.");
    expect(listed.stdout).toContain("van het benaderde initiatief");
    const id = rows("SELECT id FROM introduction_lessons WHERE status = 'proposed'")[0]!.id as string;
    expect((await kennis("lessen", "afwijzen", id.slice(0, 8))).stdout).toContain("Afgewezen");
    expect(rows("SELECT status FROM introduction_lessons ORDER BY created_at").map((r) => r.status)).toEqual(["accepted", "rejected"]);

    // Forgotten: Kees's rejected text goes; the accepted lesson keeps its (nameless) text, but not who wrote it.
    expect((await kennis("vergeet", "slack:U0KEES")).stdout).toContain("1 les uit kennismakingen");
    expect((await kennis("vergeet", "slack:U0ASKER")).stdout).toContain("1 les uit kennismakingen");
    const left = JSON.stringify(rows("SELECT * FROM introduction_lessons"));
    expect(left).not.toMatch(/U0KEES|U0ASKER|ritten per week/);
    expect(left).toContain("twee vaste chauffeurs");
  }, 120_000);
});
