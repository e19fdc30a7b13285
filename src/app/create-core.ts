import type { Config } from "../config.js";
import { createAssistant, type Assistant } from "../core/assistant.js";
import type { Knowledge } from "./open-knowledge.js";

/** The assistant wired to the embedded store, as every entry point uses it. */
export function createCore(config: Config, knowledge: Knowledge): Assistant {
  return createAssistant({
    index: knowledge.store,
    questionLog: knowledge.questionLog,
    maxQuestionChars: config.maxQuestionChars,
    minConfidence: config.answerMinConfidence,
  });
}
