import type { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { PassageDraft } from "../core/types.js";
import { listIntroBefore } from "../core/text/list-lines.js";
import type { TextBlock } from "./loaded-document.js";

/**
 * Version of how documents are read and cut into passages. Raise it when loading or chunking changes:
 * every document's hash changes with it, so the next run of the knowledge folder cuts them anew.
 */
export const PASSAGE_FORMAT_VERSION = 10;
export const PASSAGE_TARGET_CHARS = 1200;
const PASSAGE_OVERLAP_CHARS = 200;
/** Blocks shorter than this are joined to the next block on the same page (a heading with one line). */
const MIN_BLOCK_CHARS = 250;

/** Loaded on first use: the library takes about a second to load, and a question never needs it. */
let splitter: Promise<RecursiveCharacterTextSplitter> | undefined;
const getSplitter = () =>
  (splitter ??= import("@langchain/textsplitters").then(({ RecursiveCharacterTextSplitter }) => new RecursiveCharacterTextSplitter({
    chunkSize: PASSAGE_TARGET_CHARS,
    chunkOverlap: PASSAGE_OVERLAP_CHARS,
    separators: ["\n\n", "\n", ". ", "; ", ", ", " ", ""],
  })));

/**
 * Cuts blocks into passages of about PASSAGE_TARGET_CHARS with some overlap, so a sentence cut at a
 * boundary is still whole in one of the two passages. Each passage keeps its block's heading or page,
 * and a passage that starts inside a list starts with the line that announces the list, which says
 * what the items are ("Functies voor het samenwerkingsverband:").
 */
export async function chunkPassages(blocks: readonly TextBlock[]): Promise<PassageDraft[]> {
  const passages: PassageDraft[] = [];
  for (const block of mergeShortBlocks(blocks)) {
    const pieces = block.text.length <= PASSAGE_TARGET_CHARS ? [block.text] : await (await getSplitter()).splitText(block.text);
    let searchFrom = 0;
    for (const piece of pieces) {
      const text = piece.trim();
      if (!/[\p{L}\p{N}]{2,}/u.test(text)) continue;
      const at = block.text.indexOf(text, searchFrom);
      if (at >= 0) searchFrom = at + 1;
      const intro = at > 0 ? listIntroBefore(block.text, at) : undefined;
      passages.push({ section: block.heading, page: block.page, text: intro ? `${intro}\n\n${text}` : text });
    }
  }
  return passages;
}

function mergeShortBlocks(blocks: readonly TextBlock[]): TextBlock[] {
  const merged: TextBlock[] = [];
  let pending: TextBlock | undefined;
  for (const block of blocks) {
    if (pending && pending.page === block.page) {
      pending = { heading: pending.heading ?? block.heading, page: block.page, text: `${pending.text}\n\n${block.text}` };
    } else {
      if (pending) merged.push(pending);
      pending = { ...block };
    }
    if (pending.text.length >= MIN_BLOCK_CHARS) {
      merged.push(pending);
      pending = undefined;
    }
  }
  if (pending) merged.push(pending);
  return merged;
}
