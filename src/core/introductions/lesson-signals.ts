import type { SignalSectionProvider } from "../handoff/signal-section.js";
import type { LessonRepository } from "./lesson-repository.js";

/**
 * The learning loop's part of the signals: lessons from introductions shared with the coordinators
 * and taken into the knowledge store, in total and per theme. Counts only; a lesson kept private is
 * not counted (its author did not share even that).
 */
export function lessonSection(repository: Pick<LessonRepository, "listSince">): SignalSectionProvider {
  return (since) => {
    const shared = repository.listSince(since.toISOString()).filter((l) => l.shared || l.status === "accepted" || l.status === "rejected");
    if (shared.length === 0) return undefined;
    const themes = new Map<string, { shared: number; accepted: number }>();
    const total = { shared: 0, accepted: 0 };
    for (const lesson of shared) {
      const theme = themes.get(lesson.theme ?? "overig") ?? { shared: 0, accepted: 0 };
      themes.set(lesson.theme ?? "overig", theme);
      for (const counts of [total, theme]) {
        counts.shared++;
        if (lesson.status === "accepted") counts.accepted++;
      }
    }
    const line = (c: { shared: number; accepted: number }) => `${c.shared} gedeeld, ${c.accepted} opgenomen in de kennisbank`;
    return {
      title: "Lessen uit kennismakingen",
      lines: [`totaal: ${line(total)}`, ...[...themes.entries()].sort((a, b) => b[1].shared - a[1].shared || a[0].localeCompare(b[0])).map(([t, c]) => `thema ${t}: ${line(c)}`)],
    };
  };
}
