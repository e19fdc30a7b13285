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

export type JsonlLine = { number: number; value: Record<string, unknown> } | { number: number; error: string };

/**
 * Reads a JSON-lines file line by line: a line that is not a JSON object gets an error, the others still
 * count. An empty line between others gets an error too, so the output keeps one object per input line
 * (a script can pair them up); empty lines at the end of the file are no input.
 */
export function readJsonlLines(file: string): JsonlLine[] {
  if (!fs.existsSync(file)) throw new Error(`${file}: bestand bestaat niet`);
  const lines: JsonlLine[] = [];
  const raws = fs.readFileSync(file, "utf8").split("\n");
  while (raws.length && raws.at(-1)!.trim() === "") raws.pop();
  for (const [i, raw] of raws.entries()) {
    const line = raw.trim();
    if (line === "") {
      lines.push({ number: i + 1, error: `regel ${i + 1}: lege regel` });
      continue;
    }
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === "object" && value !== null && !Array.isArray(value)) lines.push({ number: i + 1, value: value as Record<string, unknown> });
      else lines.push({ number: i + 1, error: `regel ${i + 1}: geen JSON-object` });
    } catch {
      lines.push({ number: i + 1, error: `regel ${i + 1}: geen geldige JSON` });
    }
  }
  return lines;
}
