import type { SignalSection } from "../handoff/signal-section.js";

/** What the gids's part of the signals is made of. */
export type GidsCounts = {
  published: number;
  contactable: number;
  suggested: number;
  profiles: Array<{ themes: string[]; region?: string }>;
  /** One entry per initiative shown under an answer or in a list, in the period. */
  shown: Array<{ themes: string[]; region?: string }>;
};

const TOP = 8;

/** The gids in the signals: profiles per theme and region, and how often initiatives were suggested per theme and region. */
export function gidsSignalSection(counts: GidsCounts): SignalSection | undefined {
  if (!counts.published && !counts.suggested && !counts.shown.length) return undefined;
  const lines = [
    `${counts.published} ${counts.published === 1 ? "initiatief" : "initiatieven"} in de gids, waarvan ${counts.contactable} met een contactpersoon die benaderd mag worden` +
      (counts.suggested ? `; ${counts.suggested} voorstellen uit de documenten wachten op een coördinator` : ""),
  ];
  const per = (label: string, values: Map<string, number>) => {
    if (values.size) lines.push(`${label}: ${[...values].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "nl")).slice(0, TOP).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  };
  per("Initiatieven per thema", tally(counts.profiles.flatMap((p) => p.themes)));
  per("Initiatieven per gemeente of regio", tally(counts.profiles.map((p) => p.region ?? "onbekend")));
  lines.push(`Initiatieven voorgesteld aan vragers: ${counts.shown.length}×`);
  per("Voorgesteld per thema", tally(counts.shown.flatMap((s) => s.themes)));
  per("Voorgesteld per gemeente of regio", tally(counts.shown.map((s) => s.region ?? "onbekend")));
  return { title: "Initiatievengids", lines };
}

function tally(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
