/**
 * Who may open the team view: a personal link with a secret (kept only as a hash, revocable) is
 * exchanged for a session. The web channel depends on this port, the store implements it.
 */
export type TeamSession = {
  memberId: string;
  /** Sent back by the team page with every change, beside the same-origin check. */
  csrfToken: string;
  expiresAt: string;
};

export interface TeamAccess {
  /** A new secret for a member's personal link. */
  createLink(memberId: string): string;
  /** Revokes every link of a member and ends their sessions; returns how many links were revoked. */
  revokeLinks(memberId: string): number;
  /** Exchanges a link's secret for a new session; undefined for an unknown or revoked link. */
  openSession(linkSecret: string): { sessionId: string; session: TeamSession } | undefined;
  /** The session behind a session id, while it lasts and its link is not revoked. */
  session(sessionId: string): TeamSession | undefined;
  closeSession(sessionId: string): void;
}
