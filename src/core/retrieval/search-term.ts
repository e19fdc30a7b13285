/** A search term with where it came from and how much it counts. */
export type SearchTerm = {
  term: string;
  /** The typed word it stands for. */
  word: string;
  /** Passages holding it. */
  df: number;
  /**
   * typed: as the asker wrote it; compound-part: a part of a typed compound the store lacks;
   * synonym: from the synonym file; translation: an English word's Dutch equivalent; typo: the
   * store's word closest to a misspelt one; inflection: the infinitive behind a typed verb form
   * ("levert" → leveren), or the verb behind a separable verb the store lacks ("meewerken" → werken).
   */
  origin: "typed" | "compound-part" | "synonym" | "translation" | "typo" | "inflection";
  prefix: boolean;
  /** How much it counts against a typed word (1). */
  weight: number;
};
