import { describe, expect, it } from "vitest";
import { FakeSlackApi, type SlackCall } from "../fakes/fake-slack-api.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { ROSTER_YAML, SlackDriver, TOLKEN, waitForCall } from "../helpers/slack-flow.js";

type Block = { type: string; text?: { text: string }; elements?: Array<{ value?: string }> };
const sectionsOf = (call: SlackCall) => (call.body.blocks as Block[]).filter((b) => b.type === "section").map((b) => b.text!.text);
/** Texts as a reader sees them: pieces joined, white space as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** Long questions and answers against Slack's real limits (the fake refuses what Slack refuses). */
describe("Slack's message limits", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let apiUrl: string;
  let ts = 1_700_400_000;
  const nextTs = () => `${ts++}.000100`;

  slackAppForTests(slack, { roster: ROSTER_YAML, env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: TOLKEN, HANDOFF_TICK_SECONDS: "0.1" } }, (started) => {
    ({ driver, apiUrl } = started);
  });

  it("given a section over 3000 characters or a text over 40 000, then the fake answers as Slack does (invalid_blocks, msg_too_long)", async () => {
    const post = async (body: object) => (await (await fetch(`${apiUrl}chat.postMessage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as { ok: boolean; error?: string };
    const section = (text: string) => [{ type: "section", text: { type: "mrkdwn", text } }];
    expect(await post({ channel: "C0X", text: "x", blocks: section("a".repeat(3000)) })).toMatchObject({ ok: true });
    expect(await post({ channel: "C0X", text: "x", blocks: section("a".repeat(3001)) })).toEqual({ ok: false, error: "invalid_blocks" });
    expect(await post({ channel: "C0X", text: "a".repeat(40_001) })).toEqual({ ok: false, error: "msg_too_long" });
    expect(await post({ channel: "C0X", text: "x", blocks: Array.from({ length: 51 }, () => section("a")[0]) })).toEqual({ ok: false, error: "invalid_blocks" });
  });

  it("given a long question full of '&', then the handoff thread's head lands, claimed too, with the whole question over sections within the limit", async () => {
    const t = nextTs();
    const question = `Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest? ${"R&D & B&B & ".repeat(120)}EINDE-VRAAG`;
    const escapedForEvent = question.replace(/&/g, "&amp;");
    await driver.event("EvL5a", { type: "app_mention", user: "U0ASKER", text: `<@U0BOT> ${escapedForEvent}`, ts: t, channel: "C0LONG" });
    const consent = await waitForCall(slack, "chat.postEphemeral", (c) => c.body.channel === "C0LONG" && c.body.thread_ts === t, 60_000);
    const handoffId = (consent.body.blocks as Block[]).find((b) => b.type === "actions")!.elements![0]!.value!;
    await driver.share("U0ASKER", handoffId, "C0LONG", t);

    const head = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId) && c.response.ok === true);
    const sections = sectionsOf(head);
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
    expect(flat(sections.join(" "))).toContain(flat(escapedForEvent));

    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: String(head.response.ts) });
    const update = await waitForCall(slack, "chat.update", (c) => c.body.ts === head.response.ts && /Anna/.test(JSON.stringify(c.body.blocks)));
    expect(update.response).toMatchObject({ ok: true });
    expect(flat(sectionsOf(update).join(" "))).toContain(flat(escapedForEvent));
  }, 90_000);

  it("given a tolk's long answer, then the asker receives all of it, in order, over sections within the limit", async () => {
    const t = nextTs();
    const handoffId = await driver.askForPerson("EvL6a", "U0ASKER", "C0LONG6", t);
    await driver.share("U0ASKER", handoffId, "C0LONG6", t);
    const head = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId) && c.response.ok === true);
    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: String(head.response.ts) });
    await waitForCall(slack, "chat.update", (c) => c.body.ts === head.response.ts && /Anna/.test(JSON.stringify(c.body.blocks)));

    const answer = `Beste vrager, ${Array.from({ length: 100 }, (_, i) => `Stap ${i + 1}: regel het met de gemeente & de buren.`).join(" ")} SLOTZIN-EINDE`;
    await driver.event("EvL6b", { type: "message", user: "U0ANNA", text: answer.replace(/&/g, "&amp;"), ts: nextTs(), thread_ts: String(head.response.ts), channel: TOLKEN, channel_type: "channel" });
    const relay = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0LONG6" && String(c.body.text).startsWith("Antwoord van") && c.response.ok === true);
    const sections = sectionsOf(relay);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
    expect(flat(sections.join(" "))).toContain(flat(answer.replace(/&/g, "&amp;")));
    expect(String(relay.body.text).length).toBeLessThanOrEqual(40_000);
  }, 90_000);

  it("given a tolk's answer that escapes to more than 50 sections, then the asker receives all of it, in order, over messages of at most 50 blocks, the button under the last", async () => {
    const t = nextTs();
    const handoffId = await driver.askForPerson("EvL7a", "U0ASKER", "C0LONG7", t);
    await driver.share("U0ASKER", handoffId, "C0LONG7", t);
    const head = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId) && c.response.ok === true);
    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: String(head.response.ts) });
    await waitForCall(slack, "chat.update", (c) => c.body.ts === head.response.ts && /Anna/.test(JSON.stringify(c.body.blocks)));

    // Within Slack's 40 000 characters as typed; every "&" becomes "&amp;", so each line fills a section of its own.
    const answer = `${Array.from({ length: 55 }, (_, i) => `Regel ${i + 1}: ${"A&B&".repeat(175)}`).join("\n")}\nSLOTREGEL`;
    expect(answer.length).toBeLessThan(40_000);
    await driver.event("EvL7b", { type: "message", user: "U0ANNA", text: answer.replace(/&/g, "&amp;"), ts: nextTs(), thread_ts: String(head.response.ts), channel: TOLKEN, channel_type: "channel" });
    const last = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0LONG7" && c.response.ok === true && JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_write_to_helper"), 60_000);
    const parts = slack.posts("C0LONG7").filter((c) => c.body.thread_ts === t && Array.isArray(c.body.blocks) && Number(c.response.ts) <= Number(last.response.ts));
    const relay = parts.slice(parts.findIndex((c) => String(c.body.text).startsWith("Antwoord van")));
    expect(relay.length).toBeGreaterThan(1);
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0LONG7" && c.response.ok !== true)).toEqual([]);
    for (const part of relay) expect((part.body.blocks as Block[]).length).toBeLessThanOrEqual(50);
    expect(relay.at(-1)).toBe(last);
    expect(flat(relay.flatMap(sectionsOf).join("\n"))).toContain(flat(answer.replace(/&/g, "&amp;")));
  }, 120_000);
});
