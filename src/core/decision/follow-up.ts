import { analyzeQuery } from "../text/analyzer.js";
import { foldDiacritics } from "../text/fold.js";

const CONTINUES = /^(en|maar|ook|dus|of|en als|wat als|hoe dan|waarom dan|and|but|what about)\b/;
const REFERS_BACK = /\b(dat|dit|die|daar|daarvan|daarmee|daarvoor|hiervoor|hun|zij|ze|het|hij|zo'n|zoiets|that|this|it|they)\b/;

/**
 * Whether a question leans on the one before it ("En voor 200 mensen?", "Hoe regel ik dat?"): it
 * continues with a conjunction, or refers back and brings fewer than three words of its own.
 */
export function isFollowUp(question: string): boolean {
  const text = foldDiacritics(question).trim();
  const ownTerms = analyzeQuery(question).terms.length;
  if (CONTINUES.test(text) && ownTerms <= 4) return true;
  return ownTerms < 3 && REFERS_BACK.test(text);
}

/** The question to search for: a follow-up is read together with the question it follows. */
export function withContext(question: string, earlier: readonly string[]): string {
  const previous = earlier.at(-1);
  return previous && isFollowUp(question) ? `${previous} ${question}` : question;
}
