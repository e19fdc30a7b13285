/**
 * npm run build: brings dist/ in line with src/, as every command does before it runs (run.mjs). For an
 * install where the app may not change its own code (the systemd unit): run it as the owner after
 * `npm ci` at installation and after every upgrade.
 */
import path from "node:path";
import { buildProject } from "./prebuilt.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
try {
  const { written, removed } = await buildProject(ROOT);
  process.stdout.write(`dist/ is bij (${written} bestand(en) vertaald, ${removed} verwijderd).\n`);
} catch (error) {
  process.stderr.write(`Fout: de code kon niet voorbereid worden. ${error.message}\n`);
  process.exit(1);
}
