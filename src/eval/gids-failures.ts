import type { GidsMatcher, MatchCandidate } from "../core/gids/initiative-matcher.js";
import type { GidsResult } from "./gids-check.js";

const SHOWN = 3;

/**
 * The misses of the matching check, one block each, for a maintainer who wants to know why: the
 * question, the best three candidates with their score and which of the question's words each held in
 * which field, and where the expected initiative ranked (and what it held), if it held anything.
 */
export function formatGidsFailures(matcher: GidsMatcher, results: readonly GidsResult[]): string {
  const blocks: string[] = [];
  for (const r of results.filter((x) => !x.passed)) {
    const q = r.question;
    const { candidates } = matcher.candidates(q.question, { region: q.region ?? undefined, exclude: q.own ? [q.own] : [] });
    const lines = [`MIS ${q.id} (${q.kind}) ${q.question}`, `  verwacht: ${q.expected.join(", ") || "(niets)"}; voorgesteld: ${r.suggested.join(", ") || "(niets)"}`];
    candidates.slice(0, SHOWN).forEach((c, i) => lines.push(`  ${i + 1}. ${describe(c)}`));
    for (const id of q.expected.slice(0, 2)) {
      const rank = candidates.findIndex((c) => c.profile.id === id);
      lines.push(rank < 0 ? `  verwacht ${id}: houdt niets van de vraag` : `  verwacht op ${rank + 1}: ${describe(candidates[rank]!)}`);
    }
    blocks.push(lines.join("\n"));
  }
  return blocks.length ? blocks.join("\n\n") : "Geen missers.";
}

function describe(c: MatchCandidate): string {
  const held = c.held.map((h) => `${h.word}${h.term && h.term !== h.word ? `→${h.term}` : ""}@${h.field ?? "?"}`).join(" ");
  return `${c.profile.id} score ${c.score.toFixed(3)} massa ${c.mass.toFixed(2)} [${held}]`;
}
