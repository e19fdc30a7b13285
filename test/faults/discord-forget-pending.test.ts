import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { BOT, GENERAL } from "../fakes/fake-discord.js";
import { ASKER } from "../helpers/discord-flow.js";
import { BOTH_READY } from "./both-platforms-app.js";
import { longDiscordAnswerApp } from "./long-discord-answer-app.js";
import { FAULT_TEST_MS, until } from "./kill-points.js";

const OTHER = { id: "960000000000000002", username: "bram" };
type Req = { platform: string; method: string; route?: string; body: Record<string, unknown> };

/**
 * Promise: `kennis -- vergeet discord:<id>` forgets the answer composed for a person's message that a
 * stop cut off (its row in the inbox holds the answer's parts, not the asker): it is gone from the
 * database and not sent after the restart. Another person's cut-off answer is still completed.
 */
describe("a Discord mention cut off after some of its parts landed, and a person forgotten before the restart", () => {
  const t = longDiscordAnswerApp();
  const { discord, dbFile, doneInInbox } = t;
  const shown = (marker: string) => [...discord.messages.values()].filter((m) => JSON.stringify(m.embeds ?? []).includes(marker)).length;
  /** The database file and its write-ahead log, as bytes anyone with the file could read. */
  const fileHolds = (text: string) => [dbFile, `${dbFile}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(text));

  /** A mention by `author` whose third part is killed before it is posted in the answer's thread: two have landed. */
  const mentionKilledAtThirdPart = async (author: typeof ASKER) => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Hoe houden we vrijwilligers vast?`, mentionsBot: true, author });
    let posts = 0;
    t.killer.arm("before the post", (request) => {
      const r = request as Req;
      return r.platform === "discord" && r.method === "POST" && r.route === `/channels/${question.id}/messages` && ++posts === 3;
    });
    discord.dispatch("MESSAGE_CREATE", question);
    await t.killer.done();
    return question;
  };
  const forget = (ref: string) => {
    const db = openDatabase(dbFile);
    try {
      forgetPerson(db, ref);
    } finally {
      db.close();
    }
  };

  it("given the asker forgotten while the app is down, then the composed answer is gone from the database and its missing part is never sent", async () => {
    t.state.markers = ["VERGEETEEN", "VERGEETTWEE", "VERGEETDRIE"];
    const question = await mentionKilledAtThirdPart(ASKER);
    expect([shown("VERGEETEEN"), shown("VERGEETTWEE"), shown("VERGEETDRIE")]).toEqual([1, 1, 0]);
    expect(fileHolds("VERGEETDRIE")).toBe(true); // the part still to send is kept for the restart

    forget(`discord:${ASKER.id}`);
    expect(fileHolds("VERGEETDRIE")).toBe(false);

    // After the restart another person's question is answered: the forgotten one's part did not follow.
    t.state.markers = ["ANDERDEEL"];
    await t.app.start(BOTH_READY);
    const later = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Hoe houden we vrijwilligers vast?`, mentionsBot: true, author: OTHER });
    discord.dispatch("MESSAGE_CREATE", later);
    await until(() => doneInInbox(`discord:${later.id}`), "the other person's question to be answered");
    expect(shown("ANDERDEEL")).toBe(1);
    expect(shown("VERGEETDRIE")).toBe(0);
    expect([...discord.messages.values()].filter((m) => m.channel_id === String(question.id))).toHaveLength(2);
  }, FAULT_TEST_MS);

  it("given someone else forgotten while the app is down, then after the restart the asker's missing part follows once", async () => {
    t.state.markers = ["BLIJFTEEN", "BLIJFTTWEE", "BLIJFTDRIE"];
    const question = await mentionKilledAtThirdPart(OTHER);
    forget(`discord:${ASKER.id}`);

    await t.app.start(BOTH_READY);
    await until(() => doneInInbox(`discord:${question.id}`), "the mention to be answered after the restart");
    expect([shown("BLIJFTEEN"), shown("BLIJFTTWEE"), shown("BLIJFTDRIE")]).toEqual([1, 1, 1]);
  }, FAULT_TEST_MS);
});
