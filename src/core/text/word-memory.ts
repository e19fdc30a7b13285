/**
 * Answers about single words that only the Dutch word list can give (is it a word, what does an
 * OCR-damaged word stand for), kept so that a later process need not load the list (some seconds)
 * to repeat them. The embedded store keeps them on disk; without it they live for the process only.
 * A value of null means "asked, and the answer is no".
 */
export interface WordMemory {
  recall(key: string): string | null | undefined;
  remember(key: string, value: string | null): void;
  /** Writes what is still pending (a persistent memory writes in batches). */
  flush?(): void;
}

const MAX_IN_PROCESS = 200_000;

/** A memory that lasts as long as the process, bounded. */
export function inProcessWordMemory(): WordMemory {
  const map = new Map<string, string | null>();
  return {
    recall: (key) => map.get(key),
    remember: (key, value) => {
      if (map.size >= MAX_IN_PROCESS) map.clear();
      map.set(key, value);
    },
  };
}

let keeping = 0;

/**
 * Runs work whose word answers are also kept beyond the process: the words of documents, at ingest.
 * Outside it answers live in the process only, so no word of a question (which may be personal) is
 * ever written down.
 */
export function keepingWordAnswers<T>(work: () => T): T {
  keeping++;
  try {
    return work();
  } finally {
    keeping--;
    if (keeping === 0) memory.flush?.();
  }
}

/** Puts a fast in-process layer in front of a slower (persistent) memory, written only while keeping. */
export function layeredWordMemory(slow: WordMemory): WordMemory {
  const fast = inProcessWordMemory();
  return {
    recall(key) {
      const known = fast.recall(key);
      if (known !== undefined) return known;
      const remembered = slow.recall(key);
      if (remembered !== undefined) fast.remember(key, remembered);
      return remembered;
    },
    remember(key, value) {
      fast.remember(key, value);
      if (keeping > 0) slow.remember(key, value);
    },
    flush: () => slow.flush?.(),
  };
}

let memory: WordMemory = inProcessWordMemory();

export function wordMemory(): WordMemory {
  return memory;
}

/** Where word answers are kept from now on (the composition root passes the store's); none: in-process only. */
export function useWordMemory(next?: WordMemory): void {
  memory = next ? layeredWordMemory(next) : inProcessWordMemory();
}
