import type { App } from "@slack/bolt";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";
import { eventIdOf, sendOnce, type SlackContext } from "../slack-context.js";
import { escapeSlack } from "../slack-escape.js";
import { noteInEvent, noteOf } from "../event-notes.js";

type SharedFile = { id: string; name?: string; title?: string; size?: number; url_private_download?: string; mode?: string };
type FileShareEvent = { subtype?: string; user?: string; bot_id?: string; channel: string; channel_type?: string; ts: string; files?: SharedFile[] };

/**
 * A coordinator shares a file with Vliegwiel in a direct message: it is downloaded with the bot token
 * and read into the knowledge store, with a Dutch confirmation or reason. Anyone else is told that
 * only coordinators (the roster) can add documents; the core checks that. Each reply goes out once,
 * also when a connection is cut under it (slack-reply-once.ts: keyed by the event and the file, a retry
 * looks in the DM first).
 */
/**
 * Where a shared file's event is marked seen: apart from the message listener's mark (the same event is
 * also a message, answered on its own), so the event inbox clears it too before a replay.
 */
export const fileShareSeen = (channel: string) => `${channel}-file`;

export function registerFileShare(app: App, ctx: SlackContext): void {
  const { core, options } = ctx;
  app.message(async ({ message, body }) => {
    const event = message as unknown as FileShareEvent;
    if (event.subtype !== "file_share" || event.channel_type !== "im" || event.bot_id || !event.user || !event.files?.length) return;
    const eventId = eventIdOf(body, event.ts);
    if (!options.deliveries.firstTime(fileShareSeen(ctx.name), eventId)) return; // Slack retry
    // Its own key: the same event is also answered as a message (listeners/messages.ts), with parts of its own.
    const send = sendOnce(ctx, `slack:file:${eventId}`, event.ts);
    for (const [index, file] of event.files.entries()) {
      // File names and reasons hold what people typed: escaped, so they show as typed.
      const say = (text: string, step: string) => send.post({ channel: event.channel, text: escapeSlack(text) }, `${index + 1}-${step}`);
      const name = file.name ?? file.title ?? "bestand";
      const maxBytes = options.maxFileBytes ?? 20 * 1_048_576;
      if ((file.size ?? 0) > maxBytes) {
        await say(CHANNEL_NL.addDocumentTooLarge(name, Math.round((file.size ?? 0) / 1_048_576), Math.round(maxBytes / 1_048_576)), "too-large");
        continue;
      }
      const url = file.url_private_download;
      if (!url || !isSlackFileUrl(url, options.apiUrl)) {
        await say(CHANNEL_NL.fileWithoutDownload, "no-download");
        continue;
      }
      // Read in before a stop cut off its result: that result, not the one of reading it again ("0 toegevoegd, 1 ongewijzigd").
      const outcome = `file:${index}:${file.id}`;
      const noted = noteOf(body, outcome);
      if (noted !== undefined) {
        await say(noted, "result");
        continue;
      }
      await say(CHANNEL_NL.fileReceived(name), "received");
      const bytes = await download(url, options.botToken, maxBytes, /\.html?$/i.test(name));
      if (!bytes) {
        options.logger.warn(`slack: gedeeld bestand ${file.id} downloaden mislukt`);
        await say(CHANNEL_NL.fileDownloadFailed(name), "download-failed");
        continue;
      }
      const result = (await core.team.addDocument(event.user, { fileName: name, bytes })) ?? CHANNEL_NL.addDocumentForCoordinatorsOnly;
      // Kept with the event before it is said: a replay says this, not the result of reading it again.
      noteInEvent(options.inbox, body, outcome, result);
      await say(result, "result");
    }
  });
}

/** The bot token goes only to Slack's own file host (or the API host set for tests and proxies). */
function isSlackFileUrl(url: string, apiUrl: string | undefined): boolean {
  const origin = new URL(url).origin;
  return origin === "https://files.slack.com" || (!!apiUrl && origin === new URL(apiUrl).origin);
}

/** The file's bytes, or undefined when Slack did not hand them over (it answers a login page then). */
async function download(url: string, token: string, maxBytes: number, htmlExpected: boolean): Promise<Buffer | undefined> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000), redirect: "manual" }).catch(() => undefined);
  if (!res?.ok || (!htmlExpected && (res.headers.get("content-type") ?? "").startsWith("text/html"))) return undefined;
  const bytes = Buffer.from(await res.arrayBuffer());
  return bytes.length <= maxBytes ? bytes : undefined;
}
