import fs from "node:fs";
import path from "node:path";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { OpenAiAnswerGenerator } from "../../src/providers/openai/openai-answer-generator.js";
import { SqliteModelUsage } from "../../src/store/model-usage.js";
import { openDatabase } from "../../src/store/open-database.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

/** A copy of the shipped prompts in a temporary folder, with one file replaced. */
function promptsWith(dir: string, file: string, text: string): string {
  const target = path.join(dir, "prompts");
  fs.cpSync(path.join(REPO_ROOT, "prompts"), target, { recursive: true });
  fs.writeFileSync(path.join(target, file), text);
  return target;
}

describe("edited prompt files", () => {
  const temp = tempDir();
  afterEach(() => temp.cleanup());
  const generator = (promptsDir: string) => new OpenAiAnswerGenerator({
    client: new OpenAI({ apiKey: "sk-test", baseURL: "http://127.0.0.1:9/v1" }), model: "m", promptsDir, timeoutMs: 1000, budgetMs: 1000,
    usage: new SqliteModelUsage(openDatabase(":memory:")), dailyTokensPerUser: 0, dailyTokens: 0, logger: createLogger("error"),
  });

  it("given an answer prompt without {question}, then start-up is refused naming the file and the placeholder", () => {
    const dir = promptsWith(temp.dir, "answer-user.md", "Passages:\n{passages}\n\nBeantwoord de vraag.\n");
    expect(() => generator(dir)).toThrow(/answer-user\.md mist \{question\}/);
  });

  it("given a rewrite prompt whose question is only a literal {{question}}, then start-up is refused naming the file", () => {
    const dir = promptsWith(temp.dir, "rewrite-user.md", "<eerder>{earlier}</eerder> Schrijf {{question}} uit.");
    expect(() => generator(dir)).toThrow(/rewrite-user\.md mist \{question\}/);
  });

  it("given the shipped prompts with extra text, then the generator starts", () => {
    const dir = promptsWith(temp.dir, "answer-user.md", "Lees goed.\n{passages}\n<vraag>\n{question}\n</vraag>\nLetterlijk: {{ok}}\n");
    expect(() => generator(dir)).not.toThrow();
  });
});
