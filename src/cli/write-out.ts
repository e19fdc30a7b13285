/**
 * Writes to standard output and waits while the reader is behind (a pipe that is full), so a large
 * batch never piles up in memory and nothing is lost when the process exits.
 */
export async function writeOut(text: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once("drain", resolve));
}

/** Resolves once everything written so far to stdout and stderr has been handed to the system. */
export async function flushOutput(): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
}
