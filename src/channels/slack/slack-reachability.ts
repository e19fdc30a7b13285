import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** How often Slack's Web API is asked whether it can be reached and the token holds (auth.test). */
const PROBE_EVERY_MS = 60_000;
export const PROBE_TIMEOUT_MS = 10_000;

/**
 * Whether Slack's Web API can be reached with the bot's token, for /healthz. In HTTP mode a listening
 * server says nothing about that: Slack may be unreachable (a proxy, a firewall) or the token revoked, and
 * then no answer reaches anyone. Asked at start and every minute; until the first answer it counts as
 * reachable. A change is logged once, not at every probe.
 */
export class SlackReachability {
  private reachable: boolean | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: () => App["client"],
    private readonly logger: Logger,
  ) {}

  start(): void {
    void this.probe();
    this.timer = setInterval(() => void this.probe(), PROBE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  ok(): boolean {
    return this.reachable !== false;
  }

  async probe(): Promise<boolean> {
    let problem: string | undefined;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const answer = (await Promise.race([
        this.client().auth.test(),
        new Promise((_, reject) => (timeout = setTimeout(() => reject(new Error(`geen antwoord binnen ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS))),
      ])) as { ok?: boolean; error?: string };
      if (!answer.ok) problem = answer.error ?? "onbekende fout";
    } catch (error) {
      const data = (error as { data?: { error?: string } }).data;
      problem = data?.error ?? (error as Error).message;
    } finally {
      clearTimeout(timeout);
    }
    const now = problem === undefined;
    if (now !== this.reachable) {
      if (!now) this.logger.warn(`Slack is niet bereikbaar of de bot-token klopt niet (auth.test: ${problem}); /healthz meldt het tot het weer lukt`);
      else if (this.reachable === false) this.logger.info("Slack is weer bereikbaar");
    }
    this.reachable = now;
    return now;
  }
}
