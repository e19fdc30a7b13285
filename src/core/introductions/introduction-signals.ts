import type { SignalSectionProvider } from "../handoff/signal-section.js";
import type { IntroductionRepository } from "./introduction-repository.js";
import type { Introduction } from "./introduction-types.js";

/** Introductions per theme and per region: asked, accepted, declined, expired, helped. */
export type IntroCounts = { asked: number; accepted: number; declined: number; expired: number; helped: number };
export type IntroductionSignals = {
  total: IntroCounts;
  themes: Array<{ theme: string } & IntroCounts>;
  regions: Array<{ region: string } & IntroCounts>;
};

const zero = (): IntroCounts => ({ asked: 0, accepted: 0, declined: 0, expired: 0, helped: 0 });

/**
 * Counts introductions that reached a contact (the asker chose what to pass on) since a moment, by
 * the initiative's theme and gemeente. "Helped" counts an introduction where either side said it did.
 * Names and questions are not part of it.
 */
export function introductionSignals(intros: readonly Introduction[], since: Date): IntroductionSignals {
  const total = zero();
  const themes = new Map<string, IntroCounts>();
  const regions = new Map<string, IntroCounts>();
  for (const intro of intros) {
    if (Date.parse(intro.createdAt) < since.getTime() || !intro.requestedAt) continue;
    const buckets = [total, bucket(themes, intro.theme ?? "overig"), bucket(regions, intro.region ?? "onbekend")];
    for (const counts of buckets) {
      counts.asked++;
      if (intro.status === "accepted" || intro.status === "withdrawn") counts.accepted++;
      if (intro.status === "declined") counts.declined++;
      if (intro.status === "expired") counts.expired++;
      if (intro.helped.asker === true || intro.helped.contact === true) counts.helped++;
    }
  }
  const sorted = <K extends string>(map: Map<string, IntroCounts>, key: K) =>
    [...map.entries()].sort((a, b) => b[1].asked - a[1].asked || a[0].localeCompare(b[0])).map(([name, counts]) => ({ [key]: name, ...counts }) as { [P in K]: string } & IntroCounts);
  return { total, themes: sorted(themes, "theme"), regions: sorted(regions, "region") };
}

function bucket(map: Map<string, IntroCounts>, key: string): IntroCounts {
  let counts = map.get(key);
  if (!counts) map.set(key, (counts = zero()));
  return counts;
}

/** The introductions' section of the signals report, in Dutch; nothing when there were none. */
export function introductionSection(repository: Pick<IntroductionRepository, "listSince">): SignalSectionProvider {
  return (since) => {
    const s = introductionSignals(repository.listSince(since.toISOString()), since);
    if (s.total.asked === 0) return undefined;
    const line = (c: IntroCounts) => `${c.asked} gevraagd, ${c.accepted} geaccepteerd, ${c.declined} liever niet, ${c.expired} zonder antwoord, ${c.helped} hielp`;
    return {
      title: "Kennismakingen via de initiatievengids",
      lines: [`totaal: ${line(s.total)}`, ...s.themes.map((t) => `thema ${t.theme}: ${line(t)}`), ...s.regions.map((r) => `${r.region}: ${line(r)}`)],
    };
  };
}
