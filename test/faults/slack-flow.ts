import type { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { SlackDriver, TOLKEN, waitForCall } from "../helpers/slack-flow.js";
import { PATIENCE_MS, until } from "./kill-points.js";
import type { Counts, HandoffFlow, Run } from "./flow.js";

type SlackRun = Run & { ts: string; headTs?: string };
type SlackRequest = { platform: string; method: string; body: Record<string, unknown> };

const ASKER = "U0ASKER";
const VRAGEN = "C0VRAGEN";

/** A handoff on Slack: asked by mention in C0VRAGEN, handled in the tolken's channel by Anna. */
export class SlackFlow implements HandoffFlow {
  private readonly driver: SlackDriver;
  private next = Math.floor(Date.now() / 1000);
  private sent = new Set<string>();

  constructor(
    private readonly slack: FakeSlackApi,
    eventsUrl: string,
  ) {
    this.driver = new SlackDriver(slack, eventsUrl);
  }

  async ask(): Promise<SlackRun> {
    const ts = `${this.next++}.000001`;
    const handoffId = await this.driver.askForPerson(`EvK${ts}`, ASKER, VRAGEN, ts, PATIENCE_MS);
    return { handoffId, ts };
  }

  async share(run: Run): Promise<void> {
    const { ts, handoffId } = run as SlackRun;
    const sending = this.driver.share(ASKER, handoffId, VRAGEN, ts);
    this.sent.add(handoffId);
    const res = await sending;
    if (!res.ok) throw new Error(`the press was answered ${res.status}`);
  }

  async waitPressSent(run: Run): Promise<void> {
    await until(() => this.sent.has(run.handoffId), "the press");
    // The press is on its way over HTTP. The database is locked, so the app cannot commit it whenever the
    // kill comes: this short grace only lets it usually arrive first (the app, blocked on the lock, cannot
    // say when it has), it decides nothing the test asserts.
    await new Promise((r) => setTimeout(r, 300));
  }

  async waitConsentAcknowledged(): Promise<void> {
    // share() resolved with Slack's HTTP 200: the acknowledgement is in.
  }

  private inAsker(run: Run, match: (text: string) => boolean): number {
    const { ts } = run as SlackRun;
    return this.slack.messages.filter((m) => m.channel === VRAGEN && m.thread_ts === ts && match(String(m.text))).length;
  }

  private inTeam(run: Run, match: (text: string) => boolean): number {
    const headTs = this.headOf(run)?.ts;
    return this.slack.messages.filter((m) => m.channel === TOLKEN && !!headTs && m.thread_ts === headTs && match(String(m.text))).length;
  }

  private heads(run: Run) {
    return this.slack.messages.filter((m) => m.channel === TOLKEN && !m.thread_ts && JSON.stringify(m.blocks ?? "").includes(run.handoffId));
  }

  private headOf(run: Run) {
    return this.heads(run)[0];
  }

  waitShared(run: Run): Promise<void> {
    return until(() => this.inAsker(run, (t) => t.startsWith("Je vraag is doorgegeven")) > 0, "the shared notice");
  }

  async claim(run: Run): Promise<void> {
    const head = this.headOf(run)!;
    await this.driver.press("U0ANNA", "vliegwiel_claim", run.handoffId, TOLKEN, { message_ts: head.ts });
    await until(() => this.inAsker(run, (t) => t.includes("heeft je vraag opgepakt")) > 0, "the claimed notice");
  }

  async tolkReply(run: Run, text: string): Promise<void> {
    const head = this.headOf(run)!;
    await this.driver.event(`EvR${run.handoffId}`, { type: "message", user: "U0ANNA", text, ts: `${this.next++}.000002`, thread_ts: head.ts, channel: TOLKEN, channel_type: "channel" });
  }

  waitRelayed(run: Run): Promise<void> {
    return until(() => this.inAsker(run, (t) => t.startsWith("Antwoord van")) > 0, "the relayed answer");
  }

  async close(run: Run): Promise<void> {
    await this.driver.press("U0ANNA", "vliegwiel_close", run.handoffId, TOLKEN, { message_ts: this.headOf(run)!.ts });
  }

  async waitClosed(run: Run): Promise<void> {
    await until(() => this.inAsker(run, (t) => t.startsWith("Je vraag is afgesloten")) > 0 && this.inTeam(run, (t) => t === "Afgesloten.") > 0, "the close");
    await waitForCall(this.slack, "chat.update", (c) => c.body.ts === this.headOf(run)!.ts && JSON.stringify(c.body.blocks).includes("Afgesloten"), PATIENCE_MS);
  }

  isHead(request: unknown, run: Run): boolean {
    const r = request as SlackRequest;
    return r.platform === "slack" && r.method === "chat.postMessage" && r.body.channel === TOLKEN && !r.body.thread_ts && JSON.stringify(r.body.blocks ?? "").includes(run.handoffId);
  }

  isRelay(request: unknown, run: Run): boolean {
    const r = request as SlackRequest;
    return r.platform === "slack" && r.method === "chat.postMessage" && r.body.thread_ts === (run as SlackRun).ts && String(r.body.text).startsWith("Antwoord van");
  }

  counts(run: Run): Counts {
    return {
      head: this.heads(run).length,
      shared: this.inAsker(run, (t) => t.startsWith("Je vraag is doorgegeven")),
      claimed: this.inAsker(run, (t) => t.includes("heeft je vraag opgepakt")),
      relay: this.inAsker(run, (t) => t.startsWith("Antwoord van")),
      resolved: this.inAsker(run, (t) => t.startsWith("Je vraag is afgesloten")),
      "thread:claimed": this.inTeam(run, (t) => t.endsWith("pakt dit op.")),
      "thread:resolved": this.inTeam(run, (t) => t === "Afgesloten."),
    };
  }
}
