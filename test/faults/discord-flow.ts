import type { FakeDiscord } from "../fakes/fake-discord.js";
import { ASKER, askForPersonOnDiscord, forumPostsFor, pressButton, TOLK } from "../helpers/discord-flow.js";
import { PATIENCE_MS, until } from "./kill-points.js";
import type { Counts, HandoffFlow, Run } from "./flow.js";

type DiscordRun = Run & { askerThread: string; share: string; pressId?: string };
type DiscordRequest = { platform: string; method: string; route: string; body: Record<string, unknown> };

/** A handoff on Discord: asked by mention in #algemeen, handled in the tolken's forum by Mira. */
export class DiscordFlow implements HandoffFlow {
  constructor(
    private readonly discord: FakeDiscord,
    private readonly channelId: string,
    private readonly forumId: string,
  ) {}

  async ask(): Promise<DiscordRun> {
    const { askerThread, share } = await askForPersonOnDiscord(this.discord, this.channelId, PATIENCE_MS);
    return { askerThread, share, handoffId: share.split(":").slice(2).join(":") };
  }

  async share(run: Run): Promise<void> {
    const r = run as DiscordRun;
    const press = pressButton(this.discord, ASKER, r.share, r.askerThread);
    r.pressId = press.id;
    this.discord.dispatch("INTERACTION_CREATE", press);
  }

  async waitPressSent(): Promise<void> {
    // Dispatched on the gateway. The database is locked, so the app cannot commit it whenever the kill
    // comes: this short grace only lets it usually arrive first, it decides nothing the test asserts.
    await new Promise((r) => setTimeout(r, 300));
  }

  waitConsentAcknowledged(run: Run): Promise<void> {
    const { pressId } = run as DiscordRun;
    return until(() => this.discord.callsTo("POST", new RegExp(`^/interactions/${pressId}/`)).length > 0, "the interaction's callback");
  }

  private inAsker(run: Run, match: (text: string) => boolean): number {
    const { askerThread } = run as DiscordRun;
    return [...this.discord.messages.values()].filter((m) => m.channel_id === askerThread && match(String(m.content))).length;
  }

  private thread(run: Run): string | undefined {
    return [...this.discord.channels.values()].find((c) => c.parent_id === this.forumId && JSON.stringify(this.discord.messages.get(c.id)?.components ?? []).includes(run.handoffId))?.id
      ?? (run as DiscordRun & { thread?: string }).thread;
  }

  private inTeam(run: Run, match: (text: string) => boolean): number {
    const thread = this.thread(run);
    return [...this.discord.messages.values()].filter((m) => !!thread && m.channel_id === thread && m.id !== thread && match(String(m.content))).length;
  }

  async waitShared(run: Run): Promise<void> {
    await until(() => this.inAsker(run, (t) => t.startsWith("Je vraag is doorgegeven")) > 0, "the shared notice");
    (run as DiscordRun & { thread?: string }).thread = this.thread(run);
  }

  async claim(run: Run): Promise<void> {
    this.discord.dispatch("INTERACTION_CREATE", pressButton(this.discord, TOLK, `vw:claim:${run.handoffId}`, this.thread(run)!));
    await until(() => this.inAsker(run, (t) => t.includes("heeft je vraag opgepakt")) > 0, "the claimed notice");
  }

  async tolkReply(run: Run, text: string): Promise<void> {
    this.discord.dispatch("MESSAGE_CREATE", this.discord.message({ channelId: this.thread(run)!, content: text, author: TOLK }));
  }

  waitRelayed(run: Run): Promise<void> {
    return until(() => this.inAsker(run, (t) => t.startsWith("Antwoord van")) > 0, "the relayed answer");
  }

  async close(run: Run): Promise<void> {
    this.discord.dispatch("INTERACTION_CREATE", pressButton(this.discord, TOLK, `vw:close:${run.handoffId}`, this.thread(run)!));
  }

  waitClosed(run: Run): Promise<void> {
    return until(() => this.inAsker(run, (t) => t.startsWith("Je vraag is afgesloten")) > 0 && this.inTeam(run, (t) => t === "Afgesloten.") > 0, "the close");
  }

  isHead(request: unknown, run: Run): boolean {
    const r = request as DiscordRequest;
    return r.platform === "discord" && r.method === "POST" && r.route === `/channels/${this.forumId}/threads` && JSON.stringify(r.body).includes(run.handoffId);
  }

  isRelay(request: unknown, run: Run): boolean {
    const r = request as DiscordRequest;
    return r.platform === "discord" && r.method === "POST" && r.route === `/channels/${(run as DiscordRun).askerThread}/messages` && String(r.body.content).startsWith("Antwoord van");
  }

  counts(run: Run): Counts {
    return {
      head: forumPostsFor(this.discord, this.forumId, run.handoffId).length,
      shared: this.inAsker(run, (t) => t.startsWith("Je vraag is doorgegeven")),
      claimed: this.inAsker(run, (t) => t.includes("heeft je vraag opgepakt")),
      relay: this.inAsker(run, (t) => t.startsWith("Antwoord van")),
      resolved: this.inAsker(run, (t) => t.startsWith("Je vraag is afgesloten")),
      "thread:claimed": this.inTeam(run, (t) => t.endsWith("pakt dit op.")),
      "thread:resolved": this.inTeam(run, (t) => t === "Afgesloten."),
    };
  }
}
