/**
 * What channel adapters need from storage, owned here (the adapters' side) and implemented in
 * src/store; src/app hands the implementations in. No adapter imports a store class.
 */

/**
 * Remembers which platform deliveries (event ids, message ids) were handled, so a retried or
 * duplicated delivery never produces a second answer, also after a restart.
 */
export interface DeliveryMemory {
  /** True the first time a delivery is seen; false for every repeat. */
  firstTime(channel: string, deliveryId: string): boolean;
  /** Whether a delivery (or any other marker, such as a thread the bot answered in) was recorded. */
  has(channel: string, deliveryId: string): boolean;
  /** Forgets a delivery, so that handling it again (after a crash cut it off) is not taken for a repeat. */
  forget(channel: string, deliveryId: string): void;
}

/**
 * Platform events kept from before their acknowledgement until they are handled: one cut off by a
 * crash is handled after the restart. Each start is a new `boot`, which takes over what earlier ones left.
 */
export interface EventInbox {
  /**
   * Keeps the event; true when this process should handle it (not done, nor taken by this boot before).
   * `person` ("<platform>:<user id>"): who it is from, so that forgetting them finds it whatever its body holds.
   */
  take(key: string, body: unknown, person?: string): boolean;
  /** Events whose key starts with `keyPrefix` (one platform's) that earlier processes took but never finished, now taken by this one. */
  takeUnfinished(keyPrefix: string): Array<{ key: string; body: unknown }>;
  done(key: string): void;
  /** Replaces what is kept of an event not yet handled (a secret it no longer needs, such as an interaction's token); `person` as at `take`, when known only now. */
  rewrite(key: string, body: unknown, person?: string): void;
  /** What is kept of an event not yet handled; undefined once it is done, or when it was never kept. */
  kept(key: string): unknown;
}

export type WebMessage = { id: number; author: string; text: string; createdAt: string };

/** Messages the web chat shows outside a direct reply (notices, relayed answers, team-thread posts). */
export interface WebMessages {
  /** `userId`: the asker who typed it (their own messages), so that forgetting them finds it. */
  add(conversationId: string, author: string, text: string, effectId?: number, userId?: string): void;
  since(conversationId: string, afterId: number): WebMessage[];
}

/**
 * Who may open the team view: a personal link with a secret (kept only as a hash, revocable) is
 * exchanged for a session. The web channel uses this port; src/store implements it.
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
