import { delivering } from "../core/handoff/delivery-error.js";
import type { IntroductionEffectSink } from "../core/introductions/introduction-service.js";

/**
 * Sends each introduction effect to the platform of the person it is for: notices and the follow-up
 * question for the asker to the asker's platform; the request and its notices to the contact's; a
 * shared conversation to the platform both are on. A platform without a sink has nothing to show.
 */
export function createIntroEffectRouter(sinks: Record<string, IntroductionEffectSink>): IntroductionEffectSink {
  return {
    async deliver(input) {
      const { intro, effect } = input;
      const forAsker = effect.type === "tell_asker" || effect.type === "connect" || (effect.type === "ask_helped" && effect.to === "asker");
      const platform = forAsker ? intro.asker.platform : intro.contact.platform;
      const sink = sinks[platform];
      if (sink) await delivering(platform, undefined, () => sink.deliver(input));
    },
  };
}
