import type { EvalMetrics } from "./metrics.js";

const COLUMNS = ["", "vragen", "recall@5", "MRR@10", "handoff onbeantw.", "onterechte handoff", "antwoord bevat tekst"];

/** A fixed-width table of metrics per group, as `npm run eval` prints it. */
export function formatMetricsTable(groups: ReadonlyArray<[string, EvalMetrics]>): string {
  const pct = (x: number) => (Number.isNaN(x) ? "  -" : x.toFixed(3));
  const rows = [
    COLUMNS,
    ...groups.map(([name, m]) => [
      name, String(m.answerable + m.unanswerable), pct(m.recallAt5), pct(m.mrrAt10),
      pct(m.handoffOnUnanswerable), pct(m.falseHandoff), pct(m.answerHoldsExpected),
    ]),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)) + 2);
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("").trimEnd()).join("\n");
}
