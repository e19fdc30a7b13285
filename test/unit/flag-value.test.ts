import { describe, expect, it } from "vitest";
import { flagValue, withoutFlag } from "../../src/cli/flag-value.js";

describe("a flag's value on the command line", () => {
  it("given the flag with a value, then that value, and the other arguments without both", () => {
    const args = ["30", "--csv", "signalen.csv", "--overschrijf"];
    expect(flagValue(args, "--csv", "een bestandsnaam")).toBe("signalen.csv");
    expect(withoutFlag(args, "--csv")).toEqual(["30", "--overschrijf"]);
  });

  it("given no such flag, then no value, and the arguments as they were", () => {
    expect(flagValue(["30"], "--csv", "een bestandsnaam")).toBeUndefined();
    expect(withoutFlag(["30"], "--csv")).toEqual(["30"]);
  });

  it("given the flag last, without its value, then a Dutch error that says what to give after it", () => {
    expect(() => flagValue(["30", "--csv"], "--csv", "een bestandsnaam, bijvoorbeeld signalen.csv")).toThrow(/^geef na --csv een bestandsnaam, bijvoorbeeld signalen\.csv$/);
    expect(() => flagValue(["--dump", ""], "--dump", "een bestandsnaam")).toThrow(/^geef na --dump een bestandsnaam$/);
  });
});
