/**
 * Whether a Dutch word looks like a verb form: an infinitive or plural verb ("betalen", "aanspreken")
 * or a past participle ("gemotiveerd", "gevraagd"). The topic of a question sits in its nouns; a verb the
 * documents happen to phrase differently says little about whether they hold the answer.
 */
export function looksLikeVerbForm(word: string): boolean {
  if (word.length >= 5 && /[^aeiou]en$/.test(word) && !/(ingen|heden|teiten)$/.test(word)) return true;
  return word.length >= 7 && word.startsWith("ge") && /[^aeiou][dt]$/.test(word) && !/heid$/.test(word);
}
