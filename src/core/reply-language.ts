import { tokenize } from "./text/fold.js";
import { detectLanguage } from "./text/stopwords.js";
import { EN } from "./replies-en.js";
import { NL, type ReplyTexts } from "./replies-nl.js";

export type ReplyLanguage = "nl" | "en";

/** English small talk, which has too few words for the language guess. */
const ENGLISH_SMALL_TALK = /^(hi|hello|hey|thanks|thank you|thx|good (morning|afternoon|evening)|help|what can you do)\b/;

/** The language to answer in: English for a message in English, Dutch otherwise. */
export function replyLanguage(message: string): ReplyLanguage {
  const words = tokenize(message);
  if (words.length <= 3) return ENGLISH_SMALL_TALK.test(words.join(" ")) ? "en" : "nl";
  return detectLanguage(words);
}

/** The label of a button under a reply, in the reply's language (the action's name if it has none). */
export function actionLabel(action: string, language: ReplyLanguage | undefined): string {
  const texts = repliesIn(language) as Record<string, unknown>;
  return typeof texts[action] === "string" && ACTION_LABELS.has(action) ? (texts[action] as string) : action;
}

const ACTION_LABELS: ReadonlySet<string> = new Set(["feedback_up", "feedback_down", "ask_human", "share", "share_anonymous", "dont_share", "write_to_helper"]);

export function repliesIn(language: ReplyLanguage | undefined): ReplyTexts {
  return language === "en" ? EN : NL;
}
