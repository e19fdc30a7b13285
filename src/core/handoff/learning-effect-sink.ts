import type { HandoffEffectSink } from "./handoff-service.js";
import type { HandoffEffect } from "./handoff-types.js";

export type AddToKnowledgeEffect = Extract<HandoffEffect, { type: "add_to_knowledge" }>;

/**
 * The learning loop's sink: an answer a tolk approved for the knowledge store is written as a
 * document (by `addAnswer`, the app's file writer and ingester); other effects are not its business.
 */
export function createLearningEffectSink(deps: {
  /** Writes and reads in the answer; resolves to the document's file name, or undefined when it is no longer wanted (the asker was forgotten). */
  addAnswer(effect: AddToKnowledgeEffect, handoffId: string): Promise<string | undefined>;
  log: { info(message: string): void; debug(message: string, meta?: Record<string, unknown>): void };
}): HandoffEffectSink {
  return {
    async deliver({ handoff, effect }) {
      if (effect.type !== "add_to_knowledge") return;
      const file = await deps.addAnswer(effect, handoff.id);
      if (file === undefined) {
        deps.log.info(`antwoord op doorgegeven vraag ${handoff.id} niet toegevoegd: de vraagsteller is intussen vergeten`);
        return;
      }
      // The file name holds words of the question: only at debug, like all message text.
      deps.log.info(`antwoord op doorgegeven vraag ${handoff.id} toegevoegd aan de kennisbank`);
      deps.log.debug("learned answer file", { text: file });
    },
  };
}
