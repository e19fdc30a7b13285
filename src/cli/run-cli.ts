import "dotenv/config";
import { loadConfig, type Config } from "../config.js";
import { describeUnknownSettings, unknownSettingsInEnvFile } from "../unknown-settings.js";
import { flushOutput } from "./write-out.js";
import { DATABASE_BUSY, isDatabaseBusy } from "../store/database-busy.js";
import { fileProblem } from "../file-problem.js";

/**
 * Runs a command-line entry point: settings from .env, and a one-line message instead of a stack trace.
 * It exits only once standard output is drained, so a reader behind a pipe gets every line.
 */
export function runCli(main: (config: Config, args: string[]) => Promise<number | void>): void {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  for (const line of describeUnknownSettings(unknownSettingsInEnvFile())) process.stderr.write(`Let op: ${line}\n`);
  main(config, process.argv.slice(2)).then(
    (code) => exitAfterFlush(code ?? 0),
    (error: unknown) => {
      const message = isDatabaseBusy(error) ? DATABASE_BUSY : fileProblem(error, config.databasePath) ?? (error instanceof Error ? error.message : String(error));
      process.stderr.write(`Fout: ${message}\n`);
      if (process.env.LOG_LEVEL === "debug" && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      exitAfterFlush(1);
    },
  );
}

function exitAfterFlush(code: number): void {
  process.exitCode = code;
  flushOutput().then(() => process.exit(code), () => process.exit(code));
}
