import type { ReplyTexts } from "./replies-nl.js";

/**
 * What the assistant says to someone who asks in English. The knowledge itself stays Dutch (quotes
 * and source titles), so the answer says so.
 */
export const EN: ReplyTexts = {
  greeting:
    "Hi! I'm Vliegwiel. Ask me anything about your residents' initiative, for example about funding, working with the municipality or volunteers. I look it up in reports and proven approaches of other initiatives (in Dutch).",
  thanks: "You're welcome! Feel free to ask more.",
  help: [
    "How I work:",
    "• Ask your question in your own words, in English or Dutch.",
    "• I answer with passages from reports, toolkits and proven approaches (in Dutch), always with the source.",
    "• If the answer is not in the knowledge base, or you would rather talk to a person, a tolk or vrije actor (a connector in the network) can help you.",
  ].join("\n"),
  empty: "I don't see a question in your message. What would you like to know?",
  handoffNotInKnowledge:
    "I can't find a good answer to this in the knowledge base, and I don't want to guess. A tolk or vrije actor (a person in the network) can help you further.",
  handoffLiveFacts:
    "This is about current details (such as who does something now, or contact details). The knowledge base does not hold those reliably. A tolk or vrije actor can help you further.",
  handoffAskedForHuman: "Of course. A tolk or vrije actor (a person in the network) can help you further.",
  handoffPartialFindings: "What I did find, in case it helps:",
  shortened: (max: number) => `Your message was very long; I used the first ${max} characters.`,
  generationUnavailable: "(The language model did not respond in time; this answer comes straight from the knowledge base.)",
  generationOverBudget: "(The language model's daily budget is used up; this answer comes straight from the knowledge base.)",
  answerIntro: "This is what I found in the knowledge base (the sources are in Dutch):",
  answerUnclear: "This is what I found in the knowledge base (in Dutch), but it gives no clear answer.",
  datedDetail: "Note: details like these change. Check the source to see whether they still hold, or ask a person.",
  sourcesLabel: "Sources:",
  furtherReadingLabel: "Read more:",
  askHumanAgain: "Of course, a person will gladly take a look.",
  consentRequest:
    "May I pass your question on to the tolken and vrije actoren (the people who help in the network)? Only they see your question, with your name or anonymously, as you choose.",
  unavailable: "Something went wrong on my side. Please try again in a moment; if it still fails, a person in the network will help you.",
  handoffBadge: "This question goes to a person (a tolk or vrije actor)",
  feedback_up: "Helpful",
  feedback_down: "Not helpful",
  ask_human: "Ask a person",
  share: "Yes, share my question",
  share_anonymous: "Share anonymously",
  dont_share: "Don't share",
  write_to_helper: "Add something",
};
