import type { IntroRole } from "./introduction-types.js";
import { MAX_LESSON_CHARS } from "./lesson-machine.js";
import type { Lesson, LessonRejection } from "./lesson-types.js";
import { LESSON_EN } from "./lesson-texts-en.js";

/** Every text of the learning loop that people read, in plain Dutch, in one place. */
export const LESSON_NL = {
  /** The button after "Ja, het hielp" / "Niet echt". */
  button: "Deel wat je leerde",
  title: "Wat heb je geleerd?",
  intro: "Wil je in een paar zinnen vertellen wat je leerde of wat werkte? Dat mag, het hoeft niet. Schrijf geen namen van anderen op.",
  label: "Wat leerde je, wat werkte?",
  placeholder: "Bijvoorbeeld: begin klein, met twee vaste vrijwilligers en één vaste dag.",
  shareQuestion: "Mag dit naar de coördinatoren, als voorstel voor de kennisbank?",
  shareYes: "Ja, deel het (zonder mijn naam)",
  shareNo: "Nee, alleen voor mezelf",
  /** The web form's checkbox. */
  shareBox: "Deel dit met de coördinatoren, als voorstel voor de kennisbank (zonder mijn naam)",
  save: "Bewaren",
  cancel: "Annuleren",
  savedPrivate: "Dank je! Je les blijft bij jou: niemand anders ziet hem. Wil je hem later toch delen, druk dan nog eens op \"Deel wat je leerde\".",
  savedShared: "Dank je! De coördinatoren zien je les als voorstel voor de kennisbank, zonder je naam. Zij beslissen of hij erin komt.",
  unchanged: "Dat had ik al zo bewaard. Dank je!",
  /** Discord's second step: the modal has text fields only. */
  askShare: "Dank je, ik heb het bewaard (alleen voor jou). Mag het naar de coördinatoren, als voorstel voor de kennisbank?",
  refused: {
    not_in_introduction: "Dit formulier is niet voor jou bedoeld.",
    not_introduced: "Deze kennismaking is er niet van gekomen; er valt (nog) niets te delen.",
    empty: "Schrijf eerst in een paar zinnen wat je leerde.",
    too_long: `Dat is wat veel: houd het bij een paar zinnen (hooguit ${MAX_LESSON_CHARS} tekens).`,
    decided: "De coördinatoren hebben hier al over beslist; je les verandert niet meer.",
    not_proposed: "Deze les is (nog) niet gedeeld met de coördinatoren.",
    unknown: "Ik kan deze kennismaking niet (meer) vinden.",
  } satisfies Record<LessonRejection | "unknown", string>,
  // For the coordinators.
  accepted: (document: string | undefined) => (document ? `Toegevoegd aan de kennisbank als ${document}.` : "Aangenomen; hij wordt zo aan de kennisbank toegevoegd."),
  rejected: "Afgewezen; de les komt niet in de kennisbank.",
  alreadyDecided: "Hier is al over beslist.",
  onlyCoordinators: "Alleen coördinatoren zien en beoordelen de voorgestelde aanvullingen.",
  role: { asker: "de vrager", contact: "het benaderde initiatief" } satisfies Record<IntroRole, string>,
};

/** What the author of a lesson reads (the form, the replies), in their language. */
export type LessonTexts = Omit<typeof LESSON_NL, "accepted" | "rejected" | "alreadyDecided" | "onlyCoordinators" | "role">;

export function lessonTexts(language: "en" | undefined): LessonTexts {
  return language === "en" ? LESSON_EN : LESSON_NL;
}

/**
 * The knowledge document an accepted lesson becomes: where it comes from (an introduction between
 * initiatives, its theme and region), never who wrote it or whom they met.
 */
export function lessonDocument(lesson: Lesson): { title: string; body: string } {
  const about = [lesson.theme, lesson.region].filter(Boolean).join(", ");
  const title = `Geleerd uit een kennismaking tussen initiatieven${about ? ` (${about})` : ""}`;
  const facts = [lesson.theme ? `thema ${lesson.theme}` : undefined, lesson.region ? `regio ${lesson.region}` : undefined].filter(Boolean).join(", ");
  const body =
    `Via Vliegwiel kwamen twee initiatieven met elkaar in contact${facts ? ` (${facts})` : ""}. ` +
    `Dit schreef ${LESSON_NL.role[lesson.role]} daarna op over wat het leerde of wat werkte, en deelde het met de coördinatoren:\n\n${lesson.text}`;
  return { title, body };
}
