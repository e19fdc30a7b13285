import type { HTMLElement } from "node-html-parser";

/** Each list's numbers, worked out once for all its items (a long list would otherwise be counted per item). */
const counted = new WeakMap<HTMLElement, Map<HTMLElement, number>>();

/**
 * The number a browser shows for each item of an <ol>: from its start="…" (else 1, or for a reversed list
 * the number of its items), counting up, or down when reversed; an item with its own value="…" has that
 * number, and the items after it count on from there. A start or value that is no number is ignored.
 */
export function itemNumbers(list: HTMLElement): Map<HTMLElement, number> {
  const known = counted.get(list);
  if (known) return known;
  const items = list.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && (c as HTMLElement).tagName.toLowerCase() === "li");
  const reversed = list.hasAttribute("reversed");
  const step = reversed ? -1 : 1;
  let next = integerOf(list.getAttribute("start")) ?? (reversed ? items.length : 1);
  const numbers = new Map<HTMLElement, number>();
  for (const item of items) {
    const number = integerOf(item.getAttribute("value")) ?? next;
    numbers.set(item, number);
    next = number + step;
  }
  counted.set(list, numbers);
  return numbers;
}

/** An attribute's integer as HTML reads it (leading spaces, a sign, digits; "7e" is 7), or undefined. */
function integerOf(value: string | undefined): number | undefined {
  const match = /^\s*([+-]?\d+)/.exec(value ?? "");
  return match ? Number.parseInt(match[1]!, 10) : undefined;
}
