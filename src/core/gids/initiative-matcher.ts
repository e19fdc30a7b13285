import { idf } from "../retrieval/rescore.js";
import { retrieve } from "../retrieval/retrieve.js";
import type { SearchTerm } from "../retrieval/search-term.js";
import { foldDiacritics } from "../text/fold.js";
import type { Vocabulary } from "../text/vocabulary.js";
import { GidsIndex, type IndexedProfile } from "./gids-index.js";
import type { InitiativeMatch, InitiativeMatcher, InitiativeProfile } from "./initiative.js";
import { matchReason } from "./match-reason.js";
import { heldWord, type HeldWord, type TopicGroup } from "./profile-evidence.js";
import { isContactable } from "./profile-rules.js";
import { isFrameWord, isMistypedFrameWord, topicOf } from "./question-frame.js";
import { rejoinSeparableVerbs } from "./separable-verbs.js";
import { namesUnknownThing } from "./coined-compound.js";
import { asksForService } from "./service-request.js";
import { asksTheGids } from "./asks-the-gids.js";
import { hiddenFitsAskingPart } from "./hidden-rival.js";
import { suggestEvidence, type SuggestEvidence } from "./suggest-evidence.js";
import { trustedSplit } from "./trusted-split.js";
import { SUGGEST_MODEL, SUGGEST_THRESHOLD, suggestProbability, type SuggestModel } from "./suggest-model.js";
import { gidsTerms } from "./topic-terms.js";
import { askingPart, bestOfParts, REFERRING_ASK, toldPart } from "./asking-part.js";
import { candidateRank, inRegion } from "./candidate-rank.js";
import { fieldWeightsFor } from "./field-emphasis.js";
import { fieldSpecificity, type FieldFrequencies } from "./field-specificity.js";

/** Where the matcher reads the profiles; `revision` (when given) tells it whether to build its index again. */
export type ProfileSource = { list(): InitiativeProfile[]; revision?(): string };

/**
 * A short, plain question whose own word is in what an initiative has done ("hoe beginnen we een buurtbus?" and
 * "buurtbus sinds 2019") is suggested when that covers a quarter of what it asks, whatever the model says: the model
 * learnt from long questions, where one word is weak evidence. Short means that its topic words weigh no more than
 * SHORT_TOPIC rare words (a word common in the field's documents weighs less): in a longer question one shared word
 * is a near miss as often as not (on the second set of the matching check, two of its eight false suggestions came from this rule).
 */
export const DIRECT_SHARE = 0.25;
export const SHORT_TOPIC = 3.5;
/** Under the best candidate, others are suggested too when they hold at least this share of what it holds. */
export const FOLLOWER_SHARE = 0.5;
/**
 * When what fits best may not be contacted, another is suggested only when it holds nearly as much, not
 * when it shares the question's side words (gemeente, vrijwilligers). At half (as for followers) such
 * a one was offered in its place on three of the six test sets; 0.7 kept all three quiet, 0.75 lost a fit.
 */
export const HIDDEN_BEST_SHARE = 0.7;
/** A direct question to the gids ("welke initiatieven doen iets met energie?") is short: a third of its topic must match. */
export const LISTING_SHARE = 0.34;

export type MatchOptions = {
  region?: string;
  exclude?: readonly string[];
  limit?: number;
  /** A direct question to the gids: its topic is all it says, so the share of it counts, not the evidence of a long question. */
  listing?: boolean;
};
export { REGION_PREFERENCE } from "./candidate-rank.js";
const DEFAULT_LIMIT = 3;

/** A profile that holds something of a question's topic, and what. */
export type MatchCandidate = {
  profile: InitiativeProfile;
  /** What it holds of the question's topic words (IDF-weighted), and that as a share of all of them. */
  mass: number;
  score: number;
  held: HeldWord[];
  matchedTerms: string[];
  rank: number;
  /** Whether a contact agreed to be approached: only then may it be suggested (others only compete). */
  contactable: boolean;
};

export type { FieldFrequencies } from "./field-specificity.js";

/**
 * Finds initiatives whose experience fits a question, with the same Dutch analysis as the documents. Only published
 * profiles with a contact who agreed to be approached are suggested. The in-memory index is rebuilt when they change.
 */
export class GidsMatcher implements InitiativeMatcher {
  private built?: { revision: string | undefined; index: GidsIndex; hidden: IndexedProfile[]; regions: string[]; allRegions: string[] };

  constructor(
    private readonly source: ProfileSource,
    private readonly vocabulary?: Vocabulary,
    private readonly field?: FieldFrequencies,
    private readonly model: SuggestModel = SUGGEST_MODEL,
  ) {}

  /**
   * The initiatives to suggest for a question: none unless the evidence for the best one that may be suggested (its
   * lead) convinces the suggest model (suggest-model.ts) or it holds a typed word of a short question (DIRECT_SHARE,
   * SHORT_TOPIC), or on the best of the whole question and its asking part (a long question's context spreads the
   * evidence thin), or its told part when the asking part only refers back to it; then it and those holding half as much. A profile nobody may contact is never shown but competes:
   * when it fits best, the lead must hold HIDDEN_BEST_SHARE of it; when it fits the asking part best, none (hidden-rival.ts).
   * A direct question to the gids also lists every initiative holding a third of its (short) topic. None for a short
   * question (or a direct one's short asking part) naming a compound no profile holds (coined-compound.ts), nor for a
   * request for a job (service-request.ts).
   */
  match(question: string, options: MatchOptions = {}): InitiativeMatch[] {
    const { candidates, lead, evidence, topicWeight, unknownThing } = this.judged(question, options);
    const asking = askingPart(question);
    const asked = asking === undefined ? undefined : this.judged(asking, options);
    // A short question (or a direct one's asking part: "…, wie heeft ervaring met een dorpswinkel?") naming a thing the gids
    // does not know asks about that thing; a request for a job ("wie kan dat komen maken?") asks who will do it, not who did.
    const unknown = (j?: { unknownThing: boolean; topicWeight: number }) => !!j?.unknownThing && j.topicWeight <= SHORT_TOPIC;
    if (!lead || unknown({ unknownThing, topicWeight }) || (asksTheGids(question) && unknown(asked))) return [];
    if (!options.listing && asksForService(question)) return [];
    const top = candidates[0]!;
    const short = topicWeight <= SHORT_TOPIC && evidence !== undefined && evidence.direct > 0 && evidence.share >= DIRECT_SHARE;
    const fits = evidence !== undefined && lead.mass >= (top.contactable ? FOLLOWER_SHARE : HIDDEN_BEST_SHARE) * top.mass && !hiddenFitsAskingPart(candidates, asked?.candidates, lead)
      && (suggestProbability(evidence, this.model) >= SUGGEST_THRESHOLD || short || this.partConvinces(asked, lead, evidence) || this.toldPartConvinces(question, asked, lead, evidence, options));
    return candidates
      .filter((c) => c.contactable && ((fits && c.mass >= FOLLOWER_SHARE * lead.mass) || (options.listing && c.score >= LISTING_SHARE)))
      .slice(0, options.limit ?? DEFAULT_LIMIT)
      .map((c) => ({ initiative: c.profile, score: round(c.score), because: matchReason(c.profile, c.matchedTerms) }));
  }

  /** A second opinion for a question that tells before it asks: the same lead on the best of the whole's and a part's evidence (asking-part.ts). */
  private partConvinces(part: ReturnType<GidsMatcher["judged"]> | undefined, lead: MatchCandidate, whole: SuggestEvidence): boolean {
    if (!part?.evidence || part.lead?.profile.id !== lead.profile.id) return false;
    const best = bestOfParts(whole, part.evidence);
    return best !== undefined && suggestProbability(best, this.model) >= SUGGEST_THRESHOLD;
  }

  /** When the asking part only refers back ("hoe gaan anderen daarmee om?"), the same second opinion on what was told. */
  private toldPartConvinces(question: string, asked: ReturnType<GidsMatcher["judged"]> | undefined, lead: MatchCandidate, whole: SuggestEvidence, options: MatchOptions): boolean {
    const told = asked && asked.topicWeight <= REFERRING_ASK ? toldPart(question) : undefined;
    return told !== undefined && this.partConvinces(this.judged(told, options), lead, whole);
  }

  /**
   * The candidates, the lead (the first that may be suggested) and the evidence for suggesting it, against
   * the strongest other candidate (for the suggest model and its fit).
   */
  judged(question: string, options: MatchOptions = {}): { candidates: MatchCandidate[]; lead?: MatchCandidate; evidence?: SuggestEvidence; topicWeight: number; unknownThing: boolean } {
    const { candidates, groups, total } = this.candidates(question, options);
    const lead = candidates.find((c) => c.contactable);
    const rare = idf(1, this.current().index.passageCount());
    // What the question's topic weighs, in rare words.
    const topicWeight = rare > 0 ? total / rare : 0;
    const unknownThing = namesUnknownThing(groups);
    if (!lead) return { candidates, topicWeight, unknownThing };
    const runnerUp = candidates.filter((c) => c !== lead).sort((a, b) => b.mass - a.mass)[0];
    return { candidates, lead, evidence: suggestEvidence(lead, runnerUp, groups, total, rare), topicWeight, unknownThing };
  }

  /**
   * Every profile that holds anything of the question's topic, best first (more distinct words held and the asker's region preferred, candidate-rank.ts),
   * with what it holds of each topic word: the evidence the choice to suggest is made on.
   */
  candidates(question: string, options: MatchOptions = {}): { candidates: MatchCandidate[]; groups: TopicGroup[]; total: number } {
    const { index, hidden, regions } = this.current();
    if (!index.profiles.length) return { candidates: [], groups: [], total: 0 };
    const groups = this.groupsOf(index, topicOf(question, regions));
    const total = groups.reduce((n, g) => n + g.max, 0);
    if (total <= 0) return { candidates: [], groups, total };
    const exclude = new Set(options.exclude ?? []);
    const weights = fieldWeightsFor(question);
    const region = options.region && foldDiacritics(options.region);
    const candidates: MatchCandidate[] = [];
    for (const p of [...index.profiles, ...hidden]) {
      if (exclude.has(p.profile.id)) continue;
      const held = groups.map((g) => heldWord(p, g, weights));
      const mass = held.reduce((n, h) => n + h.value, 0);
      if (mass <= 0) continue;
      const score = mass / total;
      const local = region !== undefined && inRegion(p.profile, region);
      const matchedTerms = groups.filter((_, i) => held[i]!.value > 0).flatMap((g) => g.terms.map((t) => t.term));
      const contactable = p.profile.contacts.some(isContactable);
      const wordsHeld = held.filter((h) => h.value > 0);
      candidates.push({ profile: p.profile, mass, score, held: wordsHeld, matchedTerms, rank: candidateRank(score, wordsHeld.length, local), contactable });
    }
    candidates.sort((a, b) => b.rank - a.rank || a.profile.name.localeCompare(b.profile.name, "nl"));
    return { candidates, groups, total };
  }

  /** Whether a stem is a word of the gids or of the field's documents (the first part of a compound must be one). */
  private isWord(index: GidsIndex, stem: string): boolean {
    return index.isKnownTerm(stem) || this.isDocumentWord(stem);
  }

  private isDocumentWord(stem: string): boolean {
    return (this.field?.documentFrequencies([stem]).get(stem) ?? 0) > 0;
  }

  /** Whether a question says what it is about beyond its frame and places ("welke initiatieven in Lopik?" does not). */
  hasTopic(question: string): boolean {
    const { index, regions } = this.current();
    return this.groupsOf(index, topicOf(question, regions)).length > 0;
  }

  /** Kernen, gemeenten and provincies of the gids (also of initiatives nobody may contact): a question naming one asks about that region. */
  knownRegions(): string[] {
    return this.current().allRegions;
  }

  /** Published profiles that may be suggested (a contact agreed to be approached). */
  suggestable(): InitiativeProfile[] {
    return this.current().index.profiles.map((p) => p.profile);
  }

  private current() {
    const revision = this.source.revision?.();
    if (!this.built || revision === undefined || revision !== this.built.revision) {
      // Only profiles with a contact who agreed to be approached are indexed (and so weigh the words). The
      // others are held beside it: never suggested, but one of them may be what fits best (match()).
      const published = this.source.list().filter((p) => p.status === "published");
      const profiles = published.filter((p) => p.contacts.some(isContactable));
      const regionsOf = (list: InitiativeProfile[]) => [...new Set(list.flatMap((p) => [p.place, p.municipality, p.province]).filter((r): r is string => !!r))];
      const isWord = (stem: string) => this.isDocumentWord(stem);
      const hidden = new GidsIndex(published.filter((p) => !p.contacts.some(isContactable)), isWord).profiles;
      this.built = { revision, index: new GidsIndex(profiles, isWord), hidden, regions: regionsOf(profiles), allRegions: regionsOf(published) };
    }
    return this.built;
  }

  /** The question's topic words (frame words left out), each with its alternatives and what it can weigh. */
  private groupsOf(index: GidsIndex, topic: string): TopicGroup[] {
    // "hoe zet je een middag op" asks how to opzetten one, as a profile writes it (separable-verbs.ts).
    topic = rejoinSeparableVerbs(topic, (stem) => index.isKnownTerm(stem));
    // A verb form's infinitive (retrieval's "inflection") is left out: the gids meets word forms through its
    // own derivations, and its suggest model was fitted without it (with it the sixth set stayed quiet once less).
    const terms = retrieve(index, topic, 1, { vocabulary: this.vocabulary, windowWeight: 0, splitAtVocabulary: false }).terms.filter((t) => t.origin !== "inflection");
    terms.push(...gidsTerms(index, terms, (stem) => this.isWord(index, stem)));
    const n = index.passageCount();
    const weightOf = (t: SearchTerm) => idf(index.frequency(t.term, t.prefix), n) * fieldSpecificity(this.field, t);
    const words = [...new Set(terms.map((t) => t.word))].filter((w) => !isFrameWord(w) && !isMistypedFrameWord(w));
    return words.map((word) => {
      const own = trustedSplit(terms.filter((t) => t.word === word), (typed) => this.vocabulary?.expand(typed.word, [typed.term], "nl").map((e) => e.term) ?? []);
      const typed = own.find((t) => t.origin === "typed");
      const parts = own.filter((t) => t.origin === "compound-part");
      const others = own.filter((t) => t.origin !== "typed" && t.origin !== "compound-part");
      let max: number;
      if (typed && typed.df > 0) max = weightOf(typed);
      else if (parts.length) max = parts.reduce((s, t) => s + weightOf(t), 0) / parts.length;
      else if (others.length) max = Math.max(...others.map(weightOf));
      // A word no profile holds tells nothing about one profile over another: it counts as a rare word, not more.
      else max = idf(1, n) * (typed ? fieldSpecificity(this.field, typed) : 1);
      return { word, max, terms: own, weights: new Map(own.map((t) => [t, weightOf(t)])) };
    });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
