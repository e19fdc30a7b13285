import { countedStandIns, countedWord, expectedAnswerTypes, holdsAskedDetail, holdsCountOfWord } from "../decision/answer-type.js";
import type { SearchTerm } from "../retrieval/search-term.js";
import { foldDiacritics } from "../text/fold.js";
import { stemDutch } from "../text/stem.js";

/** Whether a piece of text gives one detail the question asks for. */
export type DetailCheck = (text: string) => boolean;

/**
 * One check per detail the question asks for (see decision/answer-type.ts): "wanneer zijn ze begonnen en
 * met hoeveel" asks a date and a count, and a quote that gives both answers it better than one that gives
 * either. A count of a named thing ("hoeveel stroom", "hoeveel vrijwilligers") is a number before that
 * word or in its unit (kWh for stroom), not any number: "opgeleverd op 2 oktober 2021" does not say how
 * much. Names of things ("welk fonds") are left to the ranking, as for the decision's detail bonus.
 * A detail asked in two parts of the question ("tot wanneer …, en wanneer …") has its check twice. A
 * question that compares sizes or prices asks for the measures.
 */
export function askedDetails(question: string, terms: readonly SearchTerm[]): DetailCheck[] {
  const counted = countedWord(question);
  const standIns = counted ? countedStandIns(terms, counted) : [];
  const clauses = question.split(CLAUSE_BREAK);
  return expectedAnswerTypes(question)
    .filter((type) => type !== "named" && type !== "names")
    .flatMap((type) => {
      const holds: DetailCheck = type === "count" && counted ? countOf(counted, standIns) : (text) => holdsAskedDetail(question, type, text);
      const times = Math.max(1, clauses.filter((clause) => expectedAnswerTypes(clause).includes(type)).length);
      return Array.from({ length: times }, () => holds);
    })
    .concat(comparesMeasures(question) ? [givesMeasure] : []);
}

/**
 * A count of the counted word: a number before it, or in its unit. Stroom and energy are counted in what
 * was made or used (kWh), not in the panels' power (kWp, kW), which answers "hoe groot", not "hoeveel stroom".
 */
function countOf(counted: string, standIns: readonly string[]): DetailCheck {
  const energy = ENERGY.test(foldDiacritics(counted).toLowerCase());
  return (text) => (energy ? ENERGY_AMOUNT.test(foldDiacritics(text).toLowerCase()) || holdsCountOfWord(text.replace(POWER, ""), counted, stemDutch, standIns) : holdsCountOfWord(text, counted, stemDutch, standIns));
}
const ENERGY = /^(?:stroom|energie|elektriciteit|opwek|opbrengst|electricity|energy)$/;
const ENERGY_AMOUNT = /\d\s?(?:kwh|mwh|gwh|kilowattuur|megawattuur)\b/;
const POWER = /\d[\d.,]*\s?(?:kwp|kw|mw|wp|wattpiek)\b/gi;

/**
 * A question that compares sizes, prices or numbers ("welke van de twee is groter", "is dat duurder dan
 * voor leden", "bigger than"): the measures are its answer (286 kWp against 462 kWp, € 0,45 against € 0,35).
 */
const COMPARATIVE = String.raw`(?:groter|kleiner|hoger|lager|duurder|goedkoper|zwaarder|lichter|breder|smaller|bigger|larger|higher|lower|cheaper|more expensive)`;
const COMPARES = new RegExp(String.raw`\b${COMPARATIVE}\b.*\b(?:dan|of|than|or)\b|\b(?:welke|welk|wie|wat|which) van (?:de|het|die|deze|the)\b.*\b${COMPARATIVE}\b`);
export const comparesMeasures = (question: string): boolean => COMPARES.test(foldDiacritics(question).toLowerCase());

/** A number in a unit of size, money or amount: "462 kWp", "€ 0,45", "2.400 vierkante meter", "8 procent". */
const MEASURE = /€\s?\d|\d(?:[\d.,]*\d)?\s?(?:%|procent|euro|kwh|kwp|mwh|mw|kw|wp|m2|m²|m3|vierkante meter|km|kilometer|meter|kilo|kg|ton|liter|hectare|ha)\b/;
const givesMeasure: DetailCheck = (text) => MEASURE.test(foldDiacritics(text).toLowerCase());

/** Where a question's parts part: a comma, a question mark, "en", "of". */
const CLAUSE_BREAK = /[,;?]\s*|\s+(?:en|of)\s+/;

/**
 * How many of the asked details a run of sentences gives: a detail asked twice ("tot wanneer kun je
 * bestellen en wanneer haal je ze op") is given twice by two of its sentences that each give one.
 */
export function detailsGiven(details: readonly DetailCheck[], sentences: readonly { text: string }[], text: string): number {
  let given = 0;
  for (const check of new Set(details)) {
    const times = details.filter((d) => d === check).length;
    given += times === 1 ? (check(text) ? 1 : 0) : Math.min(times, sentences.filter((s) => check(s.text)).length);
  }
  return given;
}
