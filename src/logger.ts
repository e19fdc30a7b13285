import { createRequire } from "node:module";
import type winstonModule from "winston";

/** What the code logs with: a line per level, and a child that adds fields (such as `component`) to each line. */
export interface Logger {
  error(message: string, meta?: object): void;
  warn(message: string, meta?: object): void;
  info(message: string, meta?: object): void;
  debug(message: string, meta?: object): void;
  child(fields: object): Logger;
}

const SECRET_KEYS = /token|secret|password|api[_-]?key|authorization/i;
/** Slack, OpenAI, Pinecone and Discord bot tokens, and bearer headers, wherever they appear. */
const SECRET_VALUES = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|sk-[\w-]{8,}|pcsk_[\w-]+|[\w-]{20,}\.[\w-]{6,7}\.[\w-]{27,}|Bearer\s+[\w.-]+|Bot\s+[\w-]+\.[\w.-]+)/g;

/**
 * One root logger for the process; components take a child with their name. Message text of users is
 * only ever logged at debug level (callers pass it as `text`, which is dropped above debug).
 * winston (about a hundred modules) is loaded on the logger's first use, so a command that logs
 * nothing, such as `npm run ask`, does not pay for it.
 */
export function createLogger(level: string, stream: NodeJS.WritableStream = process.stderr): Logger {
  let root: winstonModule.Logger | undefined;
  return delegateTo(() => (root ??= createWinstonLogger(level, stream)));
}

/** A Logger whose winston logger is made only when a line is written or a child is asked for. */
function delegateTo(target: () => winstonModule.Logger): Logger {
  return {
    error: (message, meta) => void target().error(message, meta),
    warn: (message, meta) => void target().warn(message, meta),
    info: (message, meta) => void target().info(message, meta),
    debug: (message, meta) => void target().debug(message, meta),
    child: (fields) => {
      let child: winstonModule.Logger | undefined;
      return delegateTo(() => (child ??= target().child(fields)));
    },
  };
}

function createWinstonLogger(level: string, stream: NodeJS.WritableStream): winstonModule.Logger {
  // Through require: as an ES import, Node would first scan its CommonJS files for their exports.
  const winston = createRequire(import.meta.url)("winston") as typeof winstonModule;
  /** Removes anything that looks like a credential, whatever field it hides in. */
  const redact = winston.format((info) => {
    for (const key of Object.keys(info)) {
      const value = info[key];
      if (SECRET_KEYS.test(key)) info[key] = "[verborgen]";
      else if (typeof value === "string") info[key] = value.replace(SECRET_VALUES, "[verborgen]");
    }
    if (typeof info.message === "string") info.message = info.message.replace(SECRET_VALUES, "[verborgen]");
    return info;
  });
  const dropUserTextAboveDebug = winston.format((info) => {
    if (level !== "debug") delete info.text;
    return info;
  });
  return winston.createLogger({
    level,
    format: winston.format.combine(
      dropUserTextAboveDebug(),
      redact(),
      winston.format.timestamp(),
      winston.format.printf(({ timestamp, level: lvl, message, component, ...rest }) => {
        const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
        return `${timestamp} ${lvl}${component ? ` [${component}]` : ""} ${message}${extra}`;
      }),
    ),
    transports: [new winston.transports.Stream({ stream })],
  });
}

/**
 * The same logger, with these values (the configured tokens and keys) replaced wherever they appear:
 * in the message, in a field, in a field of a field. Patterns catch well-known forms; this catches the rest.
 */
export function hidingValues(logger: Logger, values: readonly string[]): Logger {
  const secrets = values.filter((value) => value.length >= 8);
  if (secrets.length === 0) return logger;
  const hide = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return secrets.reduce((text, secret) => text.split(secret).join("[verborgen]"), value);
    if (value instanceof Error) return hide({ ...value, message: value.message }, depth);
    if (!value || typeof value !== "object" || depth > 4) return value;
    if (Array.isArray(value)) return value.map((item) => hide(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hide(item, depth + 1)]));
  };
  const line = (write: (message: string, meta?: object) => void) => (message: string, meta?: object) =>
    write(hide(message) as string, meta === undefined ? undefined : (hide(meta) as object));
  return {
    error: line((m, meta) => logger.error(m, meta)),
    warn: line((m, meta) => logger.warn(m, meta)),
    info: line((m, meta) => logger.info(m, meta)),
    debug: line((m, meta) => logger.debug(m, meta)),
    child: (fields) => hidingValues(logger.child(fields), secrets),
  };
}
