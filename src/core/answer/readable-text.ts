import { BULLET_PREFIX, introducesList, isListLine } from "../text/list-lines.js";
import { repairOcrText } from "../text/ocr-repair.js";
import { labelTableRows } from "./table-rows.js";

/**
 * Turns stored passage text (often OCR output with broken lines, stray glyphs and bullet letters)
 * into clean sentences a person can read, with OCR-damaged words repaired where the Dutch dictionary
 * is sure ("codperatie" → coöperatie). The stored text itself stays as it is.
 */
export function readableSentences(text: string, options: { repairOcr?: boolean } = {}): string[] {
  const clean = options.repairOcr === false ? tidyText : tidy;
  const lines = joinShortLists(labelTableRows(text.split("\n").map((line) => keepSingleLetters(line.trim()))))
    .filter((line, i, all) => !isNoise(line) || endsOpenLine(line, all.slice(0, i).findLast((l) => l !== "")))
    .map(stripBullet);
  const sentences: string[] = [];
  let paragraph = "";
  const flush = () => {
    // A piece of punctuation alone (". " left of a slide's "— . Broodfonds") is no sentence to join to the next.
    const pieces = splitSentences(paragraph).map(clean).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
    for (const sentence of withShortOnesJoined(pieces)) sentences.push(sentence);
    paragraph = "";
  };
  let blank = false;
  for (const [i, line] of lines.entries()) {
    if (!line.text) {
      blank = true;
      continue;
    }
    // A heading on a line of its own inside a passage (a PDF's smaller subheading) is not the start of
    // the sentence under it: it stands alone (kept when long enough to say something, as headings are).
    if ((!paragraph || blank) && isSubheading(line, lines.slice(i + 1).find((l) => l.text))) {
      flush();
      paragraph = line.text;
      flush();
      blank = true;
      continue;
    }
    // A blank line inside a sentence (OCR cuts lines apart): a line going on in lower case continues it.
    if ((blank && !runsOn(paragraph, line)) || line.bullet) flush();
    blank = false;
    paragraph = paragraph ? `${paragraph} ${line.text}` : line.text;
  }
  flush();
  return sentences.filter((s) => wordCount(s) >= MIN_WORDS).map((s) => s.replace(ITEM_BREAKS, "\n").replace(LETTER_KEPT, ""));
}

/**
 * A capital letter standing alone between two words of one line is part of the text ("rijbewijs B
 * hebben", "plan B uitwerken", "bijlage C laat zien"), not OCR debris as a stray letter at a line's end
 * or start is ("verbindingen X" / "leggen"): it is marked so the debris filter keeps it.
 */
const LETTER_KEPT = /\uE001/g;
function keepSingleLetters(line: string): string {
  return line.replace(/(?<=\p{Ll}{3} )([B-DF-HJ-NP-TV-Z])(?= \p{Ll}{2})/gu, "$1\uE001");
}

/**
 * A line of one short word that ends the sentence the line before it left open ("Om chauffeur te worden
 * moet" / "je:") is text, however few its letters.
 */
function endsOpenLine(line: string, before: string | undefined): boolean {
  const word = /^(\p{Ll}{1,4})[:.,;]?$/u.exec(line)?.[1];
  return !!word && COMMON_SHORT.has(word) && !!before && /\p{Ll}$/u.test(before);
}

/** Words a line that wraps on often ends with; a heading does not. */
const OPEN_ENDING = /\s(de|het|een|en|of|van|in|op|met|voor|via|bij|aan|te|om|tot|naar|door|over|uit|als|dat|die|zijn|is|wordt|kan|moet)$/i;

/**
 * A short line with no closing punctuation, starting a paragraph and followed by a line that starts
 * with a capital and goes on for a while: a subheading ("Dienstregeling" above "De bus rijdt …"), not
 * words of that sentence.
 * (A markdown heading is kept as the documents' own heading, as before.)
 */
function isSubheading(line: Line, next: Line | undefined): boolean {
  if (line.bullet || line.marked || !next || next.bullet || !/^[\p{Lu}\d]/u.test(line.text) || !/^\p{Lu}/u.test(next.text)) return false;
  if (/[.!?:;,]$/.test(line.text) || OPEN_ENDING.test(line.text)) return false;
  // A run of short lines (a slide's list: "Groengroepen", "Broodfonds", …) is a list, not headings.
  return wordCount(line.text) <= 8 && wordCount(next.text) >= 5;
}

/** Where a short list's items are cut while its lines are read as one sentence: they are shown on lines of their own. */
const ITEM_BREAK = "\uE000 ";
const ITEM_BREAKS = /\s*\uE000\s*/g;

const MIN_WORDS = 4;
const wordCount = (text: string) => text.split(" ").length;

/** Whether a line goes on with the sentence the paragraph left open: it starts in lower case after a long unfinished sentence. */
function runsOn(paragraph: string, line: { text: string; bullet: boolean }): boolean {
  if (line.bullet || !/^\p{Ll}/u.test(line.text) || !/\p{Ll}$/u.test(paragraph)) return false;
  const lastEnd = Math.max(paragraph.lastIndexOf("."), paragraph.lastIndexOf("!"), paragraph.lastIndexOf("?"));
  return wordCount(paragraph.slice(lastEnd + 1).trim()) >= 6;
}

/**
 * Very short sentences ("Verbinden. Zorgen dat …", "Halen en brengen. Initiatieven helpen elkaar.")
 * are kept with the sentence after them in their paragraph (the last one with the one before it), so
 * what they say is not lost; a short line standing alone (a heading, debris) is still left out.
 */
function withShortOnesJoined(pieces: readonly string[]): string[] {
  const joined: string[] = [];
  let pending = "";
  for (const piece of pieces.filter(Boolean)) {
    const text = pending ? `${pending} ${piece}` : piece;
    pending = wordCount(piece) < MIN_WORDS ? text : "";
    if (!pending) joined.push(text);
  }
  if (pending && joined.length && wordCount(pending) < MIN_WORDS) joined[joined.length - 1] = `${joined.at(-1)} ${pending}`;
  else if (pending) joined.push(pending);
  return joined;
}

/**
 * A list of short one-line items under the line that announces it ("Functies:", "Nieuwsbrief",
 * "Meetings", …) becomes one sentence, "Functies:\nNieuwsbrief\nMeetings\n…", so that it is scored and
 * quoted whole, an item a line as in the document. Items that run over several lines are sentences of their own.
 */
function joinShortLists(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const items: string[] = [];
    let next = i + 1;
    if (introducesList(line)) {
      let blankBefore = false;
      let spaced = false;
      for (; next < lines.length; next++) {
        const item = lines[next]!;
        if (item === "") {
          blankBefore = true;
          continue;
        }
        // A list whose first items stand line under line ends at its first blank line (what follows is the next block).
        if (items.length >= 2 && blankBefore && !spaced) break;
        if (items.length === 1) spaced = blankBefore;
        blankBefore = false;
        if (isOcrScrap(item)) continue; // a lone OCR'd bullet ("O", "m") is no item
        const runsOn = (lines[next + 1] ?? "") !== "" && !BULLET_PREFIX.test(lines[next + 1]!);
        if (!isListLine(item) || runsOn) break;
        items.push(item.replace(BULLET_PREFIX, "").replace(/[.,;]+$/, ""));
      }
    }
    if (items.length < 2) {
      joined.push(line);
      continue;
    }
    joined.push(`${line} ${ITEM_BREAK}${items.join(` ${ITEM_BREAK}`)}.`, "");
    i = next - 1;
  }
  return joined;
}

/** A line of fewer than two letters: an OCR'd bullet or mark, not an item. */
function isOcrScrap(line: string): boolean {
  return (line.match(/\p{L}/gu) ?? []).length < 2;
}

function stripBullet(line: string): Line {
  const bullet = BULLET_PREFIX.test(line);
  return { text: line.replace(BULLET_PREFIX, "").replace(/^[#>]+\s*/, "").replace(/\*\*|__/g, ""), bullet, marked: /^[#>]/.test(line) };
}

/** A line of a passage: its text without bullet or markup, whether it was a list item, and whether a markdown heading or quote. */
type Line = { text: string; bullet: boolean; marked: boolean };

/**
 * OCR debris: very short lines, or lines that are mostly neither letters nor digits ("Groeiend in 2018
 * naar 20 leden" is a line, ".'g\"‘." is not). Spaces do not count either way.
 */
function isNoise(line: string): boolean {
  if (!line) return false;
  const letters = (line.match(/\p{L}/gu) ?? []).length;
  if (letters < 3) return true;
  const digits = (line.match(/\p{N}/gu) ?? []).length;
  return (letters + digits) / line.replace(/\s/g, "").length < 0.6;
}

/**
 * Sentences of a paragraph: cut after . ! ? before a capital, but not after the number of a numbered
 * item ("gaat over: 1. Welke vormen …"), which belongs to what follows it.
 */
function splitSentences(paragraph: string): string[] {
  const pieces = paragraph
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“‘(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const last = sentences.at(-1);
    if (last !== undefined && ITEM_NUMBER_AT_END.test(last)) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

const ITEM_NUMBER_AT_END = /(?:^|[\s:(])\d{1,2}\.$/u;

/** Characters OCR leaves behind from stains, stamps and bullets; real words seldom hold them. */
const JUNK_CHARS = /[#&'"‘’“”`^~|\\{}<>_¢§]/;

/** Dutch words with an apostrophe for a dropped letter: 's avonds, 't dorp, 'n keer, m'n, z'n, d'r. */
const ELIDED = /^(?:['’](?:s|t|n)(?:-\p{Lu}\p{L}*)?|[mzd]['’][nr])[.,;:!?]?$/iu;

/** A short word opening a quotation ("De speeltuin …"), or two letters in or closing one (*vrijwilligerswerk is”.*, *“ja”*). */
const QUOTED_WORD = /^["“‘]\p{Lu}\p{Ll}+[.,;:!?]?$|^["“‘']?\p{L}{2}["”’']+[.,;:!?]?$|^["“‘']\p{L}{2}[.,;:!?]?$/u;

/** Three letters first: a word, whatever follows (most tokens; decided without counting). */
const STARTS_AS_WORD = /^\p{L}{3}/u;

/** Two or more characters, none a letter or digit; dashes, dots and brackets alone are punctuation ("–", "…", "(...)"). */
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]{2,}$/u;
const DASHES_AND_DOTS = /^[-–—.…()[\]]+$/;
/** An o or e standing alone: a bullet OCR read as a letter ("o Eigenaarschap", "… (onbegrensd); o"); no Dutch word. */
const LONE_BULLET_LETTER = /^[oeOE]$/;

/** A token that is OCR debris: junk characters with hardly a letter, symbols only, a lone consonant or bullet letter. */
function isDebrisToken(token: string): boolean {
  if (STARTS_AS_WORD.test(token) || token === "&" || ELIDED.test(token) || QUOTED_WORD.test(token)) return false; // "trial & error", "Wonen & Zorg"
  const letters = (token.match(/\p{L}/gu) ?? []).length;
  if (JUNK_CHARS.test(token) && letters < 3 && !/^\p{L}+'s$/u.test(token)) return true;
  if (SYMBOLS_ONLY.test(token) && !DASHES_AND_DOTS.test(token)) return true; // "=%", "«/"
  return /^[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]$/.test(token) || LONE_BULLET_LETTER.test(token);
}

/** Drops debris tokens, and a short unknown scrap before the capital that starts the real sentence. */
function dropDebris(sentence: string): string {
  const tokens = sentence.replace(/\s=(?=\p{L})/gu, "; ").split(/\s+/).filter((t) => t && !isDebrisToken(t));
  const start = tokens.findIndex((t) => /^\p{Lu}/u.test(t));
  if (start > 0 && start <= 2 && tokens.slice(0, start).every((t) => t.length <= 3 && /^\p{Ll}+$/u.test(t) && !COMMON_SHORT.has(t))) {
    tokens.splice(0, start);
  }
  return tokens.join(" ");
}

/** Short Dutch words that may open a sentence before a capitalised name ("de Provincie", "in Utrecht"). */
const COMMON_SHORT = new Set(["de", "het", "een", "en", "in", "op", "van", "te", "met", "aan", "bij", "tot", "om", "of", "als", "dat", "die", "er", "is", "zo", "nu", "ook", "wel", "we", "ze", "je", "u", "ik", "hij", "zij", "wat", "wie", "hoe", "dus", "maar", "na", "per", "uit", "voor", "door", "naar", "over", "via"]);

function tidy(sentence: string): string {
  return repairOcrText(tidyText(sentence));
}

/** Debris out, broken words joined, spaces tidied; OCR damage left as it is. */
function tidyText(sentence: string): string {
  return dropDebris(sentence)
    .replace(/(\p{L})- (\p{Ll})/gu, "$1$2")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}
