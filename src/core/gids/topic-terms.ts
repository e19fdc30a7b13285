import type { SearchTerm } from "../retrieval/search-term.js";
import { stemDutch } from "../text/stem.js";
import { HEAD_MARK, MIN_HEAD, diminutiveBase, knownHead } from "./compound-heads.js";
import type { GidsIndex } from "./gids-index.js";
import { participleStems } from "./participles.js";
import { derivationStems } from "./derivations.js";
import { MODIFIER_MARK } from "./compound-modifiers.js";
import { isFrameWord } from "./question-frame.js";

/** A compound's head says less than the compound ("streekbus" is a bus, but not every bus is one). */
export const HEAD_WEIGHT = 0.7;
const PARTICIPLE_WEIGHT = 0.9;
const DIMINUTIVE_WEIGHT = 0.95;
/** A verb behind a noun ("beheerder" → beheren) is nearly the word: the same action, said another way. */
const DERIVATION_WEIGHT = 0.85;
/** A compound's first part says what it is for, less than its head says what it is ("koelen" ~ "koelkast"). */
const MODIFIER_WEIGHT = 0.4;

/**
 * Terms the gids adds to a question's analysed terms, for what the shared analysis does not see:
 * the verb behind a participle ("opgezet" → opzetten) or a noun ("beheerder" → beheren), the base of a diminutive ("winkeltje" →
 * winkel), the head of a typed compound the gids lacks ("dorpskrant" → krant), and a typed word
 * found as the head of a profile's compound ("verpleging" in "wijkverpleging") or as its first part
 * ("koelen" in "koelkast", "reanimeren" in "reanimatiecursus").
 */
export function gidsTerms(index: GidsIndex, terms: readonly SearchTerm[], isWord: (stem: string) => boolean): SearchTerm[] {
  const added: SearchTerm[] = [];
  const have = (term: string) => terms.some((o) => o.term === term) || added.some((o) => o.term === term);
  const add = (t: SearchTerm, term: string, weight: number) => {
    const df = index.frequency(term, false);
    if (df > 0 && !have(term) && !isFrameWord(term.replace(HEAD_MARK, "").replace(MODIFIER_MARK, ""))) added.push({ term, word: t.word, df, origin: "synonym", prefix: false, weight });
  };
  for (const t of terms.filter((x) => x.origin === "typed")) {
    const before = added.length;
    for (const stem of participleStems(t.word)) add(t, stem, PARTICIPLE_WEIGHT);
    const derived = derivationStems(t.word);
    for (const stem of derived) add(t, stem, DERIVATION_WEIGHT);
    // The word (or its verb) as the first part of a profile's compound: "koelen" in "koelkast".
    // (A typed compound by its own first part, "maaibeleid" → maaien, was tried: near misses gained more.)
    for (const stem of [t.term, ...derived]) add(t, `${MODIFIER_MARK}${stem}`, MODIFIER_WEIGHT);
    const base = t.df > 0 ? undefined : diminutiveBase(t.word);
    const word = base ?? t.word;
    if (base) add(t, stemDutch(base), DIMINUTIVE_WEIGHT);
    const stem = base ? stemDutch(base) : t.term;
    if (stem.length >= MIN_HEAD) add(t, `${HEAD_MARK}${stem}`, HEAD_WEIGHT);
    const alternatives = terms.some((o) => o.word === t.word && o.origin !== "typed") || added.slice(before).some((o) => o.word === t.word && !o.term.startsWith(MODIFIER_MARK));
    if (t.df > 0 || alternatives) continue;
    const head = knownHead(word, (h) => index.frequency(h, false) > 0, isWord);
    if (head) add(t, head, HEAD_WEIGHT);
  }
  return added;
}
