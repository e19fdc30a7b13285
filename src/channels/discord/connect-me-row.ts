import type { InitiativeItem } from "../initiative-items.js";
import { CONNECT_ME_LABEL } from "../../core/introductions/introduction-texts.js";
import { buttonRow, customId } from "./render-discord-reply.js";

/** "Breng me in contact: <initiative>" for each suggested initiative (at most five, one row); none without initiatives. */
export function connectMeRow(items: readonly InitiativeItem[]): ReturnType<typeof buttonRow> | undefined {
  if (!items.length) return undefined;
  return buttonRow(items.slice(0, 5).map((item) => ({ customId: customId("connect_me", item.id), label: `${CONNECT_ME_LABEL}: ${item.name}`.slice(0, 80), style: 2 })));
}
