import fs from "node:fs";

/** Reads a JSON-lines file; a bad line is reported with its number. */
export function readJsonl<T>(file: string): T[] {
  if (!fs.existsSync(file)) throw new Error(`${file}: bestand bestaat niet`);
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${file}, regel ${number}: geen geldige JSON`);
      }
    });
}
