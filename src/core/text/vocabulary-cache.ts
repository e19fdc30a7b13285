import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { ANALYZER_VERSION } from "./analyzer.js";
import { stemDutch } from "./stem.js";
import { Vocabulary, type VocabularyData } from "./vocabulary.js";

/**
 * Raise when the vocabulary files are read differently (the analyser has ANALYZER_VERSION); a unit test
 * (vocabulary-cache.test.ts) pins what a fixed file becomes, so a change that forgets it is caught.
 */
export const VOCABULARY_FORMAT = 2;
const require = createRequire(import.meta.url);
/**
 * What the stemmer makes of words of every ending it treats: a change to the stemmer that forgets
 * ANALYZER_VERSION still gives another key (costs some 50 stems per process, well under a millisecond).
 */
const STEMMER_PROBE = ["vrijwilligers", "gemeenschappen", "mogelijkheden", "zorgcoöperatie", "betaalbare", "vereniging", "huizen", "brieven", "subsidies", "fondsen", "lichamelijke", "leidinggevende", "aanvragen", "dorpshuis", "eenzaamheid", "opgericht", "buurtbewoners", "ondersteuning", "burgerbegroting", "duurzaamheid"]
  .map(stemDutch)
  .join(" ");
/** The packages whose answers the kept rules hold: a new stop list is a new vocabulary (the stemmer is ours). */
const PACKAGES = ["stopwords-iso"].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(",");

/** Where analysed vocabularies are kept between processes, one per name, with the key they were made for. */
export interface VocabularyCache {
  read(name: string): { key: string; data: VocabularyData } | undefined;
  write(name: string, key: string, data: VocabularyData): void;
}

/**
 * The vocabulary of these file texts, analysed once and then taken from the cache for as long as the
 * texts and the analysis are the same (analysing a few thousand words costs a process ~0.15 s).
 */
export function cachedVocabulary(cache: VocabularyCache | undefined, name: string, synonymText: string, glossaryText: string): Vocabulary {
  if (!cache) return new Vocabulary(synonymText, glossaryText);
  const key = createHash("sha256").update(`${ANALYZER_VERSION}/${VOCABULARY_FORMAT}/${PACKAGES}/${STEMMER_PROBE}\0${synonymText}\0${glossaryText}`).digest("hex");
  const kept = cache.read(name);
  if (kept?.key === key) return Vocabulary.fromData(kept.data);
  const vocabulary = new Vocabulary(synonymText, glossaryText);
  cache.write(name, key, vocabulary.toData());
  return vocabulary;
}
