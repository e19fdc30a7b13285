import type { types } from "@slack/bolt";

/** A Block Kit button. */
export function button(actionId: string, text: string, value: string, style?: "primary" | "danger"): types.Button {
  return { type: "button", action_id: actionId, text: { type: "plain_text", text }, value, ...(style ? { style } : {}) };
}
