import type { IncomingMessage } from "../channel.js";
import type { Reply } from "../reply.js";
import { askerOf, listFromGids, suggestionsFor, type GidsAccess } from "./gids-answers.js";
import { SUGGESTION_TEXTS, suggestionLine, whereOf, type SuggestedInitiative } from "./suggestion.js";

/** Replies that come from a search and may carry initiatives (not greetings, not a request for a person). */
const SUGGESTS_UNDER = new Set(["answerable", "generated", "not-in-knowledge", "live-facts"]);

/**
 * A direct question to the gids answered from it: a list of fitting initiatives with place, gemeente and
 * the matching experience. Undefined when the question is not one, or the gids has none that fits (then
 * the documents answer, with a remark that the gids had none).
 */
export function answerFromGids(gids: GidsAccess, message: IncomingMessage, text: string, language: "nl" | "en"): { reply?: Reply; noneInGids: boolean } {
  // An empty gids (not yet filled in) says nothing, rather than "none fits" under every such question.
  if (!gids.matcher.suggestable().length) return { noneInGids: false };
  const asker = askerOf(gids, { platform: message.channel, userId: message.userId }, text);
  const listed = listFromGids(gids, text, asker);
  if (!listed) return { noneInGids: false };
  if (!listed.length) return { noneInGids: true };
  gids.shown?.({ channel: message.channel, initiatives: listed, region: asker.region });
  const T = SUGGESTION_TEXTS[language];
  const lines = listed.map((s) => `• ${s.name}${whereOf(s) ? ` (${whereOf(s)})` : ""}${s.because ? ` — ${s.because}` : ""}`);
  return {
    noneInGids: false,
    reply: {
      kind: "answer", decision: "answer", reason: "gids", text: [T.listing(listed.length), ...lines].join("\n"),
      sources: [], furtherReading: [], passages: [], confidence: 1, initiatives: listed, language,
    },
  };
}

/** The reply with at most three initiatives that did what is asked, when it answers or hands off a question. */
export function withSuggestions(gids: GidsAccess, reply: Reply, message: IncomingMessage, text: string): Reply {
  if (!SUGGESTS_UNDER.has(reply.reason)) return reply;
  const asker = askerOf(gids, { platform: message.channel, userId: message.userId }, text);
  const initiatives = suggestionsFor(gids, text, asker);
  if (!initiatives.length) return reply;
  gids.shown?.({ channel: message.channel, initiatives, region: asker.region });
  return { ...reply, initiatives };
}

/** The suggestions as plain lines under an answer (for channels that render text only). */
export function suggestionsText(initiatives: readonly SuggestedInitiative[] | undefined, language: "nl" | "en" = "nl"): string {
  if (!initiatives?.length) return "";
  return [SUGGESTION_TEXTS[language].heading, ...initiatives.map((s) => `• ${suggestionLine(s)}`)].join("\n");
}
