import fs from "node:fs";

/** Lets an export replace an existing file; without it the file is kept, as `kennis -- backup` keeps one. */
export const OVERWRITE_FLAG = "--overschrijf";

/** Writes an export to a new file (refused in Dutch when the file exists), or over it with OVERWRITE_FLAG. */
export function writeExportFile(file: string, text: string, overwrite: boolean): void {
  try {
    fs.writeFileSync(file, text, { flag: overwrite ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new Error(`${file} bestaat al; kies een nieuwe naam (er wordt niets overschreven), of zet ${OVERWRITE_FLAG} erachter om het te vervangen`);
  }
}
