import fs from "node:fs";
import path from "node:path";
import { PromptTemplate } from "@langchain/core/prompts";
import type OpenAI from "openai";
import { z } from "zod";
import { GenerationUnavailable, type AnswerGenerator, type GeneratedAnswer, type NumberedPassage } from "../../core/ports.js";
import type { Logger } from "../../logger.js";
import type { ModelUsage } from "../ports.js";
import { MalformedReplyError, withRetries } from "../retry.js";

export type AnswerGeneratorOptions = {
  client: OpenAI;
  model: string;
  promptsDir: string;
  timeoutMs: number;
  budgetMs: number;
  usage: ModelUsage;
  /** 0: no limit. */
  dailyTokensPerUser: number;
  dailyTokens: number;
  logger: Logger;
};

const answerSchema = z.object({
  answer: z.string(),
  cited: z.array(z.number().int()),
  answerable: z.boolean(),
});

/** The structured output the model must give (OpenAI's json_schema response format, strict). */
const RESPONSE_FORMAT = {
  type: "json_schema" as const,
  json_schema: {
    name: "vliegwiel_answer",
    strict: true,
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["answer", "cited", "answerable"],
      properties: {
        answer: { type: "string" },
        cited: { type: "array", items: { type: "integer" } },
        answerable: { type: "boolean" },
      },
    },
  },
};

type Prompts = { answerSystem: string; answer: PromptTemplate; rewriteSystem: string; rewrite: PromptTemplate };

/**
 * Answers and follow-up rewrites through an OpenAI-compatible chat completions API. The prompts are
 * files in prompts/ that maintainers may edit. Passages and questions are wrapped as data, the reply
 * must match a JSON schema (checked again here), and every failure ends in GenerationUnavailable so
 * the core falls back to its offline answer.
 */
export class OpenAiAnswerGenerator implements AnswerGenerator {
  private readonly prompts: Prompts;

  constructor(private readonly options: AnswerGeneratorOptions) {
    this.prompts = loadPrompts(options.promptsDir);
  }

  async answer(input: { question: string; passages: NumberedPassage[]; userId: string }): Promise<GeneratedAnswer> {
    this.checkBudget(input.userId);
    const user = await this.prompts.answer.format({
      passages: input.passages.map((p) => `<passage nummer="${p.number}" bron="${asData(p.source).replace(/"/g, "'")}">\n${asData(p.text)}\n</passage>`).join("\n\n"),
      question: asData(input.question),
    });
    return this.complete("answer", input.userId, [
      { role: "system", content: this.prompts.answerSystem },
      { role: "user", content: user },
    ], (content) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new MalformedReplyError("the reply is not JSON");
      }
      const checked = answerSchema.safeParse(parsed);
      if (!checked.success) throw new MalformedReplyError(`the reply does not match the schema: ${checked.error.issues[0]?.message}`);
      return checked.data;
    }, RESPONSE_FORMAT);
  }

  async rewrite(input: { question: string; earlier: readonly string[]; userId: string }): Promise<string> {
    this.checkBudget(input.userId);
    const user = await this.prompts.rewrite.format({ earlier: input.earlier.map((q) => `- ${asData(q)}`).join("\n"), question: asData(input.question) });
    return this.complete("rewrite", input.userId, [
      { role: "system", content: this.prompts.rewriteSystem },
      { role: "user", content: user },
    ], (content) => {
      const text = content.trim().replace(/^["“]|["”]$/g, "");
      if (!text || text.length > 2000) throw new MalformedReplyError("empty or overlong rewrite");
      return text;
    });
  }

  private async complete<T>(
    purpose: string,
    userId: string,
    messages: OpenAI.Chat.ChatCompletionMessageParam[],
    parse: (content: string) => T,
    responseFormat?: typeof RESPONSE_FORMAT,
  ): Promise<T> {
    const { client, model, logger } = this.options;
    const started = Date.now();
    let attempts = 0;
    let tokens = 0;
    try {
      const result = await withRetries(async (timeoutMs) => {
        attempts++;
        const completion = await client.chat.completions.create(
          { model, messages, temperature: 0.2, ...(responseFormat ? { response_format: responseFormat } : {}) },
          { timeout: timeoutMs, maxRetries: 0 },
        );
        tokens += completion.usage?.total_tokens ?? 0;
        const content = completion.choices?.[0]?.message?.content;
        if (typeof content !== "string") throw new MalformedReplyError("the reply has no message content");
        return parse(content);
      }, { budgetMs: this.options.budgetMs, attemptTimeoutMs: this.options.timeoutMs });
      logger.info(`model ${purpose}: ${tokens} tokens, ${Date.now() - started} ms, ${attempts} attempt(s)`);
      return result;
    } catch (error) {
      logger.warn(`taalmodel (${purpose}) mislukt na ${attempts} poging(en), ${Date.now() - started} ms: ${(error as Error).message}`);
      throw new GenerationUnavailable("unavailable", (error as Error).message);
    } finally {
      if (tokens) this.options.usage.record(userId, tokens);
    }
  }

  private checkBudget(userId: string): void {
    const { usage, dailyTokensPerUser, dailyTokens } = this.options;
    if (dailyTokensPerUser > 0 && usage.usedToday(userId) >= dailyTokensPerUser) throw new GenerationUnavailable("budget", "daily token budget of this asker spent");
    if (dailyTokens > 0 && usage.usedToday() >= dailyTokens) throw new GenerationUnavailable("budget", "daily token budget spent");
  }
}

/** Text from documents and askers can not close the tags that mark it as data. */
function asData(text: string): string {
  return text.replace(/<(\/?\s*(?:passage|vraag|eerder)\b)/gi, "‹$1");
}

/** Reads the prompt files; a missing file, or a template without a place for what it must carry, stops start-up. */
function loadPrompts(dir: string): Prompts {
  const read = (name: string, placeholders: string[] = []) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new Error(`promptbestand ontbreekt: ${file}`);
    const text = fs.readFileSync(file, "utf8");
    // "{{question}}" is a literal brace pair, not a place for the question.
    const missing = placeholders.filter((p) => !new RegExp(`(^|[^{])\\{${p}\\}`).test(text));
    if (missing.length) throw new Error(`promptbestand ${file} mist ${missing.map((p) => `{${p}}`).join(" en ")}: zonder die plek valt de vraag weg. Zet het terug en start opnieuw.`);
    return text;
  };
  return {
    answerSystem: read("answer-system.md"),
    answer: PromptTemplate.fromTemplate(read("answer-user.md", ["passages", "question"])),
    rewriteSystem: read("rewrite-system.md"),
    rewrite: PromptTemplate.fromTemplate(read("rewrite-user.md", ["earlier", "question"])),
  };
}
