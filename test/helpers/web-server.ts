import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";

export type WebServer = {
  app: App;
  url: string;
  /** A second connection to the app's database, for what the test reads there. */
  db: ReturnType<typeof openDatabase>;
  repository: SqliteHandoffRepository;
  stop(): Promise<void>;
};

/** The real app with its web chat on a free port (no browser), and a look into its database. */
export async function startWebServer(config: Config): Promise<WebServer> {
  const app = createApp(config, createLogger("error"));
  await app.start();
  const db = openDatabase(config.databasePath);
  return {
    app, db,
    url: (app.channels[0] as WebChatChannel).url,
    repository: new SqliteHandoffRepository(db),
    async stop() {
      db.close();
      await app.stop();
    },
  };
}
