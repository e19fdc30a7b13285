import type { SuggestEvidence } from "./suggest-evidence.js";

/**
 * A long question often tells the situation before it asks ("Wij zijn energiecoaches in de Achterhoek.
 * Wie doet nog meer iets tegen tocht en kou in huizen?"). The asking part is the sentence or clause that
 * asks: it ends in a question mark or opens with a question word or asking verb (hoe, wie, is er, kent
 * iemand, tips). The rest tells: who we are, where, what happened. General Dutch (and English) syntax,
 * no topic words.
 */
const ASKING_OPENERS = [
  "hoe", "wie", "wat", "welke", "welk", "waar", "waarom", "wanneer", "hoeveel", "kan", "kun", "kunnen", "kunt", "mag", "mogen",
  "moet", "moeten", "is", "zijn", "heeft", "hebben", "weet", "weten", "ken", "kent", "kennen", "zou", "zouden", "doet", "doen",
  "tips", "tip", "ideeen", "ideeën", "advies",
  "how", "who", "what", "which", "where", "why", "when", "are", "does", "do", "did", "can", "could", "has", "have", "any",
];
const OPENER = new RegExp(`^(?:${ASKING_OPENERS.join("|")})(?![\\p{L}\\p{N}])`, "iu");
/** A clause after a comma that opens with a question word asks on its own ("…overnemen, wie heeft ervaring met…"). */
const ASKING_CLAUSE = /,\s*(?=(?:hoe|wie|wat|welke|waar|kent|weet|how|who|what|which)(?![\p{L}\p{N}]))/iu;

/** The question's sentences, and a comma's asking clause apart from what goes before it. */
function piecesOf(question: string): string[] {
  return question
    .split(new RegExp(`(?<=[.!?;:])\\s+|\\n+|${ASKING_CLAUSE.source}`, "iu"))
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

/** Whether a sentence or clause asks (rather than tells). */
export function asks(piece: string): boolean {
  return /\?\s*$/u.test(piece) || OPENER.test(piece.replace(/^[^\p{L}]+/u, ""));
}

/**
 * The part of a question that asks, when something that tells stands beside it; undefined for a
 * question that is all asking or all telling (then there is nothing to tell apart).
 */
export function askingPart(question: string): string | undefined {
  const pieces = piecesOf(question);
  if (pieces.length < 2) return undefined;
  const asking = pieces.filter(asks);
  if (!asking.length || asking.length === pieces.length) return undefined;
  return asking.join(" ");
}

/**
 * An asking part whose own topic words weigh no more than this (in rare words) refers back to what was told
 * ("… een flinke deuk in een van de auto's. Hoe gaan anderen daarmee om?", "Wie heeft dat gedaan?"): the
 * told part holds what it asks about.
 */
export const REFERRING_ASK = 1;

/** What a question tells besides its asking part; undefined when it is all asking or all telling. */
export function toldPart(question: string): string | undefined {
  const pieces = piecesOf(question);
  const told = pieces.filter((p) => !asks(p));
  return pieces.length < 2 || !told.length || told.length === pieces.length ? undefined : told.join(" ");
}

/**
 * The evidence for a candidate as the best of the whole question's and its asking part's: in a long
 * question the context spreads every share thin, so the candidate's share, rare-word evidence, word
 * share, lead, known share and second word are taken from whichever part shows them better. What the
 * whole question names that the gids does not know still speaks against it (the context may name the
 * very thing asked about: "Excel wordt te onoverzichtelijk"), and its length stays the whole question's.
 * The asking part alone is short, so its candidate must hold two of its words (not one shared by
 * chance): otherwise there is no second opinion (undefined).
 */
export function bestOfParts(whole: SuggestEvidence, asked: SuggestEvidence): SuggestEvidence | undefined {
  if (asked.second <= 0) return undefined;
  const best = (k: keyof SuggestEvidence) => Math.max(whole[k], asked[k]);
  return {
    share: best("share"),
    evidence: best("evidence"),
    wordShare: best("wordShare"),
    direct: best("direct"),
    margin: best("margin"),
    known: best("known"),
    second: best("second"),
    unknown: whole.unknown,
    length: whole.length,
  };
}
