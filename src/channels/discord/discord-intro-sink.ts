import { Routes, type REST } from "discord.js";
import { delivering } from "../../core/handoff/delivery-error.js";
import type { IntroDeliveryInput, IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import { INTRO_NOTICES_SHOWN_AS_REPLY, sharedConnectText, introEffectButtons, introEffectLanguage, introEffectText } from "../../core/introductions/introduction-texts.js";
import type { Party } from "../../core/introductions/introduction-types.js";
import { postOnce } from "./discord-effect-post.js";
import { introMessages } from "./intro-message.js";

const ASKER = "\u0000A\u0000";
const CONTACT = "\u0000C\u0000";
/** A Discord user's handle: a mention, which shows as a link to the person. */
const handleOf = (p: Party) => (/^\d{5,25}$/.test(p.userId) ? `<@${p.userId}>` : p.name);

/** A nonce per introduction effect (and piece), apart from the handoffs' ("vw…"); Discord allows 25 characters. */
const introNonce = (effectId: number, piece = 0, part = 0) => `vi${effectId}.${piece}${part ? `.${part}` : ""}`;

/**
 * Introduction messages on Discord: the request and its notices in the contact's DM, notices in the
 * asker's DM (never a server channel others read), and on accept a DM to each with the other's
 * handle. Posts carry a nonce with enforce_nonce and are recorded, so a retry never posts twice.
 */
export function createDiscordIntroSink(rest: () => REST): IntroductionEffectSink {
  const dmOf = async (userId: string): Promise<string> => ((await rest().post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string }).id;
  const post = async (input: IntroDeliveryInput, channelId: string, text: string, piece = 0, replyTo?: string, handles?: Record<string, string>) => {
    const messages = introMessages(text, introEffectButtons(input.effect), input.intro.id, handles, introEffectLanguage(input.intro, input.effect));
    let last = "";
    // A long text (a long question) in several messages, in order; the id of the last (with the buttons) is returned.
    for (const [part, message] of messages.entries()) last = (await postOnce(rest(), channelId, message, introNonce(input.effectId, piece, part), part === 0 ? replyTo : undefined)).id;
    return last;
  };
  return {
    async deliver(input) {
      if (input.posted) return;
      const { intro, effect } = input;
      const toAsker = effect.type === "tell_asker" || (effect.type === "ask_helped" && effect.to === "asker");
      await delivering("discord", toAsker ? intro.asker.conversationId : intro.contact.userId, async () => {
        if (effect.type === "connect") {
          // Each gets a DM with the other's handle (a mention opens their profile), and both are named.
          const text = sharedConnectText(intro, `${ASKER} (${intro.asker.name})`, `${CONTACT} (${intro.contact.name})`);
          const handles = { [ASKER]: handleOf(intro.asker), [CONTACT]: handleOf(intro.contact) };
          await post(input, await dmOf(intro.asker.userId), text, 0, undefined, handles);
          const last = await post(input, await dmOf(intro.contact.userId), text, 1, undefined, handles);
          input.recordPost(last);
          return;
        }
        if (effect.type === "tell_asker" && INTRO_NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
        const text = introEffectText(intro, effect);
        if (text === undefined) return;
        if (toAsker) {
          // What concerns the asker alone (sent, declined, the contact's name, the follow-up) goes to their
          // DM: a server channel or thread is read by others. (Asked in the DM, it is that same channel.)
          input.recordPost(await post(input, await dmOf(intro.asker.userId), text));
        } else {
          input.recordPost(await post(input, await dmOf(intro.contact.userId), text));
        }
      });
    },
  };
}
