/**
 * A part of the signals report beyond the handoffs (the gids, introductions, …): a title and its lines,
 * rendered the same on the command line, in the team view and in Slack/Discord. Each part of the
 * product adds its own provider to the list in src/app/signal-sources.ts.
 */
export type SignalSection = { title: string; lines: string[] };

/** Makes one section of the period since `since`; undefined when it has nothing to say. */
export type SignalSectionProvider = (since: Date, now: Date) => SignalSection | undefined;
