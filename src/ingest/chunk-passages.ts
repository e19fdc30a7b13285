import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { PassageDraft } from "../core/types.js";
import type { TextBlock } from "./loaded-document.js";

export const PASSAGE_TARGET_CHARS = 1200;
const PASSAGE_OVERLAP_CHARS = 200;
/** Blocks shorter than this are joined to the next block on the same page (a heading with one line). */
const MIN_BLOCK_CHARS = 250;

const splitter = new RecursiveCharacterTextSplitter({
  chunkSize: PASSAGE_TARGET_CHARS,
  chunkOverlap: PASSAGE_OVERLAP_CHARS,
  separators: ["\n\n", "\n", ". ", "; ", ", ", " ", ""],
});

/**
 * Cuts blocks into passages of about PASSAGE_TARGET_CHARS with some overlap, so a sentence cut at a
 * boundary is still whole in one of the two passages. Each passage keeps its block's heading or page.
 */
export async function chunkPassages(blocks: readonly TextBlock[]): Promise<PassageDraft[]> {
  const passages: PassageDraft[] = [];
  for (const block of mergeShortBlocks(blocks)) {
    const pieces = block.text.length <= PASSAGE_TARGET_CHARS ? [block.text] : await splitter.splitText(block.text);
    for (const piece of pieces) {
      const text = piece.trim();
      if (/[\p{L}\p{N}]{2,}/u.test(text)) passages.push({ section: block.heading, page: block.page, text });
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
