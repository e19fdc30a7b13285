/**
 * The labels of the buttons under a reply, and the line that says a question goes to a person, in the
 * asker's language (Reply.language): an English asker reads the interface in English, on every channel.
 */
const LABELS: Record<"nl" | "en", Record<string, string>> = {
  nl: {
    feedback_up: "Nuttig",
    feedback_down: "Niet nuttig",
    ask_human: "Vraag een mens",
    share: "Ja, deel mijn vraag",
    share_anonymous: "Deel anoniem",
    dont_share: "Niet delen",
    write_to_helper: "Nog iets doorgeven",
  },
  en: {
    feedback_up: "Useful",
    feedback_down: "Not useful",
    ask_human: "Ask a person",
    share: "Yes, share my question",
    share_anonymous: "Share anonymously",
    dont_share: "Don't share",
    write_to_helper: "Add something",
  },
};

const HANDOFF_HEADLINE = { nl: "Deze vraag gaat naar een mens (tolk of vrije actor)", en: "This question goes to a person (an interpreter or a free agent)" };
const SOURCES = { nl: "Bronnen", en: "Sources" };

export function buttonLabel(action: string, language: "nl" | "en" = "nl"): string | undefined {
  return LABELS[language][action] ?? LABELS.nl[action];
}

export function handoffHeadline(language: "nl" | "en" = "nl"): string {
  return HANDOFF_HEADLINE[language];
}

export function sourcesHeading(language: "nl" | "en" = "nl"): string {
  return SOURCES[language];
}
