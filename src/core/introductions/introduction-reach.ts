import type { Introduction } from "./introduction-types.js";

/**
 * How two people on different platforms reach each other after an introduction. A user id of another
 * platform is of no use to someone who is not there, and an asker in the web chat has no handle at all:
 * so the asker gets the contact's name, the platform to look for them on and the initiative's website
 * (when its profile has one), and is told honestly who takes the first step.
 */

const PLATFORMS_NL: Record<string, string> = { slack: "Slack", discord: "Discord", web: "de webchat van Vliegwiel" };
const PLATFORMS_EN: Record<string, string> = { slack: "Slack", discord: "Discord", web: "Vliegwiel's web chat" };
const platformNl = (p: string) => PLATFORMS_NL[p] ?? p;
const platformEn = (p: string) => PLATFORMS_EN[p] ?? p;

/** What the asker reads about reaching the contact (Dutch). */
export function reachContactNl(intro: Introduction): string {
  const { contact, asker } = intro;
  const site = intro.initiativeWebsite ? ` Je bereikt ${intro.initiativeName} ook via hun website: ${intro.initiativeWebsite}` : "";
  if (asker.platform === "web") {
    return `${contact.name} zit op ${platformNl(contact.platform)}, niet in deze chat, en kan jou hier niet bereiken: de eerste stap is aan jou. Ben je ook op ${platformNl(contact.platform)}, zoek daar dan naar ${contact.name}.${site}${site ? "." : ""} ${contact.name} kent je vraag en weet dat je contact zoekt.`;
  }
  return `Je vindt ${contact.name} op ${platformNl(contact.platform)} (gebruiker ${contact.userId}); ${contact.name} heeft ook jouw naam op ${platformNl(asker.platform)} gekregen.${site}${site ? "." : ""}`;
}

/** What the asker reads about reaching the contact (English). */
export function reachContactEn(intro: Introduction): string {
  const { contact, asker } = intro;
  const site = intro.initiativeWebsite ? ` You can also reach ${intro.initiativeName} through their website: ${intro.initiativeWebsite}` : "";
  if (asker.platform === "web") {
    return `${contact.name} is on ${platformEn(contact.platform)}, not in this chat, and cannot reach you here: the first step is yours. If you are on ${platformEn(contact.platform)} too, look for ${contact.name} there.${site}${site ? "." : ""} ${contact.name} knows your question and that you would like to get in touch.`;
  }
  return `You can find ${contact.name} on ${platformEn(contact.platform)} (user ${contact.userId}); ${contact.name} has your name on ${platformEn(asker.platform)} too.${site}${site ? "." : ""}`;
}

/** What the contact reads about the asker, in Dutch (the network works in Dutch). */
export function reachAskerNl(intro: Introduction): string {
  const { asker } = intro;
  const english = asker.language === "en" ? ` ${asker.name} schreef in het Engels.` : "";
  if (asker.platform === "web") {
    const what = intro.initiativeWebsite ? `jouw naam en de website van ${intro.initiativeName}` : "jouw naam";
    return `${asker.name} stelde de vraag in de webchat van Vliegwiel; daar kun je ${asker.name} zelf geen bericht sturen. ${asker.name} heeft ${what} gekregen en neemt zelf contact met je op.${english}`;
  }
  return `Je vindt ${asker.name} op ${platformNl(asker.platform)} (gebruiker ${asker.userId}).${english}`;
}
