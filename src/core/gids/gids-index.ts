import type { KnowledgeIndex, QueryTermSpec } from "../ports.js";
import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";
import type { InitiativeProfile } from "./initiative.js";
import { HEAD_MARK, headsOf } from "./compound-heads.js";
import { participleStemsIn } from "./participles.js";
import { derivationStemsIn } from "./derivations.js";
import { MODIFIER_MARK, compoundModifiers } from "./compound-modifiers.js";
import { foldDiacritics, tokenize, withoutInvisibleMarks } from "../text/fold.js";

/** The parts of a profile that say what an initiative knows, and how much a word in each counts. */
export const FIELD_WEIGHTS = { experience: 1, themes: 0.85, name: 0.75, description: 0.45 } as const;
export type ProfileField = keyof typeof FIELD_WEIGHTS;

/** A profile as the matcher reads it: index terms per field (analysed as the documents are). */
export type IndexedProfile = { profile: InitiativeProfile; fields: Record<ProfileField, ReadonlySet<string>>; terms: string[] };

/**
 * A small in-memory full-text index over the profiles of the gids, behind the same port as the
 * document store (KnowledgeIndex), so that a question is analysed for the gids exactly as for the
 * documents: stemming, compounds, synonyms, the English glossary and typo correction against the
 * gids's own words. Built whole from the profiles (a few hundred at most); rebuilt when they change.
 */
export class GidsIndex implements KnowledgeIndex {
  readonly profiles: IndexedProfile[];
  private readonly df = new Map<string, number>();
  /** Profiles holding a term as the head ("~verpleg" for "wijkverpleg") or first part ("^koel" for "koelkast") of a compound: kept apart from the words. */
  private readonly headDf = new Map<string, number>();
  private readonly average: number;

  /** `isWord`: whether a stem is a word (of the field's documents, say), so that a compound's first part can be checked. */
  constructor(profiles: readonly InitiativeProfile[], isWord: (stem: string) => boolean = () => false) {
    const words = new Set(profiles.flatMap((p) => analyzeText([p.name, p.description, p.experience, ...p.themes].join(" "))));
    this.profiles = profiles.map((p) => indexProfile(p, (stem) => words.has(stem) || isWord(stem)));
    for (const p of this.profiles) {
      for (const term of new Set(p.terms)) {
        const counts = isPartTerm(term) ? this.headDf : this.df;
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
    this.average = this.profiles.reduce((n, p) => n + p.terms.filter((t) => !isPartTerm(t)).length, 0) / Math.max(1, this.profiles.length);
  }

  search(terms: readonly QueryTermSpec[], limit: number): SearchHit[] {
    const hits = this.profiles
      .map((p, i) => ({ p, i, n: terms.filter((t) => holds(p.fields, t.term, t.prefix ?? false)).length }))
      .filter((h) => h.n > 0)
      .sort((a, b) => b.n - a.n || a.i - b.i);
    return hits.slice(0, limit).map(({ p, i, n }) => hitOf(p, i, n));
  }

  documentFrequencies(terms: readonly string[]): Map<string, number> {
    return new Map(terms.map((t) => [t, this.frequency(t, false)]));
  }

  /** How many profiles hold a term in any field, also as a prefix. */
  frequency(term: string, prefix: boolean): number {
    if (!prefix) return (isPartTerm(term) ? this.headDf : this.df).get(term) ?? 0;
    return this.profiles.filter((p) => holds(p.fields, term, true)).length;
  }

  passageCount(): number {
    return this.profiles.length;
  }

  averagePassageLength(): number {
    return this.average;
  }

  isKnownTerm(term: string): boolean {
    return this.df.has(term);
  }

  isKnownPrefix(prefix: string): boolean {
    for (const term of this.df.keys()) if (term.startsWith(prefix) && term !== prefix) return true;
    return false;
  }

  hitsByIds(ids: readonly string[]): SearchHit[] {
    return this.profiles.map((p, i) => ({ p, i })).filter(({ p }) => ids.includes(p.profile.id)).map(({ p, i }) => hitOf(p, i, 0));
  }

  commonTerms(): string[] {
    return [];
  }

  termVocabulary(): ReadonlyMap<string, number> {
    return this.df;
  }
}

function indexProfile(profile: InitiativeProfile, isWord: (stem: string) => boolean): IndexedProfile {
  // A participle also stands for its verb ("opgericht" for "oprichten"), which the stemmer does not see.
  // A noun made from a verb also stands for the verb ("beheerder" for "beheren", derivations.ts).
  // A compound also holds its heads ("wijkverpleg" holds "~verpleg") and first parts ("koelkast" holds
  // "^koel"), marked apart from whole words.
  const termsOf = (text: string) => {
    const words = [...analyzeText(text), ...participleStemsIn(text), ...derivationStemsIn(text)];
    const firstParts = [...tokenize(foldDiacritics(text)), ...accentedWords(text)].flatMap((w) => compoundModifiers(w)).map((m) => `${MODIFIER_MARK}${foldDiacritics(m)}`);
    return new Set([...words, ...words.flatMap((w) => headsOf(w, isWord)).map((h) => `${HEAD_MARK}${h}`), ...firstParts]);
  };
  const fields = {
    experience: termsOf(profile.experience),
    themes: termsOf(profile.themes.join(", ")),
    name: termsOf(profile.name),
    description: termsOf(profile.description),
  };
  const terms = [...new Set([...fields.experience, ...fields.themes, ...fields.name, ...fields.description])];
  return { profile, fields, terms };
}

/**
 * The words of a text that carry diacritics, lower-cased but as written: the Dutch word list knows
 * "café" and "coöperatie", not the folded "cafe" and "cooperatie", so "taalcafé" splits only so.
 */
function accentedWords(text: string): string[] {
  const words = withoutInvisibleMarks(text).normalize("NFC").toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((w) => w !== foldDiacritics(w));
}

/** Whether any field of a profile holds the term (or a term starting with it). */
export function holds(fields: Record<ProfileField, ReadonlySet<string>>, term: string, prefix: boolean): boolean {
  return (Object.keys(FIELD_WEIGHTS) as ProfileField[]).some((f) => fieldHolds(fields[f], term, prefix));
}

export function fieldHolds(field: ReadonlySet<string>, term: string, prefix: boolean): boolean {
  if (!prefix) return field.has(term);
  for (const own of field) if (own.startsWith(term)) return true;
  return false;
}

/** A compound's part among the index terms (marked), not a word of its own. */
function isPartTerm(term: string): boolean {
  return term.startsWith(HEAD_MARK) || term.startsWith(MODIFIER_MARK);
}

function hitOf(p: IndexedProfile, ordinal: number, score: number): SearchHit {
  const text = [p.profile.name, p.profile.experience, p.profile.description].filter(Boolean).join(". ");
  return {
    passage: { id: p.profile.id, documentId: p.profile.id, ordinal, text, terms: p.terms },
    document: { id: p.profile.id, title: p.profile.name, kind: "initiatief" },
    score,
  };
}
