import { stemDutch } from "../text/stem.js";

/**
 * Dutch compounds carry their meaning in their last part: a "wijkverpleging" is verpleging, a
 * "weggeefkast" a kast, a "buurtwinkeltje" a winkel. The gids meets a question word in a profile's
 * compound (and a question's compound in a profile's word) through these heads.
 */

/** A head must be at least this long (a stem: "bus"), and the word before it longer ("streek", "wijk"). */
export const MIN_HEAD = 3;
const MIN_MODIFIER = 4;
/** Endings that make words, not heads of compounds ("haal|baar", "gemeen|schap"), and particles that make verbs ("over|nemen"). */
const NOT_HEADS = new Set(["bar", "baar", "heid", "lijk", "schap", "ing", "isch", "tal", "ter", "ster", "aar", "erij", "tje", "atie"]);
const NOT_MODIFIERS = new Set(["over", "door", "onder", "voor", "samen", "terug", "tegen", "achter", "mede", "weer", "weg", "toe", "uit", "aan", "mee", "na"]);
/** The marker of a compound head among a profile's index terms: "~verpleg" for "wijkverpleg". */
export const HEAD_MARK = "~";

/**
 * The heads of one index term: every last part of at least MIN_HEAD letters after a part that is a
 * word (`isWord`, also after a linking -s-, -e- or -en-): "wijkverpleg" → verpleg, "buurtbus" → bus.
 */
export function headsOf(stem: string, isWord: (stem: string) => boolean): string[] {
  const heads: string[] = [];
  for (let cut = MIN_MODIFIER; cut <= stem.length - MIN_HEAD; cut++) {
    const head = stem.slice(cut);
    if (!NOT_HEADS.has(head) && isModifier(stem.slice(0, cut), isWord)) heads.push(head);
  }
  return heads;
}

function isModifier(left: string, isWord: (stem: string) => boolean): boolean {
  return [left, left.replace(/(?:s|e|en)$/, "")].some((base) => base.length >= MIN_MODIFIER && !NOT_MODIFIERS.has(base) && (isWord(stemDutch(base)) || isWord(base)));
}

/** A diminutive's base word ("winkeltje" → winkel, "stukjes" → stuk, "balletje" → bal); undefined if none. */
export function diminutiveBase(word: string): string | undefined {
  const bare = word.replace(/(?<=je)s$/, "");
  for (const ending of ["etje", "tje", "pje", "je"]) {
    if (!bare.endsWith(ending)) continue;
    const base = bare.slice(0, -ending.length);
    if (base.length < 3) continue;
    // A doubled consonant before -etje goes single: "balletje" → bal.
    return ending === "etje" ? base.replace(/([bdfgklmnprst])\1$/, "$1") : base;
  }
  return undefined;
}

/**
 * The last part of a typed compound the gids does not know, when the gids knows it and the part
 * before it is a word (`isWord`, after a linking -s-, -e- or -en-): "dorpskrant" → krant, not
 * "solliciteer" → ter. Longest head first. Undefined when there is none.
 */
export function knownHead(word: string, isHead: (stem: string) => boolean, isWord: (stem: string) => boolean): string | undefined {
  for (let cut = MIN_MODIFIER; cut <= word.length - MIN_HEAD; cut++) {
    const head = stemDutch(word.slice(cut));
    if (head.length < MIN_HEAD || NOT_HEADS.has(head) || NOT_HEADS.has(word.slice(cut)) || !isHead(head)) continue;
    if (isModifier(word.slice(0, cut), isWord)) return head;
  }
  return undefined;
}
