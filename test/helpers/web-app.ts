import type { Browser } from "playwright-core";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { launchBrowser } from "./browser.js";

export type WebApp = { app: App; url: string; browser: Browser; stop(): Promise<void> };

/** The real app with its web chat on a free port, and Chromium to open it: what the browser tests start from. */
export async function startWebApp(config: Config): Promise<WebApp> {
  const app = createApp(config, createLogger("error"));
  await app.start();
  const url = (app.channels[0] as WebChatChannel).url;
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return {
    app, url, browser,
    async stop() {
      await browser.close();
      await app.stop();
    },
  };
}
