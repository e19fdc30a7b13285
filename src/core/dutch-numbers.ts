/** Numbers as a Dutch reader expects them, for every text users and maintainers read. */

const MB = 1024 * 1024;

/** "1 passage", "3 passages", "1.250 vragen": a count with the right Dutch form. */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("nl-NL")} ${n === 1 ? one : many}`;
}

/** "42,1 MB", "20 MB": a size in megabytes with a decimal comma, at most one decimal. */
export function megabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
}
