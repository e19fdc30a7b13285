import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** Bolt's log lines through our logger (which keeps tokens out). */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: (...m: unknown[]) => logger.debug(m.map(String).join(" ")),
    info: (...m: unknown[]) => logger.info(m.map(String).join(" ")),
    warn: (...m: unknown[]) => logger.warn(m.map(String).join(" ")),
    error: (...m: unknown[]) => logger.error(m.map(String).join(" ")),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** The same, with everything at debug: for a client whose failures are reported in another way. */
export function quietLogger(logger: Logger): BoltLogger {
  return { ...boltLogger(logger), info: (...m: unknown[]) => logger.debug(m.map(String).join(" ")), warn: (...m: unknown[]) => logger.debug(m.map(String).join(" ")), error: (...m: unknown[]) => logger.debug(m.map(String).join(" ")) };
}
