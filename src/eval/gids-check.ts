import { listFromGids, suggestionsFor, type GidsAccess } from "../core/gids/gids-answers.js";
import type { InitiativeProfile } from "../core/gids/initiative.js";

/** A question of the matching check: which profiles fit (empty: none may be suggested). */
export type GidsQuestion = {
  id: string;
  question: string;
  expected: string[];
  region: string | null;
  own: string | null;
  kind: string;
};

export type GidsResult = { question: GidsQuestion; suggested: string[]; passed: boolean; regionFirst?: boolean; direct: boolean };

export type GidsFigures = {
  /** Questions with a fitting initiative: one of them in the top three. */
  fitting: { total: number; found: number; share: number };
  /** Questions that nothing fits (also: only a profile that may not be contacted): nothing suggested. */
  none: { total: number; quiet: number; share: number };
  /** The asker's own initiative never suggested to them. */
  ownSuggested: number;
  /** A profile whose contacts may not be approached, suggested anyway (must be 0). */
  notContactableSuggested: number;
  /** Of the questions where the asker's region decides, how often the expected first one ranks first among them. */
  region: { total: number; first: number };
  byKind: Map<string, { total: number; passed: number }>;
};

/** How many suggestions count: the top three, as askers see them under an answer. */
const TOP = 3;

/**
 * The matching check of the initiatievengids: each question asked as an asker would (their region and
 * own initiative given), and counted: a fitting initiative in the top three, none when nothing fits.
 */
export function runGidsCheck(gids: GidsAccess, profiles: readonly InitiativeProfile[], questions: readonly GidsQuestion[]): { results: GidsResult[]; figures: GidsFigures } {
  const results = questions.map((question) => {
    const asker = { user: { platform: "eval", userId: question.id }, region: question.region ?? undefined, own: question.own ? [question.own] : [] };
    const listed = listFromGids(gids, question.question, asker);
    const suggested = (listed?.length ? listed : suggestionsFor(gids, question.question, asker)).slice(0, TOP).map((s) => s.id);
    const passed = question.expected.length ? suggested.some((id) => question.expected.includes(id)) : suggested.length === 0;
    const ranked = suggested.filter((id) => question.expected.includes(id));
    const regionFirst = question.expected.length > 1 && question.region ? ranked[0] === question.expected[0] : undefined;
    return { question, suggested, passed, regionFirst, direct: !!listed?.length };
  });
  return { results, figures: gidsFigures(profiles, results) };
}

/** The figures of the matching check over its results. */
export function gidsFigures(profiles: readonly InitiativeProfile[], results: readonly GidsResult[]): GidsFigures {
  const blocked = new Set(profiles.filter((p) => !p.contacts.some((c) => c.contactable && Object.keys(c.handles).length)).map((p) => p.id));
  const fittingResults = results.filter((r) => r.question.expected.length);
  const noneResults = results.filter((r) => !r.question.expected.length);
  const regionResults = results.filter((r) => r.regionFirst !== undefined && r.question.kind === "fits");
  const byKind = new Map<string, { total: number; passed: number }>();
  for (const r of results) {
    const k = byKind.get(r.question.kind) ?? { total: 0, passed: 0 };
    k.total++;
    if (r.passed) k.passed++;
    byKind.set(r.question.kind, k);
  }
  const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 1);
  const found = fittingResults.filter((r) => r.passed).length;
  const quiet = noneResults.filter((r) => r.passed).length;
  return {
    fitting: { total: fittingResults.length, found, share: share(found, fittingResults.length) },
    none: { total: noneResults.length, quiet, share: share(quiet, noneResults.length) },
    ownSuggested: results.filter((r) => r.question.own && r.suggested.includes(r.question.own)).length,
    notContactableSuggested: results.filter((r) => r.suggested.some((id) => blocked.has(id))).length,
    region: { total: regionResults.length, first: regionResults.filter((r) => r.regionFirst).length },
    byKind,
  };
}

/** The figures as a maintainer reads them (Dutch). */
export function formatGidsFigures(figures: GidsFigures, results: readonly GidsResult[], verbose = false): string {
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  const lines = [
    `Passend initiatief in de top 3: ${figures.fitting.found} van ${figures.fitting.total} (${pct(figures.fitting.share)})`,
    `Niets voorgesteld als niets past:  ${figures.none.quiet} van ${figures.none.total} (${pct(figures.none.share)})`,
    `Eigen initiatief voorgesteld:      ${figures.ownSuggested}`,
    `Niet-benaderbaar voorgesteld:      ${figures.notContactableSuggested}`,
    `Eigen regio eerst (waar die beslist): ${figures.region.first} van ${figures.region.total}`,
    "Per soort vraag:",
    ...[...figures.byKind].map(([kind, k]) => `  ${kind.padEnd(16)} ${k.passed} van ${k.total}`),
  ];
  if (verbose) {
    lines.push("", ...results.map((r) => `${r.passed ? "ok  " : "MIS "} ${r.question.id} ${r.question.kind.padEnd(15)}${r.direct ? " (uit de gids)" : ""} verwacht: ${r.question.expected.join(", ") || "(niets)"}  voorgesteld: ${r.suggested.join(", ") || "(niets)"}`));
  }
  return lines.join("\n");
}
