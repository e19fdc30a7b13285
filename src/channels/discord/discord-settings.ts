import type { Logger } from "../../logger.js";
import type { DeliveryMemory, EventInbox } from "../ports.js";

/** Discord's settings as the adapter needs them (src/config.ts reads them from the environment). */
export type DiscordSettings = {
  token: string;
  handoffChannelId?: string;
  /** Empty: every server the bot is in. */
  guildIds: readonly string[];
  autoAnswerChannelIds: readonly string[];
  /** Discord roles that may claim and answer handoffs; empty: the roster decides. */
  teamRoleIds: readonly string[];
  /** Discord roles that may add documents; empty: the roster's coordinators. */
  knowledgeRoleIds: readonly string[];
  messageContentIntent: boolean;
  apiUrl?: string;
};

export type DiscordChannelOptions = DiscordSettings & {
  deliveries: DeliveryMemory;
  /** Where a message waits from its arrival until it is answered, so a stop in between loses nothing. */
  inbox?: EventInbox;
  logger: Logger;
  /** Largest document a maintainer may add from chat. */
  maxFileBytes: number;
};
