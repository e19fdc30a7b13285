import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { retryTransient, type RetryOptions } from "../retry-transient.js";
import { isSlackNetworkFailure, slackAskedPauseMs, slackFailureText } from "./slack-network-failure.js";
import { findPostedWith } from "./slack-post-once.js";

type Client = App["client"];
type ChatPostArgs = Parameters<Client["chat"]["postMessage"]>[0];

/** The metadata event type of a reply's messages: it carries the key of what the reply answers, and the part. */
export const REPLY_METADATA_TYPE = "vliegwiel_reply";

/**
 * What a reply answers: the event, command or button press by its key; since when its messages can be
 * there (ISO time); and whether its handling started before (a restart handles it again), so that even
 * the first try looks whether a message of it already landed.
 */
export type ReplyMark = { key: string; since: string; handledBefore: boolean };

export type ReplySender = {
  /** Posts one part of the reply, once however often a connection is cut: a second try first looks whether it landed. */
  post(args: ChatPostArgs & { channel: string; thread_ts?: string }, part: string): Promise<void>;
  /** A call that leaves nothing to look for (an ephemeral, opening the DM), tried again as it is. */
  call<T>(what: string, work: (client: Client) => Promise<T>): Promise<T>;
};

export type ReplySenderOptions = { logger: Logger; stopped: () => boolean; delaysMs?: readonly number[] };

/**
 * Sends a reply's messages through `client`, which does not retry by itself (else a post that landed
 * before its connection was cut would be posted again). Network trouble (a connection closed, reset or
 * timed out, Slack's 5xx or 429) and Slack's transient `ok: false` errors (slack-network-failure.ts)
 * are retried here with growing pauses (retry-transient.ts); each post
 * carries the mark in Slack's message metadata, and a retry posts only when the thread has no message
 * with it. Still failing, it throws KeptForNextStart: the event stays in the inbox for the next start.
 */
export function replySender(client: Client, mark: ReplyMark, options: ReplySenderOptions): ReplySender {
  const retry = slackRetry(options);
  return {
    async post(args, part) {
      const payload = { reply_key: mark.key, part };
      const postNow = async () => {
        await client.chat.postMessage({ ...args, metadata: { event_type: REPLY_METADATA_TYPE, event_payload: payload } } as ChatPostArgs);
      };
      const lookFirst = async () => {
        if (!(await findPostedWith(client, args, { eventType: REPLY_METADATA_TYPE, payload, since: mark.since }))) await postNow();
      };
      await retryTransient(`het bericht voor ${mark.key} (deel ${part})`, mark.handledBefore ? lookFirst : postNow, lookFirst, retry);
    },
    async call<T>(what: string, work: (client: Client) => Promise<T>): Promise<T> {
      let result: T | undefined;
      const once = async () => {
        result = await work(client);
      };
      await retryTransient(`${what} voor ${mark.key}`, once, once, retry);
      return result as T;
    },
  };
}

/** How a call to Slack through a client that does not retry by itself is retried: network trouble, with growing pauses. */
export function slackRetry(options: ReplySenderOptions): RetryOptions {
  return { ...options, platform: "slack", isTransient: isSlackNetworkFailure, pauseAtLeastMs: slackAskedPauseMs, describe: slackFailureText };
}
