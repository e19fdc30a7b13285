import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { teamLogin } from "../helpers/team-login.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** The signals for the network's meeting: the team view and `kennis -- signalen` tell the same story. */
describe("signals", () => {
  const temp = tempDir();
  let config: Config;
  let app: App;
  let url: string;

  const post = async (route: string, body: object) =>
    (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  const ask = async (conversationId: string, text: string, consent?: "share" | "dont_share") => {
    const asker = { conversationId, userId: `u-${conversationId}` };
    const reply = await post("/api/messages", { ...asker, text });
    expect(reply.decision).toBe("handoff");
    if (consent) await post("/api/actions", { ...asker, action: consent, handoffId: reply.handoffId });
  };

  beforeAll(async () => {
    config = testConfig(temp.dir);
    app = createApp(config, createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
    await ask("s1", "Wie is op dit moment penningmeester van de dorpsraad in de gemeente Zeist?", "share");
    await ask("s2", "Hoe vraag ik een evenementenvergunning aan bij de gemeente Amersfoort?", "share");
    await ask("s3", "Hoe vraag ik een evenementenvergunning aan voor een braderie in Utrecht?", "share");
    await ask("s4", "Hoe regel ik een ontheffing voor een kampvuur in de gemeente Zeist?", "dont_share");
    await ask("s5", "Staat de evenementenvergunning van de braderie al klaar?");
  });
  afterAll(async () => {
    await app?.stop();
    temp.cleanup();
  });

  it("given shared and unshared questions, then only shared ones count, per theme and gemeente, the same in the team view and the CLI, with a CSV", async () => {
    const res = await (await teamLogin(url, config.databasePath, "coordinator")).get("/api/tolk/signalen");
    const { report } = (await res.json()) as { report: string };
    expect(report).toContain("Doorgegeven aan een mens: 3 (3 open, 0 opgepakt, 0 afgesloten). Niet gedeeld of nog zonder toestemming: 2.");
    expect(report).toContain("Per thema:\n– vergunningen: 2×\n– overig: 1×");
    expect(report).not.toContain("samenwerking overheid");
    expect(report).toContain("Per gemeente of regio:\n– Amersfoort: 1× (vergunningen)\n– Utrecht: 1× (vergunningen)\n– Zeist: 1×");
    expect(report).toContain("– evenementenvergunning: 2×");
    expect(report).not.toMatch(/kampvuur|wacht op toestemming/);

    const csvFile = path.join(temp.dir, "signalen.csv");
    const cli = await run(TSX, ["src/cli/kennis.ts", "signalen", "30", "--csv", csvFile], {
      cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: config.dataDir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    expect(cli.stdout).toBe(`${report}\n\nSpreadsheet: ${csvFile} (3 vragen).\n`);
    const rows = fs.readFileSync(csvFile, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(rows[0]).toBe("datum;status;thema;gemeente of regio;vraag");
    expect(rows.slice(1).map((r) => r.split(";").slice(1, 4).join(";")).sort()).toEqual(["open;;Zeist", "open;vergunningen;Amersfoort", "open;vergunningen;Utrecht"]);

    const download = await (await teamLogin(url, config.databasePath, "coordinator")).get("/api/tolk/signalen.csv");
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("content-disposition")).toMatch(/attachment; filename="vliegwiel-signalen-\d{4}-\d{2}-\d{2}\.csv"/);
    expect((await download.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(rows[0]);
    expect((await (await teamLogin(url, config.databasePath, "tolk")).get("/api/tolk/signalen.csv")).status).toBe(403);
    expect((await fetch(`${url}/api/tolk/signalen.csv`)).status).toBe(401); // no session, no signals
  }, 240_000);

  it("given an asker whose own initiative is in the gids, then their question counts for its gemeente, though it names no place", async () => {
    const db = openDatabase(config.databasePath);
    try {
      new SqliteInitiativeDirectory(db).save({
        name: "Dorpshuis De Spil", place: "Biddinghuizen", municipality: "Dronten", province: "Flevoland", themes: ["dorpshuis"],
        description: "Ons dorpshuis, gerund door vrijwilligers.", experience: "zaalverhuur en een eigen bar", seeking: "",
        contacts: [{ name: "Els", handles: { web: "u-s6" }, contactable: false }],
      }, { platform: "web", userId: "u-s6" });
    } finally {
      db.close();
    }
    await ask("s6", "Wie kan ons helpen met het rooster van de bardiensten voor de vrijwilligers?", "share");
    const { report } = (await (await (await teamLogin(url, config.databasePath, "coordinator")).get("/api/tolk/signalen")).json()) as { report: string };
    expect(report).toMatch(/Per gemeente of regio:[^]*– Dronten: 1×/);
  });
});
