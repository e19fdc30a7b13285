import fs from "node:fs";
import path from "node:path";

/** Lets an export replace an existing file; without it the file is kept, as `kennis -- backup` keeps one. */
export const OVERWRITE_FLAG = "--overschrijf";

/**
 * Writes an export to a new file (refused in Dutch when the file exists), or over it with OVERWRITE_FLAG.
 * A typo in the path (a folder that does not exist, a folder given for the file) is said in Dutch, not
 * as Node's ENOENT or EISDIR.
 */
export function writeExportFile(file: string, text: string, overwrite: boolean): void {
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${file} is een map; geef een bestandsnaam, bijvoorbeeld ${path.join(file, "export.csv")}`);
  }
  try {
    fs.writeFileSync(file, text, { flag: overwrite ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new Error(`${file} bestaat al; kies een nieuwe naam (er wordt niets overschreven), of zet ${OVERWRITE_FLAG} erachter om het te vervangen`);
    }
    if (code === "ENOENT") throw new Error(`de map ${path.dirname(path.resolve(file))} bestaat niet; controleer het pad`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new Error(`${file} kan niet geschreven worden: geen toestemming voor die map`);
    throw error;
  }
}
