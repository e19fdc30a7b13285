import path from "node:path";
import { UserError } from "./core/errors.js";
import { parseWorkingHours, type WorkingHours } from "./core/handoff/working-time.js";
import { list, number, oneOf, optional, publicAddress, readSettings, text, type Values, webAddress, withDefault, yesNo } from "./settings-schema.js";

/**
 * The only reader of environment variables. Every setting has a default that works offline, so a
 * fresh clone runs with no `.env` at all. A bad value stops start-up with a message naming the variable.
 */
const anyText = text();
/** A Discord id: a number of 17 to 20 digits. */
const snowflake = text({ pattern: /^\d{17,20}$/, message: "moet een Discord-id zijn (17-20 cijfers; zet Ontwikkelaarsmodus aan en kies 'ID kopiëren')" });

const schema = {
  LOG_LEVEL: withDefault(oneOf(["error", "warn", "info", "debug"]), "info"),
  DATA_DIR: withDefault(anyText, "data"),
  DATABASE_PATH: optional(anyText),
  KNOWLEDGE_DIR: withDefault(anyText, "knowledge"),
  INGEST_MAX_FILE_MB: withDefault(number({ positive: true, max: 1024 }), 20),
  WEB_ENABLED: withDefault(yesNo(), true),
  WEB_HOST: withDefault(anyText, "127.0.0.1"),
  WEB_PORT: withDefault(number({ integer: true, min: 0, max: 65535 }), 3000),
  PUBLIC_BASE_URL: optional(publicAddress()),
  WEB_MESSAGES_PER_MINUTE: withDefault(number({ integer: true, min: 0, max: 10_000 }), 30),
  WEB_CONVERSATIONS_PER_HOUR: withDefault(number({ integer: true, min: 0, max: 100_000 }), 30),
  WEB_HANDOFFS_PER_HOUR: withDefault(number({ integer: true, min: 0, max: 10_000 }), 6),
  RETENTION_DAYS: withDefault(number({ integer: true, min: 1, max: 36_500 }), 365),
  MAX_QUESTION_CHARS: withDefault(number({ integer: true, min: 100, max: 100_000 }), 2000),
  ANSWER_MIN_CONFIDENCE: withDefault(number({ min: 0, max: 1 }), 0.55),
  ROSTER_FILE: withDefault(anyText, "roster.yaml"),
  HANDOFF_CONSENT_TIMEOUT_MINUTES: withDefault(number({ positive: true, max: 525_600 }), 60),
  HANDOFF_REMINDER_HOURS: withDefault(number({ positive: true, max: 8_760 }), 4),
  HANDOFF_REMINDERS_BEFORE_ESCALATION: withDefault(number({ integer: true, min: 0, max: 20 }), 2),
  HANDOFF_REOPEN_DAYS: withDefault(number({ positive: true, max: 36_500 }), 7),
  HANDOFF_WORKING_HOURS: withDefault(anyText, "09:00-17:00"),
  HANDOFF_WORKING_DAYS: withDefault(anyText, "1-5"),
  HANDOFF_TIMEZONE: withDefault(anyText, "Europe/Amsterdam"),
  HANDOFF_TICK_SECONDS: withDefault(number({ positive: true, max: 3600 }), 5),
  HANDOFF_SHOW_HELPER_NAMES: withDefault(yesNo(), true),
  INTRODUCTION_TIMEOUT_DAYS: withDefault(number({ positive: true, max: 365 }), 7),
  INTRODUCTION_FOLLOW_UP_DAYS: withDefault(number({ positive: true, max: 365 }), 14),
  SLACK_BOT_TOKEN: optional(text({ pattern: /^xoxb-/, message: "moet beginnen met xoxb-" })),
  SLACK_SIGNING_SECRET: optional(text({ minLength: 8 })),
  SLACK_APP_TOKEN: optional(text({ pattern: /^xapp-/, message: "moet beginnen met xapp-" })),
  SLACK_HANDOFF_CHANNEL: optional(anyText),
  SLACK_API_URL: optional(webAddress()),
  SLACK_AUTO_ANSWER_CHANNELS: withDefault(anyText, ""),
  PORT: withDefault(number({ integer: true, min: 0, max: 65535 }), 3001),
  DISCORD_TOKEN: optional(text({ minLength: 20, message: "lijkt geen Discord bot-token" })),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_HANDOFF_CHANNEL_ID: optional(snowflake),
  DISCORD_GUILD_IDS: withDefault(list(snowflake), []),
  DISCORD_AUTO_ANSWER_CHANNEL_IDS: withDefault(list(snowflake), []),
  DISCORD_TEAM_ROLE_IDS: withDefault(list(snowflake), []),
  DISCORD_KNOWLEDGE_ROLE_IDS: withDefault(list(snowflake), []),
  DISCORD_MESSAGE_CONTENT_INTENT: withDefault(yesNo(), true),
  DISCORD_API_URL: optional(webAddress()),
  OPENAI_API_KEY: optional(anyText),
  OPENAI_BASE_URL: optional(webAddress()),
  OPENAI_CHAT_MODEL: optional(anyText),
  OPENAI_EMBEDDING_MODEL: optional(anyText),
  OPENAI_EMBEDDING_DIMENSIONS: optional(number({ integer: true, min: 8, max: 8192 })),
  OPENAI_TIMEOUT_SECONDS: withDefault(number({ positive: true, max: 600 }), 20),
  OPENAI_BUDGET_SECONDS: withDefault(number({ positive: true, max: 900 }), 30),
  OPENAI_DAILY_TOKENS_PER_USER: withDefault(number({ integer: true, min: 0 }), 0),
  OPENAI_DAILY_TOKENS: withDefault(number({ integer: true, min: 0 }), 0),
  PINECONE_API_KEY: optional(anyText),
  PINECONE_INDEX: optional(anyText),
  PINECONE_HOST: optional(webAddress()),
  PINECONE_NAMESPACE: withDefault(anyText, "kennisbank"),
  PINECONE_TIMEOUT_SECONDS: withDefault(number({ positive: true, max: 120 }), 5),
};

/**
 * The validated settings, as the app uses them: derived from the schema above through loadConfig's
 * mapping (toConfig), so the shape is written once.
 */
/** Every setting's name, as written in .env. */
export const SETTING_NAMES: readonly string[] = Object.keys(schema);

export type Config = ReturnType<typeof toConfig>;

type Env = Values<typeof schema>;

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

/**
 * The configured secrets themselves, for the logger to hide wherever they show up (a provider that
 * repeats a refused key in its error): a key need not have a well-known form such as sk-….
 */
export function secretValues(config: Config): string[] {
  const values = [config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.discord?.token, config.openai?.apiKey, config.pinecone?.apiKey];
  return values.filter((value): value is string => !!value && value.length >= 8 && value !== "no-key-needed" && value !== "socket-mode-needs-no-signing-secret");
}

/** Values of these settings are never echoed back, not even in an error message. */
export function isSecretName(name: string): boolean {
  return /(_TOKEN|_SECRET|_KEY)$/.test(name);
}

/** Parses settings from an environment object (tests pass their own; main passes process.env). */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const read = readSettings(schema, env);
  if ("problems" in read) {
    throw new ConfigError(read.problems.map(({ name, message }) => `${name}: ${message}${isSecretName(name) ? "" : ` (gekregen: ${JSON.stringify(env[name])})`}`));
  }
  return toConfig(read.values, cwd);
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
    web: {
      enabled: v.WEB_ENABLED, host: v.WEB_HOST, port: v.WEB_PORT,
      rateLimits: { messagesPerMinute: v.WEB_MESSAGES_PER_MINUTE, conversationsPerHour: v.WEB_CONVERSATIONS_PER_HOUR, handoffsPerHour: v.WEB_HANDOFFS_PER_HOUR },
      ...(v.PUBLIC_BASE_URL ? { publicUrl: v.PUBLIC_BASE_URL.replace(/\/+$/, "") } : {}) },
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
