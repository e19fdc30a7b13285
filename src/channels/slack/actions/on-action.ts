import type { App } from "@slack/bolt";
import { ackAfterCommit } from "../ack-after-commit.js";
import type { SlackContext } from "../slack-context.js";
import { ASKER_ACTIONS, onAskerButton } from "./asker-buttons.js";
import { onFeedbackButton } from "./feedback-buttons.js";
import { isIntroAction, onIntroButton } from "./intro-buttons.js";
import { onTeamButton } from "./team-buttons.js";

export type ActionBody = {
  user: { id: string; name?: string };
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string };
  message?: { ts: string; thread_ts?: string };
  trigger_id?: string;
  actions: Array<{ action_id: string; value?: string; action_ts?: string }>;
};

/** A pressed button, in the terms every button family's handler uses. */
export type ButtonPress = {
  press: ActionBody; actionId: string; value?: string; channel: string; threadTs: string; eventKey: string;
  /** Acknowledges the press to Slack: call it once the press is committed. */
  ack: () => Promise<void>;
};

/** Every `vliegwiel_*` button, to the handler of its family (asker, feedback, team). */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action(/^vliegwiel_/, async ({ ack: ackNow, body, action }) => {
    // Acknowledged once the press is committed (consent, claim, close), so a crash in between leaves
    // the button unanswered for Slack to show, never a press that was answered but lost.
    const ack = ackAfterCommit(ackNow);
    const press = body as unknown as ActionBody;
    const { action_id: actionId, value } = action as { action_id: string; value?: string };
    const channel = press.channel?.id ?? press.container?.channel_id ?? "";
    const threadTs = press.container?.thread_ts ?? press.message?.thread_ts ?? press.container?.message_ts ?? press.message?.ts ?? "";
    const eventKey = `slack:${press.trigger_id ?? `${actionId}:${press.user.id}:${(action as { action_ts?: string }).action_ts}`}`;
    const pressed: ButtonPress = { press, actionId, value, channel, threadTs, eventKey, ack };
    if (ASKER_ACTIONS[actionId]) return onAskerButton(ctx, pressed);
    if (isIntroAction(actionId)) return onIntroButton(ctx, pressed);
    if (actionId === "vliegwiel_feedback_up" || actionId === "vliegwiel_feedback_down") return onFeedbackButton(ctx, pressed);
    return onTeamButton(ctx, pressed);
  });
}
