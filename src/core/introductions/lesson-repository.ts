import { Fault } from "../errors.js";
import type { IntroRole } from "./introduction-types.js";
import type { Lesson } from "./lesson-types.js";

export type LessonChange = {
  lesson: Lesson;
  /** The version it was read at; undefined for a new lesson. */
  expectedVersion?: number;
  /** What happened: "submitted", "shared", "unshared", "accepted", "rejected", "written", or a refusal's code. */
  type: string;
  /** A delivery id (a modal submit, a press): a repeat of it is ignored. */
  eventKey?: string;
  actor?: string;
  outcome: string;
};

/** Persistence of lessons: each change with its audit line, in one transaction. */
export interface LessonRepository {
  get(id: string): { lesson: Lesson; version: number } | undefined;
  /** The one lesson of a side of an introduction, if they wrote one. */
  of(introductionId: string, role: IntroRole): { lesson: Lesson; version: number } | undefined;
  /** False when the event key was seen before (nothing written). Throws LessonVersionConflict on a lost race. */
  record(change: LessonChange): boolean;
  /** An audit line without a change (a refused decision). */
  audit(lessonId: string, line: { type: string; actor?: string; outcome: string; eventKey?: string }): void;
  hasEventKey(eventKey: string): boolean;
  /** Shared lessons waiting for a coordinator, oldest first. */
  proposed(): Lesson[];
  /** Accepted lessons whose document is not written yet (a crash, a failed write): written on the next tick. */
  unwritten(): Lesson[];
  /** Lessons changed since a moment (for the signals). */
  listSince(since: string): Lesson[];
  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }>;
}

export class LessonVersionConflict extends Fault {
  constructor(readonly lessonId: string) {
    super("lesson_conflict", `lesson ${lessonId} was changed concurrently`);
    this.name = "LessonVersionConflict";
  }
}
