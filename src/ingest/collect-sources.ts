import fs from "node:fs";
import path from "node:path";
import { METADATA_FILE } from "./metadata-file.js";
import { VOCABULARY_FILES } from "./vocabulary-files.js";

/** Files that live in the knowledge folder but are not knowledge (hidden files, metadata, vocabulary, README). */
export function isHousekeeping(name: string): boolean {
  return name.startsWith(".") || name === METADATA_FILE || VOCABULARY_FILES.includes(name) || /^readme(\.|$)/i.test(name);
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Expands folders into the files below them; URLs and single files pass through. Missing paths throw. */
export function collectSources(inputs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (isHousekeeping(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(full);
    }
  };
  for (const input of inputs) {
    if (isUrl(input)) {
      found.push(input);
      continue;
    }
    const full = path.resolve(input);
    if (!fs.existsSync(full)) throw new Error(`${input}: bestand of map bestaat niet`);
    if (fs.statSync(full).isDirectory()) walk(full);
    else if (fs.statSync(full).isFile()) found.push(full);
    else throw new Error(NOT_A_FILE(input));
  }
  return [...new Set(found)];
}

/** A pipe, socket or device given as a document: reading it would never end. */
export const NOT_A_FILE = (input: string) => `${input}: dit is geen gewoon bestand (maar een pipe of apparaat); geef een bestand of map`;

export const OUTSIDE_FOLDER = "staat buiten de kennismap; kopieer het erin en lees het in met: npm run kennis -- add <bestand>";

/** Whether a source may be read in where it is: a web address, or a file or folder in the knowledge folder. */
export function isInsideFolder(source: string, knowledgeDir: string): boolean {
  if (isUrl(source)) return true;
  const relative = path.relative(path.resolve(knowledgeDir), path.resolve(source));
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** A document's id: its path relative to the knowledge folder when inside it, else its absolute path or URL. */
export function documentIdFor(source: string, knowledgeDir: string): string {
  if (isUrl(source)) return source;
  const relative = path.relative(knowledgeDir, source);
  if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
  return source;
}

/** Where a stored document's source is expected to be, or undefined for web pages. */
export function sourcePathFor(documentId: string, knowledgeDir: string): string | undefined {
  if (isUrl(documentId)) return undefined;
  return path.isAbsolute(documentId) ? documentId : path.join(knowledgeDir, documentId);
}

/**
 * Control characters (a newline, a tab) and invisible format marks (direction marks, zero-width spaces) in a
 * file name: they would stand unseen in the document's id, its source label and `kennis -- list`.
 */
const UNSEEN_IN_NAME = /[\p{Cc}\p{Cf}]/gu;

/** Why a file name with such characters is refused, in Dutch (those characters shown as "?"); undefined for a plain name. */
export function unseenCharactersProblem(name: string): string | undefined {
  const shown = name.replace(UNSEEN_IN_NAME, "?");
  if (shown === name) return undefined;
  return `"${shown}": de naam bevat een regeleinde of onzichtbare tekens (zoals een richtingsteken); geef het bestand een gewone naam.`;
}

/** Why a document may not take this name in the knowledge folder, in Dutch; undefined when it may. */
export function reservedNameProblem(name: string): string | undefined {
  const unseen = unseenCharactersProblem(name);
  if (unseen || !isHousekeeping(name)) return unseen;
  return `"${name}" is een vaste naam in de kennismap (instellingen, woordenlijsten of uitleg, geen document); geef het document een andere naam.`;
}
