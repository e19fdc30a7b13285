import type { HandoffEffectSink } from "../core/handoff/handoff-service.js";

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
  return {
    async deliver(input) {
      switch (input.effect.type) {
        case "tell_asker":
        case "relay_to_asker":
          return options.askerSinks[input.handoff.asker.channel]?.deliver(input);
        case "open_thread":
        case "update_thread":
        case "post_in_thread":
          // Chosen by the asker's channel, which never changes: every step lands in the same thread.
          return (options.teamSinks[input.handoff.asker.channel] ?? options.defaultTeamSink).deliver(input);
        case "add_to_knowledge":
          return options.learningSink.deliver(input);
        default:
          return;
      }
    },
  };
}
