/** The core's text puts sources after a "Bronnen:" (or, in English, "Sources:") line; chat channels show them apart. */
export function splitSources(text: string): [body: string, sources: string | undefined] {
  const found = /\n(Bronnen|Sources):/.exec(text);
  const at = found ? found.index : -1;
  return at < 0 ? [text, undefined] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/**
 * Cuts text at paragraph or line ends (else at a space) so each piece fits a channel's limit. A hard
 * cut never falls between a backslash and the character it escapes (Discord's markdown escapes), nor
 * inside a character made of two UTF-16 units (an emoji). Nothing is lost: only the whitespace at a cut goes.
 */
export function chunk(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf("\n", limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(" ", limit);
    if (cut <= 0) cut = safeCut(rest, limit);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** A hard cut at `at`, moved back one when it would split an escape (`\*`) or a surrogate pair. */
function safeCut(text: string, at: number): number {
  let backslashes = 0;
  while (backslashes < at && text[at - 1 - backslashes] === "\\") backslashes++;
  // A run of backslashes starts on a pair boundary (each "\x" is a pair): an odd run ends in an escape's first half.
  if (backslashes % 2 === 1) return at - 1;
  const unit = text.charCodeAt(at - 1);
  return unit >= 0xd800 && unit <= 0xdbff ? at - 1 : at;
}
