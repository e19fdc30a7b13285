import type { Page } from "playwright-core";
import type { FakeSlackApi, SlackCall } from "../fakes/fake-slack-api.js";
import { eventually } from "./intro-flow.js";

/**
 * In the web chat page: asks `question`, presses "Breng me in contact" beside the suggested initiative,
 * chooses what may be passed on (`choice`, an intro_share_* button); resolves to the request its contact
 * then got on Slack (in the DM channel `contactDm` of the fake).
 */
export async function requestIntroductionInBrowser(
  page: Page,
  slack: FakeSlackApi,
  options: { question: string; initiativeId: string; choice: string; contactDm: string },
): Promise<SlackCall> {
  await page.fill("#question", options.question);
  await page.press("#question", "Enter");
  const connect = page.locator(`button[data-connect="${options.initiativeId}"]`).first();
  await connect.waitFor({ timeout: 30_000 });
  await connect.click();
  const choice = page.locator(`button[data-intro="${options.choice}"]`).first();
  await choice.waitFor({ timeout: 10_000 });
  const before = slack.posts(options.contactDm).length;
  await choice.click();
  return eventually(
    () => slack.posts(options.contactDm).slice(before).find((c) => JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_intro_accept")),
    "the request from the browser",
  );
}
