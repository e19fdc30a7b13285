import "dotenv/config";
import { loadConfig, type Config } from "../config.js";

/** Runs a command-line entry point: settings from .env, and a one-line message instead of a stack trace. */
export function runCli(main: (config: Config, args: string[]) => Promise<number | void>): void {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  main(config, process.argv.slice(2)).then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Fout: ${message}\n`);
      if (process.env.LOG_LEVEL === "debug" && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}
