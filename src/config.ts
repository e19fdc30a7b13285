import path from "node:path";
import { z } from "zod";
import { parseWorkingHours, type WorkingHours } from "./core/handoff/working-time.js";
import { UserError } from "./core/errors.js";

/**
 * The only reader of environment variables. Every setting has a default that works offline, so a
 * fresh clone runs with no `.env` at all. A bad value stops start-up with a message naming the variable.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A Discord id: a number of 17 to 20 digits. */
const snowflake = z.string().regex(/^\d{17,20}$/, "moet een Discord-id zijn (17-20 cijfers; zet Ontwikkelaarsmodus aan en kies 'ID kopiëren')");
const snowflakeList = z
  .string()
  .default("")
  .transform((v) => v.split(",").map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(snowflake));

const schema = z.object({
  LOG_LEVEL: z.enum(["error", "warn", "info", "debug"]).default("info"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_PATH: z.string().min(1).optional(),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  INGEST_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(20),
  WEB_ENABLED: booleanString.default(true),
  WEB_HOST: z.string().min(1).default("127.0.0.1"),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.string().url().regex(/^https?:\/\//, "moet beginnen met http:// of https://").optional(),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  MAX_QUESTION_CHARS: z.coerce.number().int().min(100).max(100_000).default(2000),
  ANSWER_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.5),
  ROSTER_FILE: z.string().min(1).default("roster.yaml"),
  HANDOFF_CONSENT_TIMEOUT_MINUTES: z.coerce.number().positive().default(60),
  HANDOFF_REMINDER_HOURS: z.coerce.number().positive().default(4),
  HANDOFF_REMINDERS_BEFORE_ESCALATION: z.coerce.number().int().min(0).max(20).default(2),
  HANDOFF_REOPEN_DAYS: z.coerce.number().positive().default(7),
  HANDOFF_WORKING_HOURS: z.string().default("09:00-17:00"),
  HANDOFF_WORKING_DAYS: z.string().default("1-5"),
  HANDOFF_TIMEZONE: z.string().default("Europe/Amsterdam"),
  HANDOFF_TICK_SECONDS: z.coerce.number().positive().max(3600).default(5),
  HANDOFF_SHOW_HELPER_NAMES: booleanString.default(true),
  INTRODUCTION_TIMEOUT_DAYS: z.coerce.number().positive().max(365).default(7),
  INTRODUCTION_FOLLOW_UP_DAYS: z.coerce.number().positive().max(365).default(14),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, "moet beginnen met xoxb-").optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, "moet beginnen met xapp-").optional(),
  SLACK_HANDOFF_CHANNEL: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  SLACK_AUTO_ANSWER_CHANNELS: z.string().default(""),
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  DISCORD_TOKEN: z.string().min(20, "lijkt geen Discord bot-token").optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_HANDOFF_CHANNEL_ID: snowflake.optional(),
  DISCORD_GUILD_IDS: snowflakeList,
  DISCORD_AUTO_ANSWER_CHANNEL_IDS: snowflakeList,
  DISCORD_TEAM_ROLE_IDS: snowflakeList,
  DISCORD_KNOWLEDGE_ROLE_IDS: snowflakeList,
  DISCORD_MESSAGE_CONTENT_INTENT: booleanString.default(true),
  DISCORD_API_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_CHAT_MODEL: z.string().min(1).optional(),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).optional(),
  OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(8192).optional(),
  OPENAI_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
  OPENAI_BUDGET_SECONDS: z.coerce.number().positive().max(900).default(30),
  OPENAI_DAILY_TOKENS_PER_USER: z.coerce.number().int().min(0).default(0),
  OPENAI_DAILY_TOKENS: z.coerce.number().int().min(0).default(0),
  PINECONE_API_KEY: z.string().min(1).optional(),
  PINECONE_INDEX: z.string().min(1).optional(),
  PINECONE_HOST: z.string().url().optional(),
  PINECONE_NAMESPACE: z.string().min(1).default("kennisbank"),
  PINECONE_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(5),
});

/**
 * The validated settings, as the app uses them: derived from the schema above through loadConfig's
 * mapping (toConfig), so the shape is written once.
 */
export type Config = ReturnType<typeof toConfig>;

type Env = z.infer<typeof schema>;

export class ConfigError extends UserError {
  constructor(readonly problems: string[]) {
    super("config_invalid", `Ongeldige instelling(en) in .env:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Present when Slack is configured (bot token plus signing secret or app token). */
function slackSettings(v: Env) {
  if (!v.SLACK_BOT_TOKEN) return undefined;
  if (!v.SLACK_SIGNING_SECRET && !v.SLACK_APP_TOKEN) {
    throw new ConfigError(["SLACK_SIGNING_SECRET: nodig naast SLACK_BOT_TOKEN (of zet SLACK_APP_TOKEN voor Socket Mode)"]);
  }
  return {
    botToken: v.SLACK_BOT_TOKEN,
    signingSecret: v.SLACK_SIGNING_SECRET ?? "socket-mode-needs-no-signing-secret",
    appToken: v.SLACK_APP_TOKEN,
    handoffChannel: v.SLACK_HANDOFF_CHANNEL,
    apiUrl: v.SLACK_API_URL,
    autoAnswerChannels: v.SLACK_AUTO_ANSWER_CHANNELS.split(",").map((c) => c.trim()).filter(Boolean),
    port: v.PORT,
  };
}

/** Present when Discord is configured (bot token and application id). */
function discordSettings(v: Env) {
  if (!v.DISCORD_TOKEN && !v.DISCORD_APPLICATION_ID) return undefined;
  if (!v.DISCORD_TOKEN) throw new ConfigError(["DISCORD_TOKEN: nodig naast DISCORD_APPLICATION_ID"]);
  if (!v.DISCORD_APPLICATION_ID) throw new ConfigError(["DISCORD_APPLICATION_ID: nodig naast DISCORD_TOKEN (te vinden in het Discord Developer Portal)"]);
  return {
    token: v.DISCORD_TOKEN,
    applicationId: v.DISCORD_APPLICATION_ID,
    handoffChannelId: v.DISCORD_HANDOFF_CHANNEL_ID,
    /** Empty: every server the bot is in. */
    guildIds: v.DISCORD_GUILD_IDS,
    autoAnswerChannelIds: v.DISCORD_AUTO_ANSWER_CHANNEL_IDS,
    /** Discord roles that may claim and answer handoffs; empty: the roster decides. */
    teamRoleIds: v.DISCORD_TEAM_ROLE_IDS,
    /** Discord roles that may add documents; empty: the roster's coordinators. */
    knowledgeRoleIds: v.DISCORD_KNOWLEDGE_ROLE_IDS,
    messageContentIntent: v.DISCORD_MESSAGE_CONTENT_INTENT,
    apiUrl: v.DISCORD_API_URL,
  };
}

/** Present when a language model or embeddings are configured (OpenAI or an OpenAI-compatible server). */
function openAiSettings(v: Env) {
  if (!v.OPENAI_CHAT_MODEL && !v.OPENAI_EMBEDDING_MODEL) return undefined;
  if (!v.OPENAI_API_KEY && !v.OPENAI_BASE_URL) {
    throw new ConfigError(["OPENAI_API_KEY: nodig voor OpenAI (of zet OPENAI_BASE_URL naar een eigen OpenAI-compatibele server)"]);
  }
  return {
    // A self-hosted server often needs no key; the client still wants one.
    apiKey: v.OPENAI_API_KEY ?? "no-key-needed",
    baseUrl: v.OPENAI_BASE_URL,
    chatModel: v.OPENAI_CHAT_MODEL,
    embeddingModel: v.OPENAI_EMBEDDING_MODEL,
    embeddingDimensions: v.OPENAI_EMBEDDING_DIMENSIONS,
    /** One request's limit. */
    timeoutMs: v.OPENAI_TIMEOUT_SECONDS * 1000,
    /** All retries of one answer together. */
    budgetMs: v.OPENAI_BUDGET_SECONDS * 1000,
    /** 0: no limit. */
    dailyTokensPerUser: v.OPENAI_DAILY_TOKENS_PER_USER,
    dailyTokens: v.OPENAI_DAILY_TOKENS,
  };
}

/** Present when Pinecone holds the vectors instead of the embedded database. */
function pineconeSettings(v: Env) {
  if (!v.PINECONE_API_KEY && !v.PINECONE_INDEX) return undefined;
  if (!v.PINECONE_API_KEY) throw new ConfigError(["PINECONE_API_KEY: nodig naast PINECONE_INDEX"]);
  if (!v.PINECONE_INDEX) throw new ConfigError(["PINECONE_INDEX: nodig naast PINECONE_API_KEY (de naam van de index)"]);
  if (!v.OPENAI_EMBEDDING_MODEL) throw new ConfigError(["OPENAI_EMBEDDING_MODEL: Pinecone bewaart vectoren; zet ook een embeddingmodel"]);
  return { apiKey: v.PINECONE_API_KEY, index: v.PINECONE_INDEX, host: v.PINECONE_HOST, namespace: v.PINECONE_NAMESPACE, timeoutMs: v.PINECONE_TIMEOUT_SECONDS * 1000 };
}

/** Values of these settings are never echoed back, not even in an error message. */
export function isSecretName(name: string): boolean {
  return /(_TOKEN|_SECRET|_KEY)$/.test(name);
}

/** Parses settings from an environment object (tests pass their own; main passes process.env). */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "?");
        return `${name}: ${issue.message}${isSecretName(name) ? "" : ` (gekregen: ${JSON.stringify(present[name])})`}`;
      }),
    );
  }
  return toConfig(parsed.data, cwd);
}

/** The schema's values in the shape the app uses (durations in ms, paths resolved, optional platforms). */
function toConfig(v: Env, cwd: string) {
  const dataDir = path.resolve(cwd, v.DATA_DIR);
  let workingHours: WorkingHours | null = null;
  if (v.HANDOFF_WORKING_HOURS !== "always") {
    try {
      workingHours = parseWorkingHours(v.HANDOFF_WORKING_HOURS, v.HANDOFF_WORKING_DAYS, v.HANDOFF_TIMEZONE);
    } catch (error) {
      throw new ConfigError([(error as Error).message]);
    }
  }
  return {
    logLevel: v.LOG_LEVEL,
    dataDir,
    databasePath: path.resolve(cwd, v.DATABASE_PATH ?? path.join(dataDir, "vliegwiel.db")),
    knowledgeDir: path.resolve(cwd, v.KNOWLEDGE_DIR),
    ingestMaxFileBytes: Math.round(v.INGEST_MAX_FILE_MB * 1024 * 1024),
    web: { enabled: v.WEB_ENABLED, host: v.WEB_HOST, port: v.WEB_PORT, ...(v.PUBLIC_BASE_URL ? { publicUrl: v.PUBLIC_BASE_URL.replace(/\/+$/, "") } : {}) },
    publicBaseUrl: v.PUBLIC_BASE_URL?.replace(/\/+$/, ""),
    maxQuestionChars: v.MAX_QUESTION_CHARS,
    retentionDays: v.RETENTION_DAYS,
    answerMinConfidence: v.ANSWER_MIN_CONFIDENCE,
    rosterFile: path.resolve(cwd, v.ROSTER_FILE),
    slack: slackSettings(v),
    discord: discordSettings(v),
    openai: openAiSettings(v),
    pinecone: pineconeSettings(v),
    handoff: {
      consentTimeoutMs: v.HANDOFF_CONSENT_TIMEOUT_MINUTES * 60_000,
      reminderIntervalMs: v.HANDOFF_REMINDER_HOURS * 3_600_000,
      remindersBeforeEscalation: v.HANDOFF_REMINDERS_BEFORE_ESCALATION,
      reopenWindowMs: v.HANDOFF_REOPEN_DAYS * 86_400_000,
      /** null: all hours count (HANDOFF_WORKING_HOURS=always). */
      workingHours,
      tickMs: v.HANDOFF_TICK_SECONDS * 1000,
      /** Askers see the name of the tolk who helps them (false: "een tolk uit het netwerk"). */
      showHelperNames: v.HANDOFF_SHOW_HELPER_NAMES,
    },
    introductions: {
      /** Without an answer from the contact in this time the asker is told, kindly, that it does not work out. */
      answerTimeoutMs: v.INTRODUCTION_TIMEOUT_DAYS * 86_400_000,
      /** After an accepted introduction, when both are asked whether it helped. */
      followUpMs: v.INTRODUCTION_FOLLOW_UP_DAYS * 86_400_000,
    },
  };
}
