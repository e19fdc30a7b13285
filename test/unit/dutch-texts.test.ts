import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Handoff } from "../../src/core/handoff/handoff-types.js";
import { threadOpeningText } from "../../src/core/handoff/handoff-texts.js";
import { CHANNEL_NL } from "../../src/core/channel-texts-nl.js";
import { REPO_ROOT } from "../helpers/temp-knowledge.js";

/** Small things a reader notices: one word for the same thing, and how a newcomer really logs in. */
describe("Dutch texts", () => {
  it("given a question without a theme, then its card says 'overig', the word the signals use", () => {
    const handoff = { question: "Hoe vinden we een penningmeester?", sharing: "named", asker: { name: "Sanne", channel: "web" }, findings: [] } as unknown as Handoff;
    expect(threadOpeningText(handoff)).toContain("Thema: overig");
    expect(CHANNEL_NL.homeWithoutTheme).toBe("overig");
  });

  it("given the example roster, then it says how a tolk logs in to the team view (a personal link), not a ?als= that does nothing", () => {
    const example = fs.readFileSync(path.join(REPO_ROOT, "roster.example.yaml"), "utf8");
    expect(example).not.toContain("?als=");
    expect(example).toContain("npm run kennis -- team-link <id>");
  });
});
