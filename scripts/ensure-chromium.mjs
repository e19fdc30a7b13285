// Runs before `npm test`: the chat page is tested in Debian's Chromium (driven by playwright-core),
// which npm cannot install. On a machine without it, install it with apt when we may (root), else
// explain what to do; the browser tests then skip with that message.
import { execSync } from "node:child_process";
import fs from "node:fs";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = CANDIDATES.find((p) => fs.existsSync(p));
if (found) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (isRoot && hasApt) {
  console.error("Chromium ontbreekt voor de browsertest; installeren met apt-get (eenmalig)…");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
    process.exit(0);
  } catch {
    console.error("Installeren van chromium is mislukt; de browsertests worden overgeslagen.");
    process.exit(0);
  }
}
console.error("Let op: geen Chromium gevonden. Installeer het (Debian: `sudo apt-get install chromium`) of zet CHROMIUM_PATH; de browsertests worden overgeslagen.");
