import { withOpenSyllable } from "../text/open-syllable.js";
import { stemDutch } from "../text/stem.js";
import { DUTCH_STOPWORDS } from "../text/stopwords.js";

/**
 * Dutch splits a separable verb in a main clause: "hoe zet je een middag op?" is opzetten, "wie leidt
 * er ook mensen op?" is opleiden, and "genoeg geld om een coöperatie op te richten" is oprichten.
 * An initiative writes the verb whole ("een repaircafé opzetten"), so the gids joins them again: a
 * particle at the end of its clause with a verb before it, or a particle before "te" and a verb.
 */
const PARTICLES = new Set(["aan", "af", "bij", "binnen", "door", "in", "langs", "mee", "na", "om", "onder", "op", "over", "rond", "samen", "terug", "toe", "uit", "voor", "weg"]);
/** How many words before a particle its verb may stand ("hoe zet je met de hele straat een feest op"). */
const VERB_REACH = 16;
/** A clause ends at a punctuation mark (and the text itself). */
const CLAUSE = /[^.,;:!?()\n]+[.,;:!?()\n]*/g;
const WORD = /[\p{L}\p{M}'’-]+/gu;
/** Words that open a new clause without a comma before them: "hoe zet je een middag op waar …". */
const CLAUSE_OPENERS = new Set(["waar", "waarbij", "waarmee", "die", "dat", "zodat", "om", "als", "en", "maar", "want", "omdat", "zodra", "terwijl", "wanneer", "hoe", "wat", "wie"]);

/**
 * The text with each split separable verb joined again, when the joined verb is one the caller
 * knows (`isKnown`, by its stem: a word of the gids); other words are left as they are.
 */
export function rejoinSeparableVerbs(text: string, isKnown: (stem: string) => boolean): string {
  return text.replace(CLAUSE, (clause) => rejoinClause(clause, isKnown));
}

function rejoinClause(clause: string, isKnown: (stem: string) => boolean): string {
  const words = [...clause.matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), at: m.index }));
  const edits: Array<{ at: number; length: number; text: string }> = [];
  words.forEach((w, i) => {
    if (!PARTICLES.has(w.lower)) return;
    const next = words[i + 1];
    if (next?.lower === "te" && words[i + 2]) {
      // "op te richten": the particle, "te" and the verb become "oprichten".
      const verb = words[i + 2]!;
      const joined = `${w.lower}${verb.lower}`;
      if (isKnown(stemDutch(joined))) edits.push({ at: w.at, length: verb.at + verb.text.length - w.at, text: joined });
      return;
    }
    if (next && !CLAUSE_OPENERS.has(next.lower)) return;
    // The particle ends its clause: the first word before it that makes a known verb with it, looked for
    // among the words just before it (a clause's verb stands within that; a clause of thousands of
    // words without a comma, as a hostile message has, costs no more than a short one per particle).
    for (const verb of words.slice(Math.max(0, i - VERB_REACH), i)) {
      // A verb is no function word ("en", "een", "er") and makes more than the particle.
      if (PARTICLES.has(verb.lower) || DUTCH_STOPWORDS.has(verb.lower) || verb.lower.length < 2) continue;
      const joined = infinitives(verb.lower).map((f) => `${w.lower}${f}`).find((f) => stemDutch(f) !== stemDutch(w.lower) && isKnown(stemDutch(f)));
      if (!joined) continue;
      edits.push({ at: verb.at, length: verb.text.length, text: joined }, { at: w.at, length: w.text.length, text: "" });
      return;
    }
  });
  let out = clause;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = `${out.slice(0, e.at)}${e.text}${out.slice(e.at + e.length)}`;
  return out;
}

/** The forms a finite verb may take whole: "zet" (opzet), "leidt" → leiden, "zet" → zetten, "neem" → nemen. */
function infinitives(finite: string): string[] {
  const root = finite.replace(/(?<=[^aeiou])t$/, "");
  return [...new Set([`${root}en`, `${finite}en`, finite, root, `${root}${root.at(-1)}en`, `${withOpenSyllable(root)}en`])];
}
