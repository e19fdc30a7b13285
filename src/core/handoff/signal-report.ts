import { analyzeQuery } from "../text/analyzer.js";
import { foldDiacritics } from "../text/fold.js";
import type { StuckDelivery } from "./handoff-repository.js";
import { stuckText } from "./handoff-texts.js";
import type { Handoff } from "./handoff-types.js";
import type { SignalSection } from "./signal-section.js";

/** The longest period a signal report covers, wherever it is asked for (a year, a leap year too). */
export const MAX_SIGNAL_DAYS = 366;

/** Only questions the askers agreed to share count as handed to a person (and feed the signals). */
const SHARED = new Set(["open", "claimed", "resolved"]);
const NOT_SHARED = new Set(["awaiting_consent", "declined", "expired"]);
/** Words that say nothing about a topic on their own, however often they come back. */
const GENERIC_WORDS = new Set(["staat", "gaat", "komt", "doen", "doet", "maken", "maakt", "regelen", "regel", "werkt", "werken", "kunnen", "willen", "moeten", "krijgen", "krijg", "vinden", "vind", "geven", "mogelijk", "iemand", "mensen", "vraag", "vragen", "graag", "help", "home", "info", "informatie", "goed", "beste", "manier", "zitten", "zit", "hebben", "heeft"]);

export type SignalInput = {
  since: Date;
  now: Date;
  /** Every handoff; only the shared ones in the period are reported on. */
  handoffs: readonly Handoff[];
  counts: { asked: number; handedOff: number };
  /** Names of gemeenten and regions the network knows (roster, document metadata), found in questions. */
  knownRegions: readonly string[];
  /** The region of an asker who is on the roster, when known. */
  regionOfAsker?: (asker: { userId: string; channel: string }) => string | undefined;
  /** Handoff steps that gave up after too many attempts. */
  stuck?: readonly StuckDelivery[];
};

export type SignalReport = {
  since: string;
  asked: number;
  notAnswerable: number;
  shared: { open: number; claimed: number; resolved: number };
  notShared: number;
  waiting: Array<{ question: string; theme?: string; region?: string; status: string; createdAt: string }>;
  themes: Array<{ theme: string; count: number }>;
  regions: Array<{ region: string; count: number; themes: string[] }>;
  weeks: Array<{ week: string; count: number }>;
  recurringWords: Array<{ word: string; count: number }>;
  /** Steps that are stuck ("vastgelopen"): the question and what failed, in plain Dutch. */
  stuck: Array<{ question: string; text: string }>;
  /** Further parts of the report (the gids, introductions): see signal-section.ts. */
  sections?: SignalSection[];
  /** One row per shared question in the period, for the CSV export. */
  rows: Array<{ createdAt: string; status: string; theme: string; region: string; question: string }>;
};

/** The signals for coordinators, the same for the command line, the team view and Slack. */
export function buildSignalReport(input: SignalInput): SignalReport {
  const inPeriod = input.handoffs.filter((h) => Date.parse(h.createdAt) >= input.since.getTime());
  const shared = inPeriod.filter((h) => SHARED.has(h.status));
  const regionOf = (h: Handoff) => input.regionOfAsker?.(h.asker) ?? regionInQuestion(h.question, input.knownRegions);
  const count = (status: string) => shared.filter((h) => h.status === status).length;

  const regions = new Map<string, { count: number; themes: Map<string, number> }>();
  for (const h of shared) {
    const region = regionOf(h);
    if (!region) continue;
    const entry = regions.get(region) ?? { count: 0, themes: new Map() };
    entry.count++;
    if (h.theme) entry.themes.set(h.theme, (entry.themes.get(h.theme) ?? 0) + 1);
    regions.set(region, entry);
  }

  return {
    since: input.since.toISOString(),
    stuck: (input.stuck ?? []).map((s) => ({ question: input.handoffs.find((h) => h.id === s.handoffId)?.question ?? s.handoffId, text: stuckText(s) })),
    asked: input.counts.asked,
    notAnswerable: input.counts.handedOff,
    shared: { open: count("open"), claimed: count("claimed"), resolved: count("resolved") },
    notShared: inPeriod.filter((h) => NOT_SHARED.has(h.status)).length,
    waiting: input.handoffs
      .filter((h) => h.status === "open" || h.status === "claimed")
      .map((h) => ({ question: h.question, theme: h.theme, region: regionOf(h), status: h.status, createdAt: h.createdAt })),
    themes: tally(shared.map((h) => h.theme ?? "overig")).map(([theme, n]) => ({ theme, count: n })),
    regions: [...regions.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([region, e]) => ({ region, count: e.count, themes: [...e.themes.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t) })),
    weeks: weeksBetween(input.since, input.now).map((week) => ({ week, count: shared.filter((h) => isoWeek(new Date(h.createdAt)) === week).length })),
    // Places are counted per region already: they are not recurring words as well.
    recurringWords: recurringWords(shared.map((h) => h.question), new Set([...input.knownRegions, ...regions.keys()].flatMap(placeWords))),
    rows: shared.map((h) => ({ createdAt: h.createdAt, status: h.status, theme: h.theme ?? "", region: regionOf(h) ?? "", question: h.question })),
  };
}

/** A gemeente or region named in a question: one the network knows, or "gemeente X" written out. */
export function regionInQuestion(question: string, knownRegions: readonly string[]): string | undefined {
  const folded = ` ${foldDiacritics(question).toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, " ")} `;
  const known = [...knownRegions].sort((a, b) => b.length - a.length).find((r) => folded.includes(` ${foldDiacritics(r).toLowerCase()} `));
  if (known) return known;
  const named = /\bgemeenten?\s+((?:['’]s-)?[A-Z][\p{L}-]+(?:\s(?:aan|op|in|de|den|van|[A-Z])[\p{L}-]*)*)/u.exec(question);
  return named?.[1]?.replace(/\s+(?:aan|op|in|de|den|van)$/, "");
}

function placeWords(region: string): string[] {
  return foldDiacritics(region).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
}

function recurringWords(questions: readonly string[], places: ReadonlySet<string>): Array<{ word: string; count: number }> {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const question of questions) {
    const analyzed = analyzeQuery(question);
    if (analyzed.language !== "nl") continue; // English questions would bring English words
    for (const { term, word } of analyzed.terms) {
      if (word.length < 4 || GENERIC_WORDS.has(word) || places.has(word) || /^\d+$/.test(word)) continue;
      const entry = counts.get(term) ?? { count: 0, forms: new Map() };
      entry.count++;
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
      counts.set(term, entry);
    }
  }
  return [...counts.values()].filter((e) => e.count >= 2).sort((a, b) => b.count - a.count).slice(0, 10)
    .map((e) => ({ word: [...e.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0], count: e.count }));
}

function tally(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** ISO week of a date, e.g. "2026-W48". */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function weeksBetween(since: Date, now: Date): string[] {
  const weeks: string[] = [];
  for (let t = since.getTime(); t <= now.getTime() + 7 * 86_400_000; t += 7 * 86_400_000) {
    const week = isoWeek(new Date(Math.min(t, now.getTime())));
    if (!weeks.includes(week)) weeks.push(week);
  }
  return weeks;
}
