/**
 * Why a web page could not be read, in the words every way in uses (`kennis -- add` and a link in
 * chat or the team view), so the same page gets the same reason wherever it was added.
 */
export const PAGE_UNREACHABLE = "pagina niet bereikbaar (klopt het adres, en is er internet?)";
export const TOO_MANY_REDIRECTS = "de pagina verwijst te vaak door naar een ander adres";

/** fetch gave up following redirects (Node's fetch: "fetch failed", caused by "redirect count exceeded"). */
export function isRedirectLoop(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (/redirect count exceeded/i.test(cause.message)) return true;
  }
  return false;
}
