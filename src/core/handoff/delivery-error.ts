/**
 * A failed delivery, with where it was going: "slack", "discord", "web" or "kennisbank", and the
 * platform's own target (a channel id) when known. The outbox logs and reports these.
 */
export class DeliveryError extends Error {
  constructor(
    readonly channel: string,
    override readonly cause: unknown,
    readonly target?: string,
  ) {
    super(`${messageOf(cause)}${target ? ` (in ${target})` : ""}`);
    this.name = "DeliveryError";
  }
}

/** Runs a delivery step, naming the channel (and target) in what it throws. */
export async function delivering<T>(channel: string, target: string | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    throw new DeliveryError(channel, error, target);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
