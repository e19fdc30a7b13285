import { IngestError, type LoadedDocument } from "../loaded-document.js";
import { loadHtml } from "./load-html.js";
import { zipBombProblem } from "./zip-bomb-guard.js";

/** Word files via mammoth's HTML conversion, which keeps the document's headings. */
export async function loadDocx(bytes: Buffer): Promise<LoadedDocument> {
  const { default: mammoth } = await import("mammoth"); // loaded on first use, not by every command
  // Checked before mammoth unpacks it all in memory: a zip bomb would take the whole assistant down.
  const bomb = zipBombProblem(bytes);
  if (bomb) throw new IngestError(bomb);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new IngestError("geen leesbaar Word-bestand: het is beschadigd of is eigenlijk geen .docx", (error as Error).message.split("\n")[0]);
  }
  return loadHtml(`<html><body>${html}</body></html>`);
}
