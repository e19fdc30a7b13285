/**
 * The value after a flag on the command line (`--csv signalen.csv` → "signalen.csv"); undefined when
 * the flag is not there. A flag given last, without its value, stops the command with what to give:
 * `geef na --csv <what>`.
 */
export function flagValue(args: readonly string[], flag: string, what: string): string | undefined {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value === "") throw new Error(`geef na ${flag} ${what}`);
  return value;
}

/** The arguments without a flag and its value (what is left for the command's own arguments). */
export function withoutFlag(args: readonly string[], flag: string): string[] {
  const at = args.indexOf(flag);
  return at < 0 ? [...args] : args.filter((_, i) => i !== at && i !== at + 1);
}
