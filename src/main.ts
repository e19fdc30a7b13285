import "dotenv/config";
import { createApp } from "./app/create-app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
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
  const logger = createLogger(config.logLevel);
  for (const line of describeUnknownSettings(unknownSettingsInEnvFile())) logger.warn(line);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, logger);
  } catch (error) {
    // A broken prompt file or database: one line saying what, no stack trace.
    logger.error(`start failed: ${(error as Error).message}`);
    process.exit(1);
  }
  const shutdown = async (signal: string) => {
    logger.info(`stopping (${signal})`);
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    await app.start();
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") logger.error(`port ${config.web.port} is already in use: set WEB_PORT in .env to a free port`);
    else logger.error(`start failed: ${err.message}`);
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
