import { lessonDocument } from "../core/introductions/lesson-texts.js";
import type { Lesson } from "../core/introductions/lesson-types.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { addAnswerToKnowledge } from "./learning-sink.js";

/** The knowledge folder's subfolder for lessons from introductions (answers of tolken are in antwoorden/). */
export const LESSONS_FOLDER = "lessen";
export const LESSON_KIND = "les uit een kennismaking";

/**
 * An accepted lesson, written through the learning loop's own writer (the one that adds a tolk's
 * approved answer): a document of kind "les uit een kennismaking" with the introduction's theme and
 * region, never a person's name or id. Written again (a retry), it writes nothing twice.
 */
export async function writeLessonToKnowledge(
  lesson: Lesson,
  options: { knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number; refreshVectors(): Promise<unknown>; now?: Date },
): Promise<string> {
  const { title, body } = lessonDocument(lesson);
  const file = await addAnswerToKnowledge(
    { type: "add_to_knowledge", question: title, answer: body, ...(lesson.theme ? { theme: lesson.theme } : {}) },
    lesson.id,
    { knowledgeDir: options.knowledgeDir, store: options.store, maxFileBytes: options.maxFileBytes, now: options.now, source: { folder: LESSONS_FOLDER, kind: LESSON_KIND, region: lesson.region } },
  );
  await options.refreshVectors();
  // Without a stillWanted check the writer always writes.
  return file!;
}
