import type { SearchHit } from "../types.js";

/**
 * Whether a hit is its document's opening passage (the title, a foreword, a summary) while a later
 * passage of the same document is among the hits read as well. An opening names what the whole
 * document is about ("Jaarverslag 2023 Energiecoöperatie Zon op Zandhove – een jaar van oogsten en
 * van wachten"), so it holds the question's subject words; what is asked about the subject (the
 * lessons, how it began, the opening hours) stands in the section that says so, further on.
 */
export function opensDocumentWithMoreRead(hit: SearchHit, read: readonly SearchHit[]): boolean {
  return hit.passage.ordinal === 0 && read.some((other) => other !== hit && other.document.id === hit.document.id);
}
