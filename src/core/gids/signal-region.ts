/**
 * The region an initiative counts for in the signals: its gemeente, else its provincie, else its kern.
 * One rule for the gids's profiles, the suggestions shown and the introductions, so that their counts
 * per region line up (a profile with only a kern is not "onbekend" in one part and named in another).
 */
export function signalRegion(p: { place?: string; municipality?: string; province?: string }): string | undefined {
  return p.municipality ?? p.province ?? p.place;
}

/**
 * The region of an asker's own initiative (the first they are a member of) by the same rule: a handoff
 * of someone whose initiative has only a kern counts for that kern, as its profile does.
 */
export function ownInitiativeRegion(
  directory: { ofMember(user: { platform: string; userId: string }): Array<{ place?: string; municipality?: string; province?: string }> },
  user: { platform: string; userId: string },
): string | undefined {
  const own = directory.ofMember(user)[0];
  return own && signalRegion(own);
}
