import { describe, expect, it } from "vitest";
import { count, megabytes } from "../../src/core/dutch-numbers.js";

describe("Dutch numbers", () => {
  it("given one or more, then the noun agrees and thousands get a dot", () => {
    expect(count(1, "doorgegeven vraag", "doorgegeven vragen")).toBe("1 doorgegeven vraag");
    expect(count(0, "link", "links")).toBe("0 links");
    expect(count(1250, "vraag", "vragen")).toBe("1.250 vragen");
  });
  it("given a size, then megabytes with a decimal comma", () => {
    expect(megabytes(42.1 * 1024 * 1024)).toBe("42,1 MB");
    expect(megabytes(20 * 1024 * 1024)).toBe("20 MB");
  });
});
