import { analyzeQuery } from "../text/analyzer.js";
import { foldDiacritics } from "../text/fold.js";

/** Opens with a word that continues the previous question ("En voor 200 mensen?", "Maar wat als …"). */
const CONTINUES = /^(en|maar|ook|dus|of|en als|wat als|hoe dan|waarom dan|and|but|what about|and if)\b/;
/** Words that only point back: they never name a topic themselves. */
const POINTS_BACK = /\b(daar|daarvan|daarmee|daarvoor|daarover|daarbij|hiervoor|hiermee|hierover|hun|zij|ze|hij|zo'n|zoiets|they|them|there)\b/;
/** Demonstratives that point back only when no noun follows ("hoe regel ik dat?" but not "dat dorpshuis"). */
const DEMONSTRATIVE = /\b(dat|dit|die|het|deze|that|this|it)\b(?:\s+(\S+))?/g;

/**
 * Whether a question leans on the one before it and cannot stand alone: it continues with a
 * conjunction and brings few words of its own, or it points back (a pronoun, "daarvoor", "dat" without
 * a noun) and brings fewer than three words of its own. "Wat is het dorpshuis?" stands alone.
 */
export function isFollowUp(question: string): boolean {
  const text = foldDiacritics(question).replace(/[^\p{L}\p{N}\s'-]/gu, " ").replace(/\s+/g, " ").trim();
  const own = analyzeQuery(question).terms;
  if (CONTINUES.test(text) && own.length <= 4) return true;
  if (own.length >= 3) return false;
  if (own.length === 0) return true;
  if (POINTS_BACK.test(text)) return true;
  const ownWords = new Set(own.map((t) => t.word));
  for (const match of text.matchAll(DEMONSTRATIVE)) {
    const next = match[2];
    if (!next || !ownWords.has(next)) return true;
  }
  return false;
}

/** The question to search for: a follow-up is read together with the question it follows. */
export function withContext(question: string, earlier: readonly string[]): string {
  const previous = earlier.at(-1);
  return previous && isFollowUp(question) ? `${previous} ${question}` : question;
}
