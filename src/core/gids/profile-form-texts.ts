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
  discordStepTwo: "Mogen anderen uit het netwerk jou benaderen voor een kennismaking? Je kiest per verzoek zelf of het doorgaat.",
};
