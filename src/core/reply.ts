import type { SourceRef } from "./answer/compose-answer.js";
import type { SuggestedInitiative } from "./gids/suggestion.js";

export type ReplyKind = "answer" | "handoff" | "greeting" | "thanks" | "help" | "empty" | "relayed" | "consent";

/** Buttons a channel shows under a reply. */
export type ReplyAction = "ask_human" | "share" | "share_anonymous" | "dont_share" | "write_to_helper";

export type PassageSummary = { id: string; text: string; source: string; score: number };

/** The reason of a reply to a button pressed again after its choice was made: it changed nothing, so a history need not keep it. */
export const REPEATED_PRESS = "repeat";

/** What the core says back; adapters render it in their own way. */
export type Reply = {
  kind: ReplyKind;
  decision: "answer" | "handoff";
  /** Why: "answerable", "not-in-knowledge", "asked-for-human", "live-facts", "small-talk", "not-allowed" (a refused step), … */
  reason: string;
  /** Plain Dutch text, with "•" bullets and [n] source markers. */
  text: string;
  sources: SourceRef[];
  furtherReading: SourceRef[];
  /** Up to ten retrieved passages, best first (also for the tolk when handed off). */
  passages: PassageSummary[];
  confidence: number;
  /** A short remark about the input, e.g. that a long message was shortened. */
  notice?: string;
  /** The handoff this reply belongs to, if any, and the buttons to show. */
  handoffId?: string;
  actions?: ReplyAction[];
  /** The asker's language ("en" for a question in English; Dutch otherwise): channels label buttons in it. */
  language?: "nl" | "en";
  /** The question the buttons answer (the consent question), also the last paragraph of `text`. */
  prompt?: string;
  /**
   * Initiatives of the gids that did what is asked (at most three under an answer or handoff; the list
   * itself for a direct question to the gids), for the channel to show with "Breng me in contact".
   */
  initiatives?: SuggestedInitiative[];
};
