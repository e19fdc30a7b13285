import type { types } from "@slack/bolt";
import type { CoreApi } from "../../core/channel.js";
import { NL } from "../../core/replies-nl.js";
import { CHANNEL_NL } from "../../core/channel-texts-nl.js";

/** The App Home tab: what Vliegwiel does, and for tolken the questions waiting for them. */
export function homeView(core: CoreApi, slackUserId: string): { type: "home"; blocks: types.KnownBlock[] } {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Vliegwiel" } },
    { type: "section", text: { type: "mrkdwn", text: NL.help } },
    { type: "context", elements: [{ type: "mrkdwn", text: CHANNEL_NL.homeHowToAsk }] },
  ];
  const member = core.team.member(slackUserId);
  if (member) {
    const waiting = core.team.list().filter((h) => h.status === "open" || (h.status === "claimed" && h.claimedBy?.userId === member.userId));
    blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: CHANNEL_NL.homeTeamHeader } });
    blocks.push(...(waiting.length
      ? waiting.slice(0, 40).map((h): types.KnownBlock => ({
          type: "section",
          text: { type: "mrkdwn", text: `*${h.status === "open" ? CHANNEL_NL.homeOpen : CHANNEL_NL.homeClaimedByYou}* · ${h.theme ?? CHANNEL_NL.homeWithoutTheme}\n${h.question.slice(0, 500).replace(/[<>&]/g, "")}` },
        }))
      : [{ type: "section", text: { type: "mrkdwn", text: CHANNEL_NL.homeNothingWaiting } } as types.KnownBlock]));
  }
  return { type: "home", blocks };
}

