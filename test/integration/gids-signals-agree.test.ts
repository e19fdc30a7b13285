import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { IntroductionService } from "../../src/core/introductions/introduction-service.js";
import { createLogger } from "../../src/logger.js";
import { SqliteGidsSignals } from "../../src/store/gids-signals.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { SqliteIntroductionRepository } from "../../src/store/sqlite-introduction-repository.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { teamLogin } from "../helpers/team-login.js";

const run = promisify(execFile);
const DAY = 86_400_000;
const contact = (name: string, slack: string) => ({ name, handles: { slack }, contactable: true });

/** The gids's and the introductions' signals per region: the team view and `kennis -- signalen` say the same. */
describe("signals of the gids per region", () => {
  const temp = tempDir();
  let config: Config;
  let app: App;
  let url: string;

  beforeAll(async () => {
    config = testConfig(temp.dir);
    app = createApp(config, createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
    const db = openDatabase(config.databasePath);
    try {
      const directory = new SqliteInitiativeDirectory(db);
      const by = { platform: "test", userId: "setup" };
      const base = { description: "", seeking: "", experience: "ervaring" };
      const bus = directory.save({ ...base, name: "Buurtbus Benschop", place: "Benschop", municipality: "Lopik", province: "Utrecht", themes: ["vervoer"], contacts: [contact("Kees", "U0KEES")] }, by);
      const zon = directory.save({ ...base, name: "Zon Ens", place: "Ens", province: "Flevoland", themes: ["energie"], contacts: [contact("Joke", "U0JOKE")] }, by);
      // Only a kern is known: it is its region everywhere, not "onbekend" in one part and "Nes" in the other.
      const nes = directory.save({ ...base, name: "Dorpshuis Nes", place: "Nes", themes: ["dorpshuis"], contacts: [contact("Piet", "U0PIET")] }, by);
      new SqliteGidsSignals(db).recordShown({ channel: "web", initiatives: [bus, zon, nes].map((p) => ({ ...p, because: "" })) });
      const service = new IntroductionService({
        repository: new SqliteIntroductionRepository(db), directory, contactPlatforms: ["slack"], sink: { deliver: async () => undefined },
        policy: { choiceTimeoutMs: DAY, answerTimeoutMs: 7 * DAY, followUpMs: 14 * DAY }, retry: { maxAttempts: 3, firstDelayMs: 10, maxDelayMs: 100, parkedRetryMs: DAY },
      });
      for (const [i, p] of [bus, nes, nes].entries()) {
        const asked = service.request({ initiativeId: p.id, question: "Hoe begin je hiermee?", asker: { platform: "web", userId: `web-${i}`, name: `Vrager ${i}`, conversationId: `w${i}` } });
        if (!asked.ok) throw new Error(asked.code);
        service.apply(asked.intro.id, { type: "sharing_chosen", by: { platform: "web", userId: `web-${i}` }, sharing: "question_only" });
        if (i === 1) service.apply(asked.intro.id, { type: "accept", by: { platform: "slack", userId: "U0PIET" } });
      }
    } finally {
      db.close();
    }
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    temp.cleanup();
  });

  it("given profiles, suggestions shown and introductions in several regions, then the team view and the CLI count them per region alike", async () => {
    const { report } = (await (await (await teamLogin(url, config.databasePath, "coordinator")).get("/api/tolk/signalen")).json()) as { report: string };
    expect(report).toContain("– Initiatieven per gemeente of regio: Flevoland 1, Lopik 1, Nes 1");
    expect(report).toContain("– Voorgesteld per gemeente of regio: Flevoland 1, Lopik 1, Nes 1");
    expect(report).toContain("– Nes: 2 gevraagd, 1 geaccepteerd, 0 liever niet, 0 zonder antwoord, 0 hielp");
    expect(report).toContain("– Lopik: 1 gevraagd, 0 geaccepteerd");
    expect(report).not.toContain("onbekend");
    const cli = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), ["src/cli/kennis.ts", "signalen", "30"], {
      cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: config.dataDir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    expect(cli.stdout).toBe(`${report}\n`);
  }, 240_000);
});
