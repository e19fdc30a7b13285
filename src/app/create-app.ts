import { WebChatChannel } from "../channels/web/web-chat-channel.js";
import type { Config } from "../config.js";
import type { ChannelAdapter } from "../core/channel.js";
import type { Logger } from "../logger.js";
import { formatSummary } from "../cli/print-ingest.js";
import { createCore } from "./create-core.js";
import { openKnowledge, syncKnowledgeFolder } from "./open-knowledge.js";
import { safeHandler } from "./safe-handler.js";

export type App = { channels: ChannelAdapter[]; start(): Promise<void>; stop(): Promise<void> };

/** The composition root: store, core and every configured channel, wired together. */
export function createApp(config: Config, logger: Logger): App {
  const knowledge = openKnowledge(config);
  const core = createCore(config, knowledge);
  const channels: ChannelAdapter[] = [];
  if (config.web.enabled) {
    channels.push(new WebChatChannel({ host: config.web.host, port: config.web.port, logger: logger.child({ component: "web" }) }));
  }
  return {
    channels,
    async start() {
      const summary = await syncKnowledgeFolder(config, knowledge.store);
      logger.info(formatSummary(summary).replace(/\n/g, " | "));
      if (channels.length === 0) logger.warn("no channel is configured: set WEB_ENABLED=true or connect Slack or Discord");
      const handler = safeHandler(core, logger.child({ component: "core" }));
      for (const channel of channels) await channel.start(handler);
    },
    async stop() {
      for (const channel of channels) await channel.stop();
      knowledge.close();
    },
  };
}
