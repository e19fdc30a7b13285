import type { types } from "@slack/bolt";
import type { CoreApi } from "../../core/channel.js";
import { NL } from "../../core/replies-nl.js";

/** The App Home tab: what Vliegwiel does, and for tolken the questions waiting for them. */
export function homeView(core: CoreApi, slackUserId: string): { type: "home"; blocks: types.KnownBlock[] } {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Vliegwiel" } },
    { type: "section", text: { type: "mrkdwn", text: NL.help } },
    { type: "context", elements: [{ type: "mrkdwn", text: "Vragen? Noem @Vliegwiel in een kanaal, stuur een direct bericht, of gebruik `/vliegwiel`." }] },
  ];
  const member = core.team.member(slackUserId);
  if (member) {
    const waiting = core.team.list().filter((h) => h.status === "open" || (h.status === "claimed" && h.claimedBy?.userId === member.userId));
    blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: "Vragen voor jou en het team" } });
    blocks.push(...(waiting.length
      ? waiting.slice(0, 40).map((h): types.KnownBlock => ({
          type: "section",
          text: { type: "mrkdwn", text: `*${h.status === "open" ? "Open" : "Door jou opgepakt"}* · ${h.theme ?? "zonder thema"}\n${h.question.slice(0, 500).replace(/[<>&]/g, "")}` },
        }))
      : [{ type: "section", text: { type: "mrkdwn", text: "Geen open vragen. Mooi zo!" } } as types.KnownBlock]));
  }
  return { type: "home", blocks };
}

