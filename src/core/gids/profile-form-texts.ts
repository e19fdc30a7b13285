import type { InitiativeProfile, PlatformUser } from "./initiative.js";

/** What the profile modals say, in Dutch (the gids' own texts are part A's; these are the modals'). */
export const PROFILE_NL = {
  contactableQuestion: "Mogen anderen uit het netwerk jou benaderen?",
  contactableYes: "Ja, ik mag benaderd worden (ik kies per verzoek zelf)",
  contactableNo: "Nee, nu niet",
  saved: (profile: InitiativeProfile, user: PlatformUser) => {
    const me = profile.contacts.find((c) => c.handles[user.platform] === user.userId);
    const reach = me?.contactable
      ? "Anderen kunnen via Vliegwiel vragen of ze met je in contact mogen komen; je kiest per verzoek zelf."
      : "Niemand kan je via Vliegwiel benaderen, tot je \"mag benaderd worden\" aanzet.";
    return `Het profiel van ${profile.name} staat in de initiatievengids. ${reach} Aanpassen kan altijd met hetzelfde commando.`;
  },
  /** The form's fields, as the modals label them. */
  labels: {
    name: "Naam van het initiatief",
    place: "Kern of dorp",
    municipality: "Gemeente",
    province: "Provincie",
    where: "Kern of dorp, gemeente",
    themes: "Thema's",
    themesShort: "Thema's (met komma's)",
    themesHint: "Met komma's, bijvoorbeeld: energie, mobiliteit, zorg",
    description: "Wat doen jullie? (in jullie eigen woorden)",
    descriptionShort: "Wat doen jullie?",
    experience: "Waar hebben jullie ervaring mee?",
    experienceHint: "Waar anderen jullie over mogen vragen",
    seeking: "Waar zoeken jullie hulp bij?",
    website: "Website",
  },
  titleNew: "Initiatief toevoegen",
  titleEdit: "Jullie initiatief",
  save: "Opslaan",
  cancel: "Annuleren",
  savedShort: (name: string) => `Opgeslagen: ${name}.`,
  notSaved: (problems: string[]) => `Het profiel is nog niet opgeslagen:\n${problems.map((p) => `• ${p}`).join("\n")}\nGebruik /initiatief opnieuw om het aan te passen.`,
  discordStepTwo: "Mogen anderen uit het netwerk jou benaderen voor een kennismaking? Je kiest per verzoek zelf of het doorgaat.",
};
