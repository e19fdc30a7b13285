import { afterEach, describe, expect, it, vi } from "vitest";
import { connectGateway } from "../../src/channels/discord/discord-gateway.js";
import { createLogger } from "../../src/logger.js";
import { FakeDiscord } from "../fakes/fake-discord.js";

const TOKEN = "OTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.fake-discord-token-for-tests-only";

describe("a failed Discord login", () => {
  const discord = new FakeDiscord();
  afterEach(async () => {
    vi.useRealTimers();
    await discord.stop();
  });

  it("given Discord refuses the login, then no READY timer is left to reject later", async () => {
    discord.refuseMessageContent = true;
    const apiUrl = await discord.start();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      // Only timeouts are faked: the READY timer is then visible, and can be run out without waiting 30 s.
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      const options = {
        token: TOKEN, guildIds: [], autoAnswerChannelIds: [], teamRoleIds: [], knowledgeRoleIds: [], messageContentIntent: true, apiUrl,
        deliveries: { firstTime: () => true, has: () => false, forget: () => undefined }, logger: createLogger("error"), maxFileBytes: 1024,
      };
      await expect(connectGateway(options, { message: async () => undefined, interaction: async () => undefined }, () => undefined)).rejects.toThrow(/Message Content Intent/);
      vi.advanceTimersByTime(31_000);
      vi.useRealTimers();
      // Unhandled rejections are reported after the task that caused them: one more task passes.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
