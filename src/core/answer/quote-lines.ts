import type { AnalysedSentence } from "../retrieval/passage-sentences.js";
import { announcesCount } from "./continuation.js";

/** What kind of line a sentence of a quote is, as far as where a quote stops goes. */

/** A short line without closing punctuation: a heading or a title inside the text ("Nederland Zorgt voor Elkaar (NLZVE)"). */
export const isHeadingLike = (text: string) => !/[.!?:;)"”]$/.test(text) && text.split(/\s+/).length <= 14;
/** A line that announces what follows: it ends in a colon or a question mark, or it is a heading, or it announces a count of things. */
export const announces = (text: string) => /[:?][*_]*$/.test(text) || isHeadingLike(text) || announcesCount(text);
/** A sentence that ends in a colon: what follows is its list ("De meest genoemde lessen:"). */
export const opensList = (text: string) => /:[*_]*$/.test(text);
/** The characters a run of sentences takes when quoted as one piece (a space after each). */
export const quoteLength = (sentences: readonly AnalysedSentence[]) => sentences.reduce((sum, s) => sum + s.text.length + 1, 0);
