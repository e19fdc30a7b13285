import { describe, expect, it } from "vitest";
import { profileView } from "../../src/channels/slack/profile-modal.js";
import { profileProblems } from "../../src/core/gids/profile-rules.js";
import { profileAtTheLimits } from "../helpers/profile-at-the-limits.js";

describe("the Slack profile modal of a profile at the limits", () => {
  it("given every field as long as the rules allow (8 themes of 40 letters), then each prefill fits its field's max_length, so Slack opens the modal", () => {
    const profile = profileAtTheLimits({ slack: "U0MARIEKE" });
    expect(profileProblems({ ...profile, contacts: profile.contacts } as never)).toEqual([]);
    const view = profileView(profile, "U0MARIEKE");
    const inputs = (view.blocks as Array<{ element?: { max_length?: number; initial_value?: string } }>).flatMap((b) => (b.element?.initial_value ? [b.element] : []));
    expect(inputs.length).toBeGreaterThan(5);
    for (const input of inputs) expect(input.initial_value!.length, input.initial_value!.slice(0, 30)).toBeLessThanOrEqual(input.max_length!);
  });
});
