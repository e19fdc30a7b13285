import { createRequire } from "node:module";
import type winstonModule from "winston";
import { secretValues, type Config } from "./config.js";
import { secretHider } from "./redact-secrets.js";

/** What the code logs with: a line per level, and a child that adds fields (such as `component`) to each line. */
export interface Logger {
  error(message: string, meta?: object): void;
  warn(message: string, meta?: object): void;
  info(message: string, meta?: object): void;
  debug(message: string, meta?: object): void;
  child(fields: object): Logger;
}

/**
 * One root logger for the process; components take a child with their name. Message text of users is
 * only ever logged at debug level (callers pass it as `text`, which is dropped above debug).
 * winston (about a hundred modules) is loaded on the logger's first use, so a command that logs
 * nothing, such as `npm run ask`, does not pay for it.
 * Given the loaded Config, the logger hides its secrets (the configured tokens and keys) wherever they
 * show up in a line; given a level alone (before the config is read, in tests), only the well-known
 * token forms and fields named like a secret.
 */
export function createLogger(from: string | Config, stream: NodeJS.WritableStream = process.stderr): Logger {
  const level = typeof from === "string" ? from : from.logLevel;
  const secrets = typeof from === "string" ? [] : secretValues(from);
  let root: winstonModule.Logger | undefined;
  return delegateTo(() => (root ??= createWinstonLogger(level, stream, secrets)));
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

function createWinstonLogger(level: string, stream: NodeJS.WritableStream, secrets: readonly string[]): winstonModule.Logger {
  // Through require: as an ES import, Node would first scan its CommonJS files for their exports.
  const winston = createRequire(import.meta.url)("winston") as typeof winstonModule;
  /** Removes the configured secrets and anything that looks like a credential, at any depth of the line. */
  const hide = secretHider(secrets);
  const redact = winston.format((info) => {
    // Nested fields come back as copies: an object the caller logged is left as it was.
    return Object.assign(info, hide({ ...info }));
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
