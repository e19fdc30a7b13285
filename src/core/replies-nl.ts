/** Everything the assistant says to people, in plain Dutch, in one place. */
export const NL = {
  greeting:
    "Hoi! Ik ben Vliegwiel. Stel me een vraag over jullie bewonersinitiatief, bijvoorbeeld over geld, samenwerken met de gemeente of vrijwilligers. Ik zoek het op in verslagen en bewezen aanpakken van andere initiatieven.",
  thanks: "Graag gedaan! Vraag gerust verder.",
  help: [
    "Zo werk ik:",
    "• Stel je vraag gewoon in je eigen woorden.",
    "• Ik antwoord met stukjes uit verslagen, toolkits en bewezen aanpakken, steeds met de bron erbij.",
    "• Staat het antwoord niet in de kennisbank, of wil je liever een mens spreken? Dan kan een tolk of vrije actor je verder helpen.",
  ].join("\n"),
  empty: "Ik zie geen vraag in je bericht. Wat wil je weten?",
  handoffNotInKnowledge:
    "Hier vind ik geen goed antwoord op in de kennisbank, en ik wil niet gokken. Een tolk of vrije actor uit het netwerk kan je verder helpen.",
  handoffLiveFacts:
    "Dit gaat over actuele gegevens (zoals wie iets nu doet of contactgegevens). Die staan niet betrouwbaar in de kennisbank. Een tolk of vrije actor kan je verder helpen.",
  handoffAskedForHuman: "Natuurlijk. Een tolk of vrije actor uit het netwerk kan je verder helpen.",
  handoffPartialFindings: "Wat ik wel vond, misschien heb je er iets aan:",
  shortened: (max: number) => `Je bericht was erg lang; ik heb de eerste ${max} tekens gebruikt.`,
  generationUnavailable: "(Het taalmodel reageerde niet op tijd; dit antwoord komt rechtstreeks uit de kennisbank.)",
  generationOverBudget: "(Het dagbudget voor het taalmodel is op; dit antwoord komt rechtstreeks uit de kennisbank.)",
  answerIntro: "Dit vond ik erover in de kennisbank:",
  answerUnclear: "Dit vond ik erover in de kennisbank, maar zonder duidelijk antwoord.",
  datedDetail: "Let op: zulke gegevens veranderen. Kijk op de bron na of ze nog kloppen, of vraag het een mens.",
  sourcesLabel: "Bronnen:",
  furtherReadingLabel: "Meer lezen:",
  askHumanAgain: "Natuurlijk, een mens kijkt graag mee.",
  consentRequest:
    "Mag ik je vraag doorgeven aan de tolken en vrije actoren van het netwerk? Alleen zij zien je vraag, met je naam of anoniem, zoals jij kiest.",
  unavailable: "Er ging bij mij iets mis. Probeer het zo nog eens; lukt het dan nog niet, dan helpt een mens uit het netwerk je verder.",
  handoffBadge: "Deze vraag gaat naar een mens (tolk of vrije actor)",
  // Button labels, per action (channels show them under a reply).
  feedback_up: "Nuttig",
  feedback_down: "Niet nuttig",
  ask_human: "Vraag een mens",
  share: "Ja, deel mijn vraag",
  share_anonymous: "Deel anoniem",
  dont_share: "Niet delen",
  write_to_helper: "Nog iets doorgeven",
};

/** The texts of one language, as the core uses them. */
export type ReplyTexts = { [K in keyof typeof NL]: (typeof NL)[K] extends (...args: infer A) => string ? (...args: A) => string : string };
