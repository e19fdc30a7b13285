/** Slack shows an error to the user when a button press is not acknowledged within 3 seconds. */
const LATEST_ACK_MS = 2_500;

/**
 * An acknowledgement to call once the press is committed (so Slack's 200 never precedes the
 * stored consent or claim). Should the work take long, it is acknowledged anyway just before
 * Slack's limit; calling it again does nothing.
 */
export function ackAfterCommit(ack: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const once = () => (done ??= ack());
  const timer = setTimeout(() => void once().catch(() => undefined), LATEST_ACK_MS);
  return () => {
    clearTimeout(timer);
    return once();
  };
}
