/** What the rule needs of a candidate: which profile, how much of the question it holds, whether it may be contacted. */
type Candidate = { profile: { id: string }; mass: number; contactable: boolean };

/**
 * Whether a profile nobody may contact fits what a question asks better than its lead: it is the best
 * candidate of the asking part, holding more of it than the lead, and of the whole question it holds at
 * least as much as the lead. The lead then shares the question's context more than what it asks
 * ("Sinds de bus niet meer door ons dorp rijdt … Wie heeft geregeld dat buren met een busje mensen naar de
 * dokter rijden?"), and is not offered in that one's place, as when the hidden one fits the whole question best.
 */
export function hiddenFitsAskingPart(whole: readonly Candidate[], asked: readonly Candidate[] | undefined, lead: Candidate): boolean {
  const best = asked?.[0];
  if (!best || best.contactable) return false;
  const massOf = (list: readonly Candidate[], id: string) => list.find((c) => c.profile.id === id)?.mass ?? 0;
  return massOf(asked!, lead.profile.id) < best.mass && massOf(whole, best.profile.id) >= lead.mass;
}
