import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (installed by `npm test` when missing), or CHROMIUM_PATH. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && fs.existsSync(p));

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Holds the page's requests to `pattern` on their way to the server, to look at the page while it is
 * busy: `onItsWay` resolves when the first one left the page, `release` lets them go on (a server
 * that went away meanwhile makes them fail as a refused connection).
 */
export async function holdRequests(page: Page, pattern: string): Promise<{ onItsWay: Promise<void>; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const onItsWay = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(pattern, async (route) => {
    arrived();
    await held;
    await route.continue().catch(() => route.abort("connectionrefused"));
  });
  return { onItsWay, release };
}
