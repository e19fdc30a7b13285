import type { AskerNotice, Handoff, Person } from "./handoff-types.js";

/**
 * What an asker who asked in English reads at each step of a handoff. The team's side stays Dutch
 * (the network works in Dutch); the helper's answer is relayed as they wrote it.
 */
export function askerNoticeTextEn(notice: AskerNotice, handoff: Handoff, helper: string): string {
  const anonymously = handoff.sharing === "anonymous";
  switch (notice) {
    case "consent_request":
      return "May I pass your question on to the tolken and vrije actoren (the people who help in the network)? Only they see your question, with your name or anonymously, as you choose.";
    case "not_shared":
      return "Fine, I have not passed your question on. You can always ask again.";
    case "consent_expired":
      return "I got no answer to whether I could pass your question on, so I have not shared it. Feel free to ask again.";
    case "passing_on":
      return `Thank you! I am passing your question on${anonymously ? " anonymously" : ""} to the tolken; you will hear here as soon as it is with them.`;
    case "shared":
      return `Your question has been passed on${anonymously ? " (anonymously)" : ""}. As soon as someone picks it up, you will hear it here.`;
    case "claimed":
      return `${helper} has picked up your question. The answer will come here (people in the network write in Dutch).`;
    case "taking_longer":
      return "It is taking a while before someone picks up your question. The network's coordinator has been asked to help; you will hear it here.";
    case "resolved":
      return "Your question has been closed. Anything else? You can reopen it in the coming days.";
    case "reopened":
      return "Your question is open again; you will hear it here.";
    case "delivery_delayed":
      return "Passing your question on does not work right now. We will try again; you will hear here as soon as it is with the tolken.";
  }
}

/** A helper, as the English asker reads them: their name, or "a tolk from the network". */
export function helperNameEn(person: Person | undefined, showNames: boolean): string {
  return showNames && person ? person.name : "a tolk from the network";
}
