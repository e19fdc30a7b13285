import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** What `npm start` says about how it answers: in Dutch, as every other line of its start. */
describe("the start's line about how Vliegwiel answers", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given the offline default, then it names BM25 and quotes from the documents in Dutch", async () => {
    const { logger, lines } = memoryLogger("info");
    const app = createApp(testConfig(temp.dir, { WEB_ENABLED: "false" }), logger);
    try {
      await app.start();
    } finally {
      await app.stop();
    }
    expect(lines.some((l) => l.includes("werkwijze: BM25 + citaten uit de documenten"))).toBe(true);
    expect(lines.join("\n")).not.toMatch(/extractive answers/);
  });
});
