import { fieldAssociations } from "../core/gids/field-associations.js";
import type { FieldFrequencies } from "../core/gids/initiative-matcher.js";
import { SqlitePassageTexts } from "../store/passage-texts.js";
import type { Knowledge } from "./open-knowledge.js";

/**
 * What the gids's matcher learns from the field's documents: how common a word is there, and which
 * words go together in their sentences (the association bridge, built again when the documents change).
 */
export function gidsField(knowledge: Pick<Knowledge, "db" | "store">): FieldFrequencies {
  const { store } = knowledge;
  return {
    documentFrequencies: (terms) => store.documentFrequencies(terms),
    passageCount: () => store.passageCount(),
    associations: fieldAssociations(new SqlitePassageTexts(knowledge.db)),
  };
}
