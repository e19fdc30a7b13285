import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, holdRequests } from "../helpers/browser.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebApp, type WebApp } from "../helpers/web-app.js";

/** The app goes away while an asker waits for an answer: what they typed is not lost. */
describe.skipIf(!CHROMIUM)("web chat when Vliegwiel stops mid-answer", () => {
  const temp = tempDir();
  let web: WebApp | undefined;
  beforeAll(async () => {
    web = await startWebApp(testConfig(temp.dir));
  });
  afterAll(async () => {
    await web?.browser.close();
    temp.cleanup();
  });

  it("given the server stopped while the question was on its way, then the question is back in the box, to send again with one press", async () => {
    const page = await web!.browser.newPage();
    await page.goto(web!.url);
    await page.locator("#question").waitFor();
    // The question leaves the page, then Vliegwiel stops before it arrives.
    const { onItsWay, release } = await holdRequests(page, "**/api/messages");
    const question = "Hoe vinden we een penningmeester voor onze buurtvereniging?";
    await page.fill("#question", question);
    await page.press("#question", "Enter");
    await onItsWay;
    expect(await page.inputValue("#question")).toBe("");
    await web!.app.stop();
    release();

    await page.locator(".message.assistant.error", { hasText: "Vliegwiel is even niet bereikbaar. Probeer het zo nog eens." }).waitFor();
    expect(await page.inputValue("#question")).toBe(question);
    expect(await page.locator("#send").isDisabled()).toBe(false);
    await page.close();
  });
});
