/** Where a question came from, as a maintainer reads it in `kennis -- onbeantwoord`. */
const CHANNELS: Record<string, string> = { web: "webchat", slack: "Slack", discord: "Discord", cli: "opdrachtregel" };

export const channelLabel = (channel: string): string => CHANNELS[channel] ?? channel;

/** "1 passage", "3 passages": a count with the right Dutch form (one helper for the whole project). */
export { count } from "../core/dutch-numbers.js";
