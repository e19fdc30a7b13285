import { warmCommonTerms } from "../core/retrieval/retrieve.js";
import { warmDutchDictionary } from "../core/text/dutch-dictionary.js";
import type { Logger } from "../logger.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";

/**
 * What a running app prepares in the background so its first questions are as quick as later ones:
 * the best passages of the most common terms (at once), and the Dutch word list (some seconds and
 * ~140 MB), read in slices once Vliegwiel is ready, so neither its start nor a health check waits for
 * it. Returns what starts the word list; `signal` (the app's stop) ends both.
 */
export function warmUp(store: KnowledgeStore, signal: AbortSignal, logger: Logger): () => void {
  warmCommonTerms(store, { signal })
    .then((terms) => terms > 0 && logger.debug(`beste passages van ${terms} veelgebruikte woorden vooraf opgezocht`))
    .catch((error: Error) => logger.warn(`vooraf opzoeken van veelgebruikte woorden mislukt: ${error.message}`));
  return () => {
    const started = Date.now();
    // After the start has returned: even reading the list's first slice is not part of it.
    setImmediate(() => {
      warmDutchDictionary(signal)
        .then((loaded) => loaded && logger.debug(`de Nederlandse woordenlijst is vooraf gelezen (${Date.now() - started} ms)`))
        .catch((error: Error) => logger.warn(`vooraf lezen van de Nederlandse woordenlijst mislukt: ${error.message}`));
    });
  };
}
