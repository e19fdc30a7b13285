import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { APPLICATION_ID, FakeDiscord, GENERAL, HANDOFF_FORUM, TOKEN } from "../fakes/fake-discord.js";
import { BOT } from "../fakes/fake-discord.js";
import { ASKER, askForPersonOnDiscord, claimOf, DISCORD_ROSTER_YAML, discordPosts, forumPostsFor, pressButton, TOLK } from "../helpers/discord-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const unescape = (text: string) => text.replace(/\\(.)/g, "$1");
const endsMidEscape = (piece: string) => (/\\+$/.exec(piece)?.[0].length ?? 0) % 2 === 1;
const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** Long texts of askers and tolken through a handoff, against the fake Discord (which refuses content over 2000 characters, as Discord does). */
describe("long texts in a Discord handoff", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;

  beforeAll(async () => {
    fs.writeFileSync(path.join(temp.dir, "roster.yaml"), DISCORD_ROSTER_YAML);
    const config = testConfig(temp.dir, {
      WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: await discord.start(),
      ROSTER_FILE: path.join(temp.dir, "roster.yaml"), DISCORD_HANDOFF_CHANNEL_ID: HANDOFF_FORUM, HANDOFF_TICK_SECONDS: "0.1", MAX_QUESTION_CHARS: "4000",
    });
    app = createApp(config, createLogger("error"));
    await app.start();
    await discord.waitForReady();
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  it("given a long reply of the asker and of the tolk full of markdown, then each reaches the other whole, in order, in messages within 2000 characters", async () => {
    const { askerThread, share } = await askForPersonOnDiscord(discord, GENERAL);
    const handoffId = share.split(":").slice(2).join(":");
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, ASKER, share, askerThread));
    await discord.waitUntil(() => forumPostsFor(discord, HANDOFF_FORUM, handoffId).length > 0, "the forum post", 20_000);
    const thread = [...discord.channels.values()].find((c) => c.parent_id === HANDOFF_FORUM)!.id;
    const claim = claimOf(forumPostsFor(discord, HANDOFF_FORUM, handoffId)[0]!.body.message as Record<string, unknown>);
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, TOLK, claim.customId, thread));
    await discord.waitUntil(() => discordPosts(discord, askerThread).some((c) => String(c.body.content).includes("opgepakt")), "the claimed notice", 20_000);

    // The tolk answers at length: the asker gets all of it, the reply button under the last part.
    const tolkText = "Kijk op *de* site_van de gemeente. " + "Stap #3: vul [het] formulier_in; ".repeat(58) + "EINDE-TOLK";
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: thread, content: tolkText, author: TOLK }));
    await discord.waitUntil(() => [...discord.messages.values()].some((m) => m.channel_id === askerThread && String(m.content).includes("EINDE\\-TOLK")), "the whole relay", 20_000);
    const relayed = discordPosts(discord, askerThread).filter((c) => !String(c.body.content).includes("opgepakt") && !String(c.body.content).startsWith("Je vraag"));
    const relayPieces = relayed.map((c) => String(c.body.content)).filter((content, i, all) => all.indexOf(content) === i);
    expect(relayPieces.length).toBeGreaterThan(1);
    expect(relayPieces.every((p) => p.length <= 2000 && !endsMidEscape(p))).toBe(true);
    expect(words(unescape(relayPieces.join(" ")))).toContain(words(tolkText));
    const reply = relayed.find((c) => JSON.stringify(c.body.components ?? []).includes("write_to_helper"))!;
    expect(String(reply.body.content)).toContain("EINDE\\-TOLK");

    // The asker answers the tolk at length: the thread gets all of it, in order.
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, ASKER, `vw:write_to_helper:${handoffId}`, askerThread));
    await discord.waitFor("POST", /^\/interactions\/\d+\/[^/]+\/callback$/, 3, 20_000);
    const askerText = "Het gaat om *het* plein_achter de kerk. " + "We willen *2* tenten_en_kramen; ".repeat(56) + "SLOTWOORD";
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: askerThread, content: askerText, author: ASKER }));
    await discord.waitUntil(() => [...discord.messages.values()].some((m) => m.channel_id === thread && String(m.content).includes("SLOTWOORD")), "the whole reply in the thread", 20_000);
    const inThread = [...discord.messages.values()].filter((m) => m.channel_id === thread && m.id !== thread).map((m) => String(m.content));
    const from = inThread.findIndex((c) => c.startsWith("De vrager schrijft"));
    const pieces = inThread.slice(from);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 2000 && !endsMidEscape(p))).toBe(true);
    expect(words(unescape(pieces.join(" ")))).toContain(words(askerText));
    expect(pieces.at(-1)).toContain("SLOTWOORD");
  }, 90_000);

  it("given a long question full of markdown handed to the tolken, then the forum post's head holds all of it, in embeds within Discord's limits", async () => {
    const question = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest? " + "Wij *zetten* [tenten] neer_op #plein - ook |podia| en ~kramen~. ".repeat(58) + "EINDE-VRAAG";
    const message = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> ${question}`, mentionsBot: true, author: ASKER });
    discord.dispatch("MESSAGE_CREATE", message);
    const [reply] = await discord.waitFor("POST", new RegExp(`^/channels/${message.id}/messages$`), 1, 30_000);
    const share = ((reply!.body.components ?? []) as Array<{ components: Array<{ custom_id: string }> }>).flatMap((r) => r.components).find((b) => b.custom_id.startsWith("vw:share:"))!;
    const handoffId = share.custom_id.split(":").slice(2).join(":");
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, ASKER, share.custom_id, String(message.id)));
    await discord.waitUntil(() => forumPostsFor(discord, HANDOFF_FORUM, handoffId).length > 0, "the forum post", 20_000);
    const thread = [...discord.channels.values()].find((c) => c.parent_id === HANDOFF_FORUM && JSON.stringify(discord.messages.get(c.id)?.components ?? []).includes(handoffId))!.id;
    const embeds = discord.messages.get(thread)!.embeds as Array<{ description: string; footer?: { text: string } }>;
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds.every((e) => e.description.length <= 4096 && !endsMidEscape(e.description))).toBe(true);
    expect(words(unescape(embeds.map((e) => e.description).join(" ")))).toContain(words(question));
    expect(embeds.at(-1)!.footer?.text).toBeTruthy();
  }, 90_000);
});
