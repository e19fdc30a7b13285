import fs from "node:fs";
import path from "node:path";
import { createApp, type App } from "../../src/app/create-app.js";
import { APPLICATION_ID, BOT, HANDOFF_FORUM, TOKEN, type FakeDiscord } from "../fakes/fake-discord.js";
import { memoryLogger } from "./memory-logger.js";
import { testConfig } from "./temp-knowledge.js";

export const ASKER = { id: "960000000000000001", username: "anna" };
export const TOLK = { id: "960000000000000004", username: "mira" };
export const DISCORD_ROSTER_YAML = `coordinators: [{ id: carla, name: Carla }]\nmembers:\n  - { id: mira, name: Mira, discord: "${TOLK.id}" }\n`;

/**
 * The whole app (no web chat) against a started fake Discord, with the tolk of DISCORD_ROSTER_YAML on its
 * roster and handoffs going to its forum; the log lines (info and up) are kept for the test to read.
 */
export async function startDiscordHandoffApp(dataDir: string, discord: FakeDiscord): Promise<{ app: App; logLines: string[] }> {
  const apiUrl = await discord.start();
  const rosterFile = path.join(dataDir, "roster.yaml");
  fs.writeFileSync(rosterFile, DISCORD_ROSTER_YAML);
  const config = testConfig(dataDir, {
    WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl,
    ROSTER_FILE: rosterFile, DISCORD_HANDOFF_CHANNEL_ID: HANDOFF_FORUM, HANDOFF_TICK_SECONDS: "0.1",
  });
  const { logger, lines: logLines } = memoryLogger("info");
  const app = createApp(config, logger);
  await app.start();
  await discord.waitForReady();
  return { app, logLines };
}

type Row = { components: Array<{ label: string; custom_id: string }> };

/** A button press (INTERACTION_CREATE, type 3) on a message of the bot. */
export function pressButton(discord: FakeDiscord, user: { id: string; username: string }, customId: string, channelId: string) {
  return discord.interaction({ type: 3, channelId, user, data: { custom_id: customId, component_type: 2 }, message: discord.message({ channelId, content: "", author: BOT }) });
}

/** Posts (landed) in a channel or thread. */
export const discordPosts = (discord: FakeDiscord, channelId: string) =>
  discord.callsTo("POST", new RegExp(`^/channels/${channelId}/messages$`)).filter((c) => !("failedWith" in c.body));

/** Asks an unanswerable question by mention in `channelId`; resolves to the asker's thread and the consent buttons. */
export async function askForPersonOnDiscord(discord: FakeDiscord, channelId: string, timeoutMs = 20_000): Promise<{ askerThread: string; share: string }> {
  const question = discord.message({ channelId, content: `<@${BOT.id}> Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?`, mentionsBot: true, author: ASKER });
  discord.dispatch("MESSAGE_CREATE", question);
  const askerThread = String(question.id);
  const [reply] = await discord.waitFor("POST", new RegExp(`^/channels/${askerThread}/messages$`), 1, timeoutMs);
  const buttons = ((reply!.body.components ?? []) as Row[]).flatMap((r) => r.components);
  return { askerThread, share: buttons[0]!.custom_id };
}

/** The forum posts (handoff heads) made for a handoff, by the claim button's handoff id in their head. */
export function forumPostsFor(discord: FakeDiscord, forumId: string, handoffId: string) {
  return discord.callsTo("POST", new RegExp(`^/channels/${forumId}/threads$`)).filter((c) => JSON.stringify(c.body).includes(handoffId));
}

/** The custom id of the claim button in a handoff head, and the handoff id in it. */
export function claimOf(head: Record<string, unknown>): { customId: string; handoffId: string } {
  const button = ((head.components ?? []) as Row[]).flatMap((r) => r.components)[0]!;
  return { customId: button.custom_id, handoffId: button.custom_id.split(":").slice(2).join(":") };
}
