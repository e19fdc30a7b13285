import { LINKS } from "../text/compounds.js";
import { stemDutch } from "../text/stem.js";
import { rememberedLookup } from "./word-list-lookups.js";
import { derivationStems } from "./derivations.js";

/**
 * The first part of a Dutch compound says what it is for or about: a "koelkast" is for koelen, a
 * "veiligheidsplan" about veiligheid, a "reanimatiecursus" teaches reanimeren, a "beweegtuin" is for
 * bewegen. The gids meets a question word in a profile's compound by its first part (and a question's
 * compound in a profile's word), at less than the word itself: the last part carries the meaning.
 */

/** The marker of a compound's first part among a profile's index terms: "^koel" for "koelkast". */
export const MODIFIER_MARK = "^";
/** Parts must be at least this long ("bos" in "boswachter", "plan" in "dorpsplan"). */
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
/** Prefixes and particles that make words, not first parts ("ver|zekering", "over|nemen"). */
const NOT_MODIFIERS = new Set(["ver", "her", "ont", "over", "door", "onder", "voor", "samen", "terug", "tegen", "achter", "mede", "weer", "weg", "toe", "uit", "aan", "mee", "bij", "ook", "niet", "alle", "veel", "een"]);

/**
 * The first parts of a compound, as stems (and the verbs behind them: "reanimatie" → reanimeren): every
 * split where both parts are words of the Dutch word list (`knows`), after a linking -s-, -e- or -en-.
 * Empty for a word that is no compound, or when the word list is not there.
 */
export const compoundModifiers = rememberedLookup(compoundModifiersOf);

function compoundModifiersOf(word: string, knows: (word: string) => boolean): string[] {
  const out = new Set<string>();
  if (word.length < MIN_MODIFIER + MIN_HEAD) return [];
  for (let cut = MIN_MODIFIER; cut <= word.length - MIN_HEAD; cut++) {
    const head = word.slice(cut);
    if (!knows(head)) continue;
    const left = word.slice(0, cut);
    for (const link of LINKS) {
      if (!left.endsWith(link)) continue;
      const base = left.slice(0, left.length - link.length);
      if (base.length < MIN_MODIFIER || NOT_MODIFIERS.has(base) || !knows(base)) continue;
      out.add(stemDutch(base));
      for (const stem of derivationStems(base, knows)) out.add(stem);
      break;
    }
  }
  return [...out];
}

