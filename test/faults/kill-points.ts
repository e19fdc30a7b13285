import Database from "better-sqlite3";
import type { AppProcess } from "../helpers/app-process.js";

/** Where in one delivery the app is killed (SIGKILL). */
export type DeliveryPoint = "before the post" | "in flight" | "after the post, before the commit" | "after the commit";
/** Where around the consent the app is killed. */
export type ConsentPoint = "before the consent commit" | "after the consent commit";

export const DELIVERY_POINTS: readonly DeliveryPoint[] = ["before the post", "in flight", "after the post, before the commit", "after the commit"];
export const CONSENT_POINTS: readonly ConsentPoint[] = ["before the consent commit", "after the consent commit"];

/** What a fake answers a request it was told to fault on (see FakeSlackApi / FakeDiscord `onRequest`). */
export type FakeDecision = "drop" | "lose-response" | void;

/**
 * Kills the app at a point of one delivery, from inside the fake that receives the post:
 * - before the post: the app dies, then the request is dropped unseen;
 * - in flight: the app dies, then the post is carried out but never answered;
 * - after the post, before the commit: the database is locked, the post is answered, then the app
 *   dies while it waits to record it;
 * - after the commit: the post is answered and the app dies once the outbox has it as delivered.
 */
export class DeliveryKiller {
  private armed: { point: DeliveryPoint; matches: (request: unknown) => boolean } | undefined;
  private killed: Promise<void> | undefined;
  private lock: Database.Database | undefined;

  constructor(
    private readonly app: AppProcess,
    private readonly databaseFile: string,
    /** The outbox whose delivery "after the commit" waits for (introductions have their own). */
    private readonly outbox: "handoff_outbox" | "introduction_outbox" = "handoff_outbox",
  ) {}

  arm(point: DeliveryPoint, matches: (request: unknown) => boolean): void {
    this.armed = { point, matches };
    this.killed = undefined;
  }

  /** For the fake's onRequest: decides what happens to a request that matches the armed point. */
  async onRequest(request: unknown): Promise<FakeDecision> {
    const armed = this.armed;
    if (!armed || !armed.matches(request)) return undefined;
    this.armed = undefined;
    switch (armed.point) {
      case "before the post":
        this.killed = this.app.kill();
        await this.killed;
        return "drop";
      case "in flight":
        this.killed = this.app.kill();
        await this.killed;
        return "lose-response";
      case "after the post, before the commit":
        this.lock = new Database(this.databaseFile);
        this.lock.exec("BEGIN EXCLUSIVE");
        this.killAfterAnswer = true;
        return undefined;
      case "after the commit":
        this.killed = this.killOnceDelivered();
        return undefined;
    }
  }

  private killAfterAnswer = false;

  /** For the fake's onAnswered: the answer is out; with the database locked, the app cannot have recorded it. */
  onAnswered(): void {
    if (!this.killAfterAnswer) return;
    this.killAfterAnswer = false;
    this.killed = this.app.kill().then(() => {
      this.lock!.exec("ROLLBACK");
      this.lock!.close();
      this.lock = undefined;
    });
  }

  /** Resolves once the armed kill has happened. */
  async done(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.killed) {
      if (Date.now() > until) throw new Error("the armed kill point was never reached");
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.killed;
  }

  private async killOnceDelivered(): Promise<void> {
    const db = new Database(this.databaseFile, { readonly: true });
    try {
      // The post being answered is the newest attempt; wait until no attempted effect is left undelivered.
      for (let i = 0; i < 1500; i++) {
        const open = db.prepare(`SELECT count(*) FROM ${this.outbox} WHERE attempts > 0 AND delivered_at IS NULL`).pluck().get() as number;
        if (open === 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      db.close();
    }
    await this.app.kill();
  }
}

/** Holds the database so that the app's next write (the consent's commit) waits; released after the kill. */
export function lockDatabase(file: string): () => void {
  const db = new Database(file);
  db.exec("BEGIN EXCLUSIVE");
  return () => {
    db.exec("ROLLBACK");
    db.close();
  };
}

/** Reads a handoff's status straight from the app's database. */
export function statusOf(file: string, handoffId: string): string | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT status FROM handoffs WHERE id = ?").pluck().get(handoffId) as string | undefined;
  } finally {
    db.close();
  }
}

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
