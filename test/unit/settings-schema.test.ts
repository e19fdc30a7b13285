import { describe, expect, it } from "vitest";
import { list, number, oneOf, optional, readSettings, text, webAddress, withDefault, yesNo } from "../../src/settings-schema.js";

describe("settings rules", () => {
  const schema = {
    NAAM: withDefault(text(), "buurthuis"),
    POORT: withDefault(number({ integer: true, min: 0, max: 65535 }), 3000),
    DREMPEL: optional(number({ min: 0, max: 1 })),
    WACHTTIJD: withDefault(number({ positive: true }), 4),
    NIVEAU: withDefault(oneOf(["laag", "hoog"]), "laag"),
    AAN: withDefault(yesNo(), false),
    ADRES: optional(webAddress()),
    CODE: optional(text({ pattern: /^xoxb-/, message: "moet beginnen met xoxb-" })),
    IDS: withDefault(list(text({ pattern: /^\d+$/, message: "moet een getal zijn" })), [] as string[]),
  };

  it("given nothing set (or empty), then each default or undefined; lists are fresh each time", () => {
    const first = readSettings(schema, { POORT: "" });
    expect(first).toEqual({ values: { NAAM: "buurthuis", POORT: 3000, DREMPEL: undefined, WACHTTIJD: 4, NIVEAU: "laag", AAN: false, ADRES: undefined, CODE: undefined, IDS: [] } });
    const second = readSettings(schema, {});
    if ("values" in first && "values" in second) expect(first.values.IDS).not.toBe(second.values.IDS);
  });

  it("given good values, then they are read as their types", () => {
    const read = readSettings(schema, { POORT: " 8080 ", DREMPEL: "0.25", NIVEAU: "hoog", AAN: "Ja", ADRES: "http://127.0.0.1:9/api/", IDS: "12, 34,,", CODE: "xoxb-1" });
    expect(read).toMatchObject({ values: { POORT: 8080, DREMPEL: 0.25, NIVEAU: "hoog", AAN: true, ADRES: "http://127.0.0.1:9/api/", IDS: ["12", "34"], CODE: "xoxb-1" } });
  });

  it("given bad values, then every problem is named, in Dutch", () => {
    const read = readSettings(schema, { POORT: "zeventig", DREMPEL: "2", WACHTTIJD: "0", NIVEAU: "midden", AAN: "misschien", ADRES: "ftp://x", CODE: "xoxp-1", IDS: "12,abc" });
    expect("problems" in read && read.problems).toEqual([
      { name: "POORT", message: "moet een getal zijn" },
      { name: "DREMPEL", message: "mag hoogstens 1 zijn" },
      { name: "WACHTTIJD", message: "moet groter dan 0 zijn" },
      { name: "NIVEAU", message: "moet een van deze zijn: laag, hoog" },
      { name: "AAN", message: "moet true of false zijn (ja/nee mag ook)" },
      { name: "ADRES", message: "moet beginnen met http:// of https://" },
      { name: "CODE", message: "moet beginnen met xoxb-" },
      { name: "IDS", message: "moet een getal zijn" },
    ]);
    expect(readSettings(schema, { POORT: "80.5" })).toEqual({ problems: [{ name: "POORT", message: "moet een heel getal zijn" }] });
    expect(readSettings(schema, { ADRES: "geen adres" })).toEqual({ problems: [{ name: "ADRES", message: "moet een webadres zijn, bijvoorbeeld https://voorbeeld.nl" }] });
    expect(readSettings(schema, { ADRES: "https:/vliegwiel.nl" })).toEqual({ problems: [{ name: "ADRES", message: "moet beginnen met http:// of https://" }] });
  });

  it("given an address with spaces around it or its scheme in capitals, then it is read as the address itself", () => {
    // The session cookie is Secure only for "https:" (team-session.ts); a capital or a space must not lose that.
    expect(readSettings(schema, { ADRES: " HTTPS://Vliegwiel.nl/pad " })).toMatchObject({ values: { ADRES: "https://Vliegwiel.nl/pad" } });
    expect(readSettings(schema, { ADRES: "http://127.0.0.1:11434/v1\t" })).toMatchObject({ values: { ADRES: "http://127.0.0.1:11434/v1" } });
  });
});
