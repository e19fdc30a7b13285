/** The core's text puts sources after a "Bronnen:" (or, in English, "Sources:") line; chat channels show them apart. */
export function splitSources(text: string): [body: string, sources: string | undefined] {
  const found = /\n(Bronnen|Sources):/.exec(text);
  const at = found ? found.index : -1;
  return at < 0 ? [text, undefined] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** Cuts text at paragraph or line ends (else at a space) so each piece fits a channel's limit. */
export function chunk(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf("\n", limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(" ", limit);
    if (cut <= 0) cut = limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
