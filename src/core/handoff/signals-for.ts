import type { StuckDelivery } from "./handoff-repository.js";
import type { Handoff } from "./handoff-types.js";
import { buildSignalReport, type SignalReport } from "./signal-report.js";
import { introductionSignals } from "../introductions/introduction-signals.js";
import type { Introduction } from "../introductions/introduction-types.js";

/** Where the signals come from; the command line and the running app give the same sources. */
export type SignalSources = {
  /** Every handoff (the report itself keeps to the shared ones). */
  handoffs(): Handoff[];
  /** How many questions were asked and could not be answered since a moment (the question log). */
  counts(since: Date): { asked: number; handedOff: number };
  /** Gemeenten and regions the network knows (roster, document metadata). */
  knownRegions(): string[];
  /** The region of an asker who is on the roster. */
  regionOfAsker?(userId: string): string | undefined;
  /** Handoff steps that gave up after too many attempts ("vastgelopen"). */
  stuck?(): StuckDelivery[];
  /** Introductions created since a moment (the introductions' store). */
  introductions?(since: Date): Introduction[];
};

/** The signals of the last `days` days. */
export function signalReportFor(sources: SignalSources, days: number, now = new Date()): SignalReport {
  const since = new Date(now.getTime() - days * 86_400_000);
  const report = buildSignalReport({
    since, now, handoffs: sources.handoffs(), counts: sources.counts(since),
    knownRegions: sources.knownRegions(), regionOfAsker: sources.regionOfAsker, stuck: sources.stuck?.() ?? [],
  });
  return sources.introductions ? { ...report, introductions: introductionSignals(sources.introductions(since), since) } : report;
}
