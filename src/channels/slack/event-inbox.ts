import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { DeliveryMemory, EventInbox } from "../ports.js";
import { keptForNextStart } from "../retry-transient.js";
import { fileShareSeen } from "./listeners/file-share.js";
import { inboxKey, KEY_PREFIX } from "./event-notes.js";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/**
 * Bolt acknowledges an event (HTTP 200, or the socket's ack) before any listener runs, and Slack
 * does not deliver it again. So each event is written to the inbox first, before Bolt sees it, and
 * marked done when its listeners finished; one cut off by a crash, or whose reply could not be sent
 * for network trouble however often it was tried (KeptForNextStart), is handled after the restart
 * (`replay`). A delivery already taken or done is acknowledged and left alone.
 */
export function keepEventsInInbox(app: App, options: { inbox: EventInbox; deliveries: DeliveryMemory; channel: string; logger: Logger }): { replay(): Promise<number> } {
  const { inbox, deliveries, channel, logger } = options;
  const process = app.processEvent.bind(app);
  const handle = async (key: string, event: ReceiverEvent) => {
    // Handled before but cut off: its "seen" marks must not make it look like a repeat now (the file
    // listener keeps its own: a shared file is also a message, answered apart).
    for (const seen of [channel, fileShareSeen(channel)]) deliveries.forget(seen, key.slice(KEY_PREFIX.length));
    try {
      await process(event);
    } catch (error) {
      // Network trouble outlasted every retry (slack-reply-once.ts): kept for the next start, not done.
      const kept = keptForNextStart(error);
      if (kept) return void logger.warn(`slack: gebeurtenis ${key}: ${kept.message}`);
      inbox.done(key);
      throw error;
    }
    inbox.done(key);
  };
  app.processEvent = async (event: ReceiverEvent) => {
    const key = inboxKey(event.body);
    if (!key) return process(event).catch((error: unknown) => loggedIfKept(error, logger));
    if (!inbox.take(key, event.body)) return event.ack();
    return handle(key, event);
  };
  return {
    async replay() {
      const unfinished = inbox.takeUnfinished(KEY_PREFIX);
      for (const { key, body } of unfinished) {
        logger.info(`slack: gebeurtenis ${key} wordt opnieuw behandeld (een stop onderbrak hem)`);
        await handle(key, { body: body as ReceiverEvent["body"], ack: async () => undefined }).catch((error: Error) => logger.error(`slack: gebeurtenis ${key} opnieuw mislukt: ${error.message}`));
      }
      return unfinished.length;
    },
  };
}

/**
 * A button press or form is not kept in the inbox: a reply to it that network trouble kept out past
 * every retry is lost, said once in the log (the person can press again). Other errors go on to Bolt.
 */
function loggedIfKept(error: unknown, logger: Logger): void {
  const kept = keptForNextStart(error);
  if (!kept) throw error;
  logger.error(`slack: het antwoord op een knop of formulier kon ook na herhaalde pogingen niet geplaatst worden (${kept.causeText}); het gaat verloren`);
}
