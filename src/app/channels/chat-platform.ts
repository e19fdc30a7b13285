import type { Config } from "../../config.js";
import type { ChannelAdapter } from "../../core/channel.js";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import type { IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import type { TextOptions } from "../../core/handoff/handoff-texts.js";
import type { Logger } from "../../logger.js";
import type { DeliveryMemory, EventInbox } from "../../channels/ports.js";

/** What the composition root hands every chat platform's wiring. */
export type PlatformDeps = {
  config: Config;
  logger: Logger;
  deliveries: DeliveryMemory;
  /** Platform events from before their acknowledgement until handled. */
  inbox: EventInbox;
  /** A roster member's user id on a platform (the roster field named after it), for mentions. */
  platformId(userId: string, platform: string): string | undefined;
  texts: TextOptions;
};

/** A configured chat platform: its adapter, the sink for its askers, and its team sink when the team works there. */
export type WiredPlatform = {
  adapter: ChannelAdapter;
  askerSink: HandoffEffectSink;
  teamSink?: HandoffEffectSink;
  /** Introductions on this platform: private requests to contacts, notices to askers, shared conversations. */
  introSink?: IntroductionEffectSink;
};

/** Builds a platform from the settings, or undefined when it is not configured. */
export type ChatPlatform = (deps: PlatformDeps) => WiredPlatform | undefined;
