import type { Reply } from "./reply.js";

/** A message from any channel (web chat, Slack, Discord), in the core's terms. */
export type IncomingMessage = {
  /** Which adapter it came from: "web", "slack", "discord", "cli". */
  channel: string;
  /** The thread or conversation the reply belongs to. */
  conversationId: string;
  userId: string;
  text: string;
};

export type MessageHandler = (message: IncomingMessage) => Promise<Reply>;

/** The seam every channel adapter implements; the core never knows which one it serves. */
export interface ChannelAdapter {
  readonly name: string;
  start(handler: MessageHandler): Promise<void>;
  stop(): Promise<void>;
}
