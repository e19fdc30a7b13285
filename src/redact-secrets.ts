/** What a hidden value is replaced with in a log line. */
export const HIDDEN = "[verborgen]";

const SECRET_KEYS = /token|secret|password|api[_-]?key|authorization/i;
/** Slack, OpenAI, Pinecone and Discord bot tokens, and bearer headers, wherever they appear. */
const SECRET_VALUES = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|sk-[\w-]{8,}|pcsk_[\w-]+|[\w-]{20,}\.[\w-]{6,7}\.[\w-]{27,}|Bearer\s+[\w.-]+|Bot\s+[\w-]+\.[\w.-]+)/g;
/** Deeper than this a log field is not walked (a log line is no place for a whole object graph). */
const MAX_DEPTH = 6;

/**
 * Hides credentials in one log line's fields: a field whose name looks secret (at any depth), a value
 * with a well-known token form, and the configured secrets themselves (a key need not look like one),
 * in strings, objects, arrays and errors (an error's message; a stack winston lifts into the line is a
 * string field like any other). Returns copies; what the caller logged is
 * left as it was.
 */
export function secretHider(configured: readonly string[]): (value: unknown) => unknown {
  const secrets = configured.filter((value) => value.length >= 8);
  const hideText = (text: string) =>
    secrets.reduce((hidden, secret) => hidden.split(secret).join(HIDDEN), text).replace(SECRET_VALUES, HIDDEN);
  const hide = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === "string") return hideText(value);
    if (!value || typeof value !== "object") return value;
    if (depth > MAX_DEPTH || seen.has(value)) return "[…]";
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => hide(item, depth + 1, seen));
    const fields: Record<string, unknown> = value instanceof Error ? errorFields(value) : { ...value };
    for (const [key, item] of Object.entries(fields)) fields[key] = SECRET_KEYS.test(key) ? HIDDEN : hide(item, depth + 1, seen);
    return fields;
  };
  return (value) => hide(value, 0, new WeakSet());
}

/** An error as the fields a log line shows: its own fields and its message (JSON would show neither). */
function errorFields(error: Error): Record<string, unknown> {
  return { ...error, message: error.message };
}
