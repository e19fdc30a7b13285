import { foldDiacritics } from "../text/fold.js";

/**
 * Whether a question asks for several things (the steps, the tips, which functions, examples): its
 * answer is a list, quoted whole rather than its first line.
 */
const LIST_QUESTION = /\b(welke|wat zijn (de|hun)|wat waren de|noem|opsomming|lijst|lijstje|stappen|tips|voorbeelden|manieren|mogelijkheden|punten|aandachtspunten|voorwaarden|ideeen|thema'?s|onderwerpen|functies|taken|rollen|soorten|vormen|which|what are the|list|steps|tips|examples|ways)\b/;

export function asksForList(question: string): boolean {
  return LIST_QUESTION.test(foldDiacritics(question));
}
