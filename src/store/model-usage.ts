import type Database from "better-sqlite3";
import type { ModelUsage } from "../providers/ports.js";

/** Tokens the language model used, per day and asker, for the optional daily budgets. */
export class SqliteModelUsage implements ModelUsage {
  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {}

  record(userId: string, tokens: number): void {
    this.db
      .prepare("INSERT INTO model_usage (day, user_id, tokens) VALUES (?, ?, ?) ON CONFLICT (day, user_id) DO UPDATE SET tokens = tokens + excluded.tokens")
      .run(this.today(), userId, tokens);
  }

  usedToday(userId?: string): number {
    const row = userId === undefined
      ? this.db.prepare("SELECT sum(tokens) FROM model_usage WHERE day = ?").pluck().get(this.today())
      : this.db.prepare("SELECT tokens FROM model_usage WHERE day = ? AND user_id = ?").pluck().get(this.today(), userId);
    return (row as number | null | undefined) ?? 0;
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
