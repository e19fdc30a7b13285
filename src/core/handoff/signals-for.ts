import type { StuckDelivery } from "./handoff-repository.js";
import type { Handoff } from "./handoff-types.js";
import { buildSignalReport, type SignalReport } from "./signal-report.js";
import type { SignalSectionProvider } from "./signal-section.js";

/** Where the signals come from; the command line and the running app give the same sources. */
export type SignalSources = {
  /** Every handoff (the report itself keeps to the shared ones). */
  handoffs(): Handoff[];
  /** How many questions were asked and could not be answered since a moment (the question log). */
  counts(since: Date): { asked: number; handedOff: number };
  /** Gemeenten and regions the network knows (roster, document metadata). */
  knownRegions(): string[];
  /** The region of an asker: from the roster, or from their own initiative in the gids. */
  regionOfAsker?(asker: { userId: string; channel: string }): string | undefined;
  /** Handoff steps that gave up after too many attempts ("vastgelopen"). */
  stuck?(): StuckDelivery[];
  /** Further parts of the report (the initiatievengids, introductions), in this order. */
  sections?: readonly SignalSectionProvider[];
};

/** The signals of the last `days` days. */
export function signalReportFor(sources: SignalSources, days: number, now = new Date()): SignalReport {
  const since = new Date(now.getTime() - days * 86_400_000);
  const report = buildSignalReport({
    since, now, handoffs: sources.handoffs(), counts: sources.counts(since),
    knownRegions: sources.knownRegions(), regionOfAsker: sources.regionOfAsker, stuck: sources.stuck?.() ?? [],
  });
  return { ...report, sections: (sources.sections ?? []).flatMap((section) => section(since, now) ?? []) };
}
