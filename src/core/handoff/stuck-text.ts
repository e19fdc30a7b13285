import type { StuckDelivery } from "./handoff-repository.js";

const STEP_NL: Record<string, string> = {
  open_thread: "de vraag in het tolkenkanaal zetten",
  update_thread: "de kop van de draad bijwerken",
  relay_to_asker: "het antwoord naar de vrager sturen",
  add_to_knowledge: "het antwoord aan de kennisbank toevoegen",
};

/** A stuck step in plain Dutch: "het antwoord naar de vrager sturen (slack): is_archived". */
export function stuckText(stuck: StuckDelivery): string {
  const [type, detail] = stuck.step.split(":");
  const step = STEP_NL[type!] ?? (type === "tell_asker" ? "een bericht aan de vrager" : type === "post_in_thread" ? "een bericht in de draad" : type === "timer" ? `de ${detail === "reminder" ? "herinnering" : "toestemmingstermijn"}` : stuck.step);
  return `${step} (${stuck.channel}, ${stuck.attempts} pogingen): ${stuck.lastError}`;
}
