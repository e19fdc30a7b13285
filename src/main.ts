import "dotenv/config";
import { createApp } from "./app/create-app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { fileProblem } from "./file-problem.js";
import { describeUnknownSettings, unknownSettingsInEnvFile } from "./unknown-settings.js";

/** npm start: the assistant on every configured channel (the local web chat by default). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${(error as ConfigError).message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config);
  for (const line of describeUnknownSettings(unknownSettingsInEnvFile())) logger.warn(line);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, logger);
  } catch (error) {
    // A broken prompt file or database: one line saying what, no stack trace.
    logger.error(`starten mislukt: ${fileProblem(error, config.databasePath) ?? (error as Error).message}`);
    process.exit(1);
  }
  const shutdown = async (signal: string) => {
    logger.info(`Vliegwiel stopt (${signal})`);
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    await app.start();
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") logger.error(`poort ${config.web.port} is al in gebruik: zet WEB_PORT in .env op een vrije poort`);
    else logger.error(`starten mislukt: ${fileProblem(err, config.databasePath) ?? err.message}`);
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
