import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordHandoffSink } from "../../src/channels/discord/discord-handoff-sink.js";
import type { Handoff } from "../../src/core/handoff/handoff-types.js";
import { FakeDiscord, TOKEN } from "../fakes/fake-discord.js";

const ASKER_THREAD = "950000000000000001";

/** What a tolk writes, relayed to the asker through discord.js's REST client against the fake Discord. */
describe("escaped text on Discord", () => {
  const discord = new FakeDiscord();
  let apiUrl: string;
  beforeAll(async () => {
    apiUrl = await discord.start();
  });
  afterAll(() => discord.stop());

  it("given a tolk's answer with a masked link, @everyone and a mention, then it shows as typed and pings no one", async () => {
    const rest = new REST({ api: apiUrl }).setToken(TOKEN);
    const sink = createDiscordHandoffSink({
      rest: () => rest, handoffChannel: async () => undefined, discordIdOf: () => undefined, teamRoleIds: [], texts: { showHelperNames: true },
    });
    const handoff = {
      id: "h-esc", status: "claimed", question: "Vraag?", findings: [], routedTo: [], answers: [], remindersSent: 0, escalated: false, createdAt: new Date().toISOString(),
      asker: { channel: "discord", conversationId: ASKER_THREAD, userId: "930000000000000009", name: "Anna" },
    } satisfies Handoff;
    await sink.deliver({
      effectId: 1, handoff, attempt: 1, recordPost: () => undefined,
      effect: { type: "relay_to_asker", from: { userId: "joost", name: "Joost" }, text: "@everyone klik [hier voor de gemeente](https://evil.example) of vraag <@930000000000000001> # nu" },
    });
    const [posted] = await discord.waitFor("POST", new RegExp(`^/channels/${ASKER_THREAD}/messages$`));
    const content = String(posted!.body.content);
    expect(content).toContain("\\[hier voor de gemeente\\](https://evil.example)");
    expect(content).not.toMatch(/@everyone/);
    expect(content).toContain("\\# nu");
    expect(posted!.body.allowed_mentions).toEqual({ parse: [] });
  });
});
