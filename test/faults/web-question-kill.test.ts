import { afterAll, describe, expect, it } from "vitest";
import { FakeOpenAi } from "../fakes/fake-openai.js";
import { webOnlyAppForTests } from "../helpers/web-only-app.js";
import { FAULT_TEST_MS, PATIENCE_MS, until } from "./kill-points.js";

const QUESTION = "Hoe houden we vrijwilligers vast?";

/**
 * Promise: nothing is lost on the way, across restarts too (README, Guarantees). The web chat keeps its
 * conversation in the database, so a reload shows it. The app is killed (SIGKILL) while it works on a
 * question (waiting for the language model, the fake OpenAI server): after the restart the page's
 * history still holds the question, and the answer follows it once the question is sent again.
 */
describe("a web question cut off while it is handled", () => {
  const model = new FakeOpenAi();
  const web = webOnlyAppForTests(async () => ({
    OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: await model.start(), OPENAI_CHAT_MODEL: "test-chat", OPENAI_EMBEDDING_MODEL: "",
  }), FAULT_TEST_MS);
  afterAll(() => model.stop());

  const history = async (conversationId: string) =>
    (await (await fetch(`${web.base}/api/conversations/${conversationId}/messages?after=0&alles=1`)).json()) as Array<{ author: string; text: string }>;
  const ask = (conversationId: string) =>
    fetch(`${web.base}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId, userId: "asker-q", text: QUESTION }) });

  it("given a kill while the question is handled, then after the restart the history shows the question, and its answer after it once it comes", async () => {
    const conversationId = "kill-question-1";
    // The kill point: the model is asked for the answer (the question is taken in, its reply not yet kept).
    let killed: Promise<void> | undefined;
    const answer = model.reply;
    model.reply = (request) => {
      killed ??= web.app.kill();
      return answer(request);
    };
    const cutOff = ask(conversationId).then(() => "answered", () => "cut off");
    await until(() => !!killed, "the app to ask the model (the kill point)", PATIENCE_MS);
    await killed;
    expect(await cutOff).toBe("cut off");
    model.reply = answer;

    await web.restart();
    expect((await history(conversationId)).map((m) => [m.author, m.text])).toEqual([["vrager", QUESTION]]);

    // The page gives the question back; sent again, it is answered, and the answer follows it in the history.
    expect((await ask(conversationId)).status).toBe(200);
    const after = await history(conversationId);
    expect(after.map((m) => m.author).slice(-2)).toEqual(["vrager", "antwoord"]);
    expect(after.at(-2)!.text).toBe(QUESTION);
  }, FAULT_TEST_MS);
});
