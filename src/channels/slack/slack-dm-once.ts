import { sendOnce, type SlackContext } from "./slack-context.js";

/**
 * Posts `text` (already escaped) at the top of a person's DM with Vliegwiel, once however often a
 * connection is cut under it (slack-reply-once.ts: `key` in the message's metadata, a retry looks in
 * the DM first). For replies to a form or a shared file, which Bolt's own client would send again by
 * itself without looking. The DM is opened by its id first: the look reads that conversation's history.
 */
export async function postDmOnce(ctx: SlackContext, key: string, user: string, text: string): Promise<void> {
  const send = sendOnce(ctx, key, "");
  const opened = await send.call("het openen van de DM", (client) => client.conversations.open({ users: user }));
  const channel = opened.channel?.id;
  if (!channel) throw new Error("conversations.open gave no channel");
  await send.post({ channel, text }, "1");
}

/** A form submission's key: its trigger id (one per submission), else the view's id and state hash. */
export function submissionKey(body: { trigger_id?: string; view?: { id?: string; hash?: string } }): string {
  return body.trigger_id ? `slack:${body.trigger_id}` : `slack:view:${body.view?.id}:${body.view?.hash}`;
}
