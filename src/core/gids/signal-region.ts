/**
 * The region an initiative counts for in the signals: its gemeente, else its provincie, else its kern.
 * One rule for the gids's profiles, the suggestions shown and the introductions, so that their counts
 * per region line up (a profile with only a kern is not "onbekend" in one part and named in another).
 */
export function signalRegion(p: { place?: string; municipality?: string; province?: string }): string | undefined {
  return p.municipality ?? p.province ?? p.place;
}
