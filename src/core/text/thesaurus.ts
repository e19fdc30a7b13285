import { stemDutch } from "./stem.js";

/**
 * Words residents use for the same thing as the reports they ask about (general Dutch and the
 * vocabulary of citizen initiatives). Each group is a set of interchangeable words; a question word
 * in a group also searches the others.
 */
const GROUPS: string[][] = [
  ["netwerk", "samenwerkingsverband", "koepel", "koepelorganisatie"],
  ["geld", "financiering", "bekostiging", "middelen", "budget"],
  ["subsidie", "bijdrage", "fonds"],
  ["houding", "attitude", "opstelling"],
  ["ambtenaar", "beleidsmedewerker", "ambtelijk"],
  ["jongeren", "jeugd", "jongere"],
  ["bewonersinitiatief", "burgerinitiatief", "initiatief"],
  ["dorp", "kern", "dorpskern"],
  ["dorpshuis", "buurthuis", "wijkcentrum", "ontmoetingscentrum"],
  ["motiveren", "enthousiasmeren", "stimuleren"],
  ["betrekken", "meedoen", "participeren", "betrokkenheid"],
  ["rechtsvorm", "stichting", "vereniging", "cooperatie"],
  ["aanspreekpunt", "loket", "contactpersoon"],
  ["gemeente", "gemeentelijk"],
  ["provincie", "provinciaal", "provinciale"],
  ["vrijwilliger", "vrijwilligerswerk"],
  ["continuiteit", "voortbestaan", "duurzaamheid"],
  ["eigenaarschap", "zeggenschap", "regie"],
];

const SYNONYMS = new Map<string, string[]>();
for (const group of GROUPS) {
  const stems = [...new Set(group.map(stemDutch))];
  for (const stem of stems) SYNONYMS.set(stem, [...new Set([...(SYNONYMS.get(stem) ?? []), ...stems.filter((s) => s !== stem)])]);
}

/** Index terms that mean the same as this one. */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [];
}
