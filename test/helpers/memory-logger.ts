import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.js";

/** A logger at `level` whose lines are kept in `lines` (a new list, or one kept across restarts), for tests that read what was logged. */
export function memoryLogger(level: string, lines: string[] = []): { logger: Logger; lines: string[] } {
  const logger = createLogger(level, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  return { logger, lines };
}
