import Database from "better-sqlite3";
import type { AppProcess } from "../helpers/app-process.js";

/**
 * How long a fault test waits for a condition before it fails with what it waited for: generous, so
 * that a loaded machine (a start under load takes long) fails only what really does not happen.
 */
export const PATIENCE_MS = Number(process.env.FAULT_PATIENCE_MS ?? 300_000);
/** A fault test's own limit, above the sum of its waits, so that a wait's message is what reports a failure. */
export const FAULT_TEST_MS = 1_800_000;

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

  /**
   * After each test: a kill point a failed test never reached is taken away, and a database it held is
   * let go, so that no test meets what an earlier one left armed or locked.
   */
  disarm(): void {
    this.armed = undefined;
    this.killed = undefined;
    if (this.killAfterAnswer && this.lock) {
      this.lock.exec("ROLLBACK");
      this.lock.close();
      this.lock = undefined;
    }
    this.killAfterAnswer = false;
  }

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
  async done(timeoutMs = PATIENCE_MS): Promise<void> {
    const point = this.armed?.point;
    await until(() => !!this.killed, `the armed kill point${point ? ` (${point})` : ""} to be reached`, timeoutMs);
    await this.killed;
  }

  private async killOnceDelivered(): Promise<void> {
    const db = new Database(this.databaseFile, { readonly: true });
    try {
      // The post being answered is the newest attempt; wait until no attempted effect is left undelivered
      // (the kill must come after the commit, however long a loaded machine takes to make it).
      const open = () => db.prepare(`SELECT count(*) FROM ${this.outbox} WHERE attempts > 0 AND delivered_at IS NULL`).pluck().get() as number;
      await until(() => open() === 0, `the delivered post to be committed in ${this.outbox} (to kill after the commit)`, PATIENCE_MS, 10);
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

/** Waits for a condition (never a fixed time); fails after `timeoutMs` saying what it waited for. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = PATIENCE_MS, everyMs = 25): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${what}, in vain`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
