/**
 * Particles a Dutch separable verb starts with ("meewerken", "opstellen", "terugtrekken",
 * "volhouden", "vrijmaken"). Such verbs are made freely, so a store often lacks the one a question
 * uses while it holds the verb without its particle, or the verb split as the sentence splits it
 * ("de gemeente werkt niet mee"): the verb after the particle is then the nearest word the store has.
 */
const PARTICLES = [
  "aan", "achter", "af", "bij", "dicht", "door", "in", "los", "mee", "mis", "na", "neer", "om", "onder", "op", "open",
  "over", "rond", "samen", "tegen", "terug", "thuis", "toe", "uit", "vast", "vol", "voor", "vrij", "weg",
].sort((a, b) => b.length - a.length);
/** The verb left after the particle is at least this long: "opeten" gives "eten", "uiten" gives nothing. */
const MIN_VERB = 4;

/**
 * The verb behind a separable verb form, without its particle ("meewerken" → "werken",
 * "terugtrekt" → "trekt"), or undefined when the word starts with no particle or too little is left.
 * The longest particle is tried first ("terug" before "te" would not matter, "onder" before "on").
 */
export function verbAfterParticle(word: string): string | undefined {
  for (const particle of PARTICLES) {
    if (!word.startsWith(particle)) continue;
    const verb = word.slice(particle.length).replace(/^-/, "");
    if (verb.length >= MIN_VERB && /^[a-zà-ÿ]+$/.test(verb)) return verb;
  }
  return undefined;
}
