/**
 * A stem's long vowel as Dutch spells it before an ending that opens the syllable: "beheer" + en is
 * "beheren", "maak" + en "maken", "neem" + en "nemen". Other stems are returned as they are.
 */
export function withOpenSyllable(stem: string): string {
  return stem.replace(/(aa|ee|oo|uu)([^aeiou])$/, (_, vowel: string, consonant: string) => `${vowel[0]}${consonant}`);
}
