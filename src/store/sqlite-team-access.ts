import crypto from "node:crypto";
import type Database from "better-sqlite3";
import type { TeamAccess, TeamSession } from "../channels/ports.js";

/** How long a team session lasts before the personal link must be opened again. */
export const TEAM_SESSION_DAYS = 30;

const hash = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");
const secret = () => crypto.randomBytes(32).toString("base64url");

/** Personal links and sessions of the team view in the embedded database; secrets are stored only as hashes. */
export class SqliteTeamAccess implements TeamAccess {
  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {}

  createLink(memberId: string): string {
    const token = secret();
    this.db.prepare("INSERT INTO team_links (token_hash, member_id, created_at) VALUES (?, ?, ?)").run(hash(token), memberId, this.now().toISOString());
    return token;
  }

  revokeLinks(memberId: string): number {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM team_sessions WHERE member_id = ?").run(memberId);
      return this.db.prepare("UPDATE team_links SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL").run(this.now().toISOString(), memberId).changes;
    })();
  }

  openSession(linkSecret: string): { sessionId: string; session: TeamSession } | undefined {
    const link = this.db.prepare("SELECT token_hash, member_id FROM team_links WHERE token_hash = ? AND revoked_at IS NULL").get(hash(linkSecret)) as
      | { token_hash: string; member_id: string }
      | undefined;
    if (!link) return undefined;
    const sessionId = secret();
    const now = this.now();
    const session = { memberId: link.member_id, csrfToken: secret(), expiresAt: new Date(now.getTime() + TEAM_SESSION_DAYS * 86_400_000).toISOString() };
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM team_sessions WHERE expires_at <= ?").run(now.toISOString());
      this.db
        .prepare("INSERT INTO team_sessions (id_hash, member_id, link_hash, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(hash(sessionId), session.memberId, link.token_hash, session.csrfToken, now.toISOString(), session.expiresAt);
    })();
    return { sessionId, session };
  }

  session(sessionId: string): TeamSession | undefined {
    const row = this.db
      .prepare(
        `SELECT s.member_id, s.csrf_token, s.expires_at FROM team_sessions s JOIN team_links l ON l.token_hash = s.link_hash
         WHERE s.id_hash = ? AND s.expires_at > ? AND l.revoked_at IS NULL`,
      )
      .get(hash(sessionId), this.now().toISOString()) as { member_id: string; csrf_token: string; expires_at: string } | undefined;
    return row && { memberId: row.member_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  closeSession(sessionId: string): void {
    this.db.prepare("DELETE FROM team_sessions WHERE id_hash = ?").run(hash(sessionId));
  }
}
