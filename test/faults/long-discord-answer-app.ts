import Database from "better-sqlite3";
import { afterAll } from "vitest";
import { FakeDiscord } from "../fakes/fake-discord.js";
import { FakeOpenAi } from "../fakes/fake-openai.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import type { AppProcess } from "../helpers/app-process.js";
import { bothPlatformsAppForTests } from "./both-platforms-app.js";
import type { DeliveryKiller } from "./kill-points.js";

/**
 * The real app against the Slack, Discord and OpenAI fakes, whose model answers in three paragraphs of about
 * 3 000 characters, each beginning with one of `markers`: three messages on Discord (an embed holds 4 096).
 * For the fault tests that cut such an answer off after some of its parts landed.
 */
export function longDiscordAnswerApp() {
  const slack = new FakeSlackApi();
  const discord = new FakeDiscord();
  const model = new FakeOpenAi();
  let app: AppProcess | undefined;
  let killer: DeliveryKiller | undefined;
  const state = { markers: [] as string[] };
  model.reply = () => JSON.stringify({
    answer: state.markers.map((marker) => `${marker} ${"Vrijwilligers blijven als ze zich gezien en gewaardeerd voelen. ".repeat(45)}[1]`).join("\n\n"),
    cited: [1], answerable: true,
  });
  const { dbFile } = bothPlatformsAppForTests(slack, discord, (started) => ({ app, killer } = started), async () => ({
    OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: await model.start(), OPENAI_CHAT_MODEL: "test-chat", OPENAI_EMBEDDING_MODEL: "",
  }));
  afterAll(() => model.stop());

  /** Whether the inbox marks this event as handled. */
  const doneInInbox = (key: string) => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return db.prepare("SELECT done_at FROM event_inbox WHERE key = ?").pluck().get(key) != null;
    } finally {
      db.close();
    }
  };
  return {
    slack, discord, model, dbFile, doneInInbox, state,
    get app(): AppProcess { return app!; },
    get killer(): DeliveryKiller { return killer!; },
  };
}
