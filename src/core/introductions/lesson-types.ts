import type { IntroRole } from "./introduction-types.js";

/**
 * What someone learned from an introduction, in their own words (the learning loop of issue 16):
 * private unless they chose to share it; shared, a proposed addition the coordinators accept into
 * the knowledge store or reject.
 */
export type LessonStatus =
  | "private" //  kept for its author only (they may still choose to share it)
  | "proposed" // shared with the coordinators, waiting for their decision
  | "accepted" // written to the knowledge store (final)
  | "rejected"; // not taken up (final)

export type Lesson = {
  id: string;
  introductionId: string;
  role: IntroRole;
  /** Who wrote it; never shown to the coordinators and never in the document. */
  author: { platform: string; userId: string };
  text: string;
  shared: boolean;
  status: LessonStatus;
  /** The author's "Heeft het geholpen?" answer, when they gave one. */
  helped?: boolean;
  /** From the introduction's initiative: what the document says it is about, instead of who. */
  theme?: string;
  region?: string;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string;
  /** The coordinator's id (for the audit trail). */
  decidedBy?: string;
  /** The knowledge document it became, once written. */
  document?: string;
};

export type LessonRejection = "not_in_introduction" | "not_introduced" | "empty" | "too_long" | "decided" | "not_proposed";

export type LessonResult = { ok: true; lesson: Lesson; changed: boolean } | { ok: false; code: LessonRejection };
