import { SlackChannel } from "../../channels/slack/slack-channel.js";
import type { ChatPlatform } from "./chat-platform.js";

/** Slack, when SLACK_BOT_TOKEN is set; the team works in Slack when SLACK_HANDOFF_CHANNEL is set. */
export const slackPlatform: ChatPlatform = ({ config, logger, deliveries, inbox, platformId, texts }) => {
  if (!config.slack) return undefined;
  const adapter = new SlackChannel({ ...config.slack, deliveries, inbox, logger: logger.child({ component: "slack" }), maxFileBytes: config.ingestMaxFileBytes });
  const sink = adapter.handoffSink(texts, (userId) => platformId(userId, "slack"));
  return { adapter, askerSink: sink, teamSink: config.slack.handoffChannel ? sink : undefined, introSink: adapter.introSink() };
};
