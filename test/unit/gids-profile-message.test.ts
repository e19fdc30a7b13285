import { describe, expect, it } from "vitest";
import { InvalidProfile, validDraft } from "../../src/core/gids/profile-rules.js";

describe("the message of a profile that is not right yet", () => {
  it("given a draft without a name and without a description, then both problems are numbered, not read as one instruction", () => {
    let message = "";
    try {
      validDraft({ name: "", place: "Lopik", municipality: "", province: "", themes: [], description: "", experience: "", seeking: "", website: "", contacts: [] } as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidProfile);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Het profiel is nog niet goed: 1\) de naam van het initiatief ontbreekt; 2\) schrijf een korte omschrijving/);
  });

  it("given one problem, then it stands without a number", () => {
    expect(new InvalidProfile([{ field: "website", message: "de website moet beginnen met http://" }]).message).toBe("Het profiel is nog niet goed: de website moet beginnen met http://.");
  });
});
