import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

describe("what a stop in the middle of a team-view upload leaves in the knowledge folder", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given the hidden upload and its kept earlier version left by a kill (a 12 MB PDF stayed for good), then the next start removes them and nothing else", async () => {
    const config = testConfig(temp.dir);
    const dir = config.knowledgeDir;
    const id = "4666c245-feca-4092-8266-48c862f8198e";
    // saveAndIngest writes `.upload-<uuid>-<name>` and links the file it replaces to `.previous-<uuid>-<name>`.
    fs.writeFileSync(path.join(dir, `.upload-${id}-veel.pdf`), Buffer.alloc(1024, 1));
    fs.writeFileSync(path.join(dir, `.previous-${id}-verslag.md`), "# Oud verslag\n");
    fs.writeFileSync(path.join(dir, ".gitkeep"), "");
    fs.writeFileSync(path.join(dir, ".upload-notities.md"), "van de beheerder zelf");
    const app = createApp(config, createLogger("error"));
    await app.start();
    await app.stop();
    const hidden = fs.readdirSync(dir).filter((name) => name.startsWith(".")).sort();
    expect(hidden).toEqual([".gitkeep", ".upload-notities.md"]);
  });
});
