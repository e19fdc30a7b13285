import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteConversationMemory } from "../../src/store/conversation-memory.js";
import { SqliteModelUsage } from "../../src/store/model-usage.js";
import { SqliteQuestionLog } from "../../src/store/question-log.js";
import { withDatabase } from "../helpers/with-database.js";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** A tolk who also asked questions herself, on Slack and on Discord; Karel asked too and stays. */
const ROSTER = `members:
  - { id: tina, name: Tina Tamarinde, role: tolk, slack: U0TINA, discord: "960000000000000007" }
  - { id: karel, name: Karel Kastanje, role: tolk, slack: U0KAREL }
`;

describe("kennis -- vergeet roster:<id> of a tolk who also asked", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const databaseFile = path.join(temp.dir, "vliegwiel.db");

  it("given her questions as an asker under the platform ids the roster names, then those go too; another asker's stay", async () => {
    fs.writeFileSync(path.join(temp.dir, "roster.yaml"), ROSTER);
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    withDatabase(databaseFile, (db) => {
      const log = new SqliteQuestionLog(db);
      const turns = new SqliteConversationMemory(db);
      const asked = (channel: string, userId: string, question: string) => {
        log.record({ channel, asker: `${channel}:${userId}`, question, decision: "answer", reason: "gevonden", confidence: 0.8 });
        turns.remember(channel, `gesprek-${userId}`, question, userId);
        new SqliteModelUsage(db).record(`${channel}:${userId}`, 120);
      };
      asked("slack", "U0TINA", "Hoe vraag ik een tamarindesubsidie aan?");
      asked("discord", "960000000000000007", "Wie helpt bij de tamarindetuin?");
      asked("slack", "U0KAREL", "Hoe vraag ik een kastanjesubsidie aan?");
    });

    const { stdout } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", "roster:tina"], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: knowledgeDir, ROSTER_FILE: path.join(temp.dir, "roster.yaml"), LOG_LEVEL: "error" },
    });
    expect(stdout).toContain("Vergeten: roster:tina. 2 vragen, 2 gespreksregels");
    withDatabase(databaseFile, (db) => {
      const questions = db.prepare("SELECT question FROM question_log WHERE question <> ''").pluck().all();
      expect(questions).toEqual(["Hoe vraag ik een kastanjesubsidie aan?"]);
      expect(db.prepare("SELECT question FROM conversation_turns").pluck().all()).toEqual(["Hoe vraag ik een kastanjesubsidie aan?"]);
      expect(db.prepare("SELECT user_id FROM model_usage").pluck().all()).toEqual(["slack:U0KAREL"]);
    });
  });
});
