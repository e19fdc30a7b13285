import { delivering } from "../core/handoff/delivery-error.js";
import type { DeliveryInput, HandoffEffectSink } from "../core/handoff/handoff-service.js";

export type EffectRouterOptions = {
  /** Per asker channel ("web", "slack", "discord"): notices and relayed answers for the asker. */
  askerSinks: Record<string, HandoffEffectSink>;
  /**
   * Where the team of tolken works (handoff threads, claims, reminders), per platform that has a
   * handoff channel: a question asked on that platform is handled there.
   */
  teamSinks: Record<string, HandoffEffectSink>;
  /** For questions from anywhere else (the local chat, or a platform without a handoff channel). */
  defaultTeamSink: HandoffEffectSink;
  /** The learning loop. */
  learningSink: HandoffEffectSink;
};

/**
 * Sends each handoff effect to the right place: the asker's own channel, the team's channel (which
 * may be another platform than the asker's), or the knowledge store. Channels without a sink (the
 * command line) simply have nothing to show.
 */
export function createEffectRouter(options: EffectRouterOptions): HandoffEffectSink {
  const teamChannel = Object.entries(options.teamSinks).find(([, sink]) => sink === options.defaultTeamSink)?.[0] ?? "web";
  // A failure names the channel it happened in, for the log and the team view.
  const via = (channel: string, sink: HandoffEffectSink | undefined, input: DeliveryInput) =>
    sink ? delivering(channel, undefined, () => sink.deliver(input)) : undefined;
  return {
    async deliver(input) {
      const askerChannel = input.handoff.asker.channel;
      switch (input.effect.type) {
        case "tell_asker":
        case "relay_to_asker":
          return via(askerChannel, options.askerSinks[askerChannel], input);
        case "open_thread":
        case "update_thread":
        case "post_in_thread": {
          // Chosen by the asker's channel, which never changes: every step lands in the same thread.
          const own = options.teamSinks[askerChannel];
          return own ? via(askerChannel, own, input) : via(teamChannel, options.defaultTeamSink, input);
        }
        case "add_to_knowledge":
          return via("kennisbank", options.learningSink, input);
        default:
          return;
      }
    },
  };
}
