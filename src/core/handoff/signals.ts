import { analyzeQuery } from "../text/analyzer.js";
import type { StuckDelivery } from "./handoff-repository.js";
import type { Handoff } from "./handoff-types.js";
import { stuckText } from "./handoff-texts.js";

export type Signals = {
  since: string;
  asked: number;
  handedOff: number;
  byStatus: Record<string, number>;
  waiting: Array<{ question: string; theme?: string; status: string; createdAt: string }>;
  themes: Array<{ theme: string; count: number }>;
  recurringWords: Array<{ word: string; count: number }>;
  /** Messages that gave up after too many attempts ("vastgelopen"), with their question. */
  stuck: Array<{ question: string; text: string }>;
};

/**
 * What the network can put on the agenda with municipalities and province: how many questions went
 * to a person, which are still waiting, and which themes and words keep coming back unanswered.
 */
export function collectSignals(input: {
  since: Date;
  handoffs: readonly Handoff[];
  unansweredQuestions: readonly string[];
  counts: { asked: number; handedOff: number };
  stuck?: readonly StuckDelivery[];
}): Signals {
  const inPeriod = input.handoffs.filter((h) => Date.parse(h.createdAt) >= input.since.getTime());
  const byStatus: Record<string, number> = {};
  for (const h of inPeriod) byStatus[h.status] = (byStatus[h.status] ?? 0) + 1;
  const themeCounts = new Map<string, number>();
  for (const h of inPeriod) if (h.theme) themeCounts.set(h.theme, (themeCounts.get(h.theme) ?? 0) + 1);

  const wordCounts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const question of input.unansweredQuestions) {
    for (const { term, word } of analyzeQuery(question).terms) {
      const entry = wordCounts.get(term) ?? { count: 0, forms: new Map() };
      entry.count++;
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
      wordCounts.set(term, entry);
    }
  }
  const recurringWords = [...wordCounts.values()]
    .filter((e) => e.count >= 2)
    .sort((a, b) => b.count - a.count)
    .slice(0, 10)
    .map((e) => ({ word: [...e.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0], count: e.count }));

  return {
    since: input.since.toISOString(),
    ...input.counts,
    byStatus,
    waiting: input.handoffs
      .filter((h) => h.status === "open" || h.status === "claimed")
      .map((h) => ({ question: h.question, theme: h.theme, status: h.status, createdAt: h.createdAt })),
    themes: [...themeCounts.entries()].sort((a, b) => b[1] - a[1]).map(([theme, count]) => ({ theme, count })),
    recurringWords,
    stuck: (input.stuck ?? []).map((s) => ({ question: input.handoffs.find((h) => h.id === s.handoffId)?.question ?? s.handoffId, text: stuckText(s) })),
  };
}

const STATUS_NL: Record<string, string> = {
  awaiting_consent: "wacht op toestemming", declined: "niet gedeeld", expired: "verlopen",
  open: "open", claimed: "opgepakt", resolved: "afgesloten",
};

/** The signals as a short Dutch report, for the command line and for coordinators in chat. */
export function formatSignals(s: Signals): string {
  const lines = [
    `Signalen sinds ${s.since.slice(0, 10)}: ${s.asked} vragen gesteld, ${s.handedOff} konden niet uit de kennisbank beantwoord worden.`,
    `Doorgegeven vragen: ${Object.entries(s.byStatus).map(([k, v]) => `${v} ${STATUS_NL[k] ?? k}`).join(", ") || "geen"}.`,
  ];
  if (s.stuck.length) {
    lines.push("", "Vastgelopen (we proberen het elk uur en bij elke start opnieuw):", ...s.stuck.map((x) => `– ${x.question}: ${x.text}`));
  }
  if (s.waiting.length) {
    lines.push("", "Nog niet afgerond:", ...s.waiting.map((w) => `– [${STATUS_NL[w.status]}] ${w.question}${w.theme ? ` (${w.theme})` : ""}`));
  }
  if (s.themes.length) lines.push("", "Thema's van doorgegeven vragen:", ...s.themes.map((t) => `– ${t.theme}: ${t.count}×`));
  if (s.recurringWords.length) {
    lines.push("", "Steeds terugkerend in onbeantwoorde vragen:", ...s.recurringWords.map((w) => `– ${w.word}: ${w.count}×`));
  }
  return lines.join("\n");
}
