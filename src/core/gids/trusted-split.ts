import type { SearchTerm } from "../retrieval/search-term.js";
import { isFrameWord } from "./question-frame.js";

/**
 * A word split into parts of which one is a frame word or shorter than a word ("best|rijden",
 * "langs|komt", "oplich|ter") was no compound: its parts and what they lead to do not count, only
 * the word as typed and what it leads to itself (`ownSynonyms`).
 */
export function trustedSplit(own: SearchTerm[], ownSynonyms: (typed: SearchTerm) => string[]): SearchTerm[] {
  const wrong = own.some((t) => t.origin === "compound-part" && (t.term.length < MIN_PART || isFrameWord(t.term)));
  const typed = own.find((t) => t.origin === "typed");
  if (!wrong || !typed) return own;
  const keep = new Set(ownSynonyms(typed));
  return own.filter((t) => t === typed || (t.origin !== "compound-part" && keep.has(t.term)));
}
const MIN_PART = 4;
