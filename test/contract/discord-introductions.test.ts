import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { APPLICATION_ID, BOT, FakeDiscord, GENERAL, TOKEN, type DiscordCall } from "../fakes/fake-discord.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { profileAtTheLimits } from "../helpers/profile-at-the-limits.js";

const KEES = { id: "960000000000000012", username: "kees" };
const dmWith = (userId: string) => `97${userId.slice(2)}`; // the fake's DM channel id for a user
type Row = { components: Array<{ label: string; custom_id: string }> };
const buttonsOf = (call: DiscordCall) => ((call.body.components ?? (call.body.data as Record<string, unknown> | undefined)?.components ?? []) as Row[]).flatMap((r) => r.components);

/** The whole introduction loop on Discord against the fake gateway and REST API. */
describe("introductions on Discord", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  let databasePath: string;
  let dms = 0;

  beforeAll(async () => {
    const apiUrl = await discord.start();
    const config = testConfig(temp.dir, { WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl, HANDOFF_TICK_SECONDS: "0.1" });
    databasePath = config.databasePath;
    app = createApp(config, createLogger("error"));
    await app.start();
    saveProfile(config.databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { discord: KEES.id }, contactable: true } });
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    await discord.stop();
    temp.cleanup();
  });

  const press = (user: { id: string; username: string }, customId: string, channelId: string, content = "") => {
    const interaction = discord.interaction({ type: 3, channelId, user, data: { custom_id: customId, component_type: 2 }, message: discord.message({ channelId, content, author: BOT }) });
    discord.dispatch("INTERACTION_CREATE", interaction);
    return interaction;
  };
  const callbackOf = (interaction: { id: string }) => eventually(() => discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`))[0], "the interaction's answer");

  /** An asker asks in a DM and presses "Breng me in contact"; resolves to the choice's buttons. */
  async function askAndConnect(asker: { id: string; username: string }, question = "Hoe starten we een buurtbus met vrijwilligers?"): Promise<{ dm: string; choice: DiscordCall }> {
    const dm = `98100000000000000${++dms}`;
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: question, guild: false, author: asker }));
    const [answer] = await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`), 1, 30_000);
    // The answer suggests the initiative, with "Breng me in contact" for it.
    const connect = buttonsOf(answer!).find((b) => b.custom_id === "vw:connect_me:de-schakel");
    expect(connect?.label).toMatch(/: Dorpshuis De Schakel$/);
    const choice = await callbackOf(press(asker, connect!.custom_id, dm));
    return { dm, choice };
  }

  it("given 'Breng me in contact', then the choice is private, the contact gets a DM request, and on accept each gets the other's handle", async () => {
    const asker = { id: "960000000000000011", username: "sanne" };
    const { dm, choice } = await askAndConnect(asker);
    expect(choice.body.type).toBe(4);
    expect((choice.body.data as { flags?: number }).flags).toBe(64);
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_named:"))!;
    expect(share.label).toBe("Mijn vraag en mijn naam");
    const introId = share.custom_id.split(":")[2]!;

    await callbackOf(press(asker, share.custom_id, dm));
    const [request] = await discord.waitFor("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`), 1, 20_000);
    expect(discord.callsTo("POST", /^\/users\/@me\/channels$/)[0]!.body.recipient_id).toBe(KEES.id);
    expect(String(request!.body.content)).toContain("Hoe starten we een buurtbus met vrijwilligers?");
    expect(request!.body.enforce_nonce).toBe(true);
    expect(buttonsOf(request!).map((b) => b.custom_id)).toEqual([`vw:intro_accept:${introId}`, `vw:intro_decline:${introId}`]);

    const accepted = await callbackOf(press(KEES, `vw:intro_accept:${introId}`, dmWith(KEES.id), String(request!.body.content)));
    expect(accepted.body.type).toBe(7); // the request gives way to the answer: no buttons to press again
    const toAsker = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(asker.id)}/messages$`)).find((c) => String(c.body.content).includes(`<@${KEES.id}>`)), "the asker's DM with Kees's handle");
    expect(String(toAsker.body.content)).toContain(`<@${asker.id}>`);
    await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`)).find((c) => String(c.body.content).includes(`<@${asker.id}>`)), "Kees's DM with the asker's handle");
    // The same press replayed by Discord: nothing twice.
    const before = discord.calls.length;
    press(KEES, `vw:intro_accept:${introId}`, dmWith(KEES.id));
    await eventually(() => discord.calls.slice(before).find((c) => c.path.startsWith("/interactions/")), "the answer to the second press");
    expect(discord.callsTo("POST", new RegExp(`^/channels/${dmWith(asker.id)}/messages$`)).filter((c) => String(c.body.content).includes(`<@${KEES.id}>`))).toHaveLength(1);
  });

  it("given an asker who wrote in English, then the DMs that introduce them say it in Dutch and in English", async () => {
    const asker = { id: "960000000000000016", username: "john" };
    const { dm, choice } = await askAndConnect(asker, "How do we start a community bus with volunteer drivers in our village?");
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_named:"))!;
    expect(share.label).toBe("My question and my name");
    const introId = share.custom_id.split(":")[2]!;
    await callbackOf(press(asker, share.custom_id, dm));
    await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`)).find((c) => JSON.stringify(c.body.components ?? "").includes(introId)), "the request");
    await callbackOf(press(KEES, `vw:intro_accept:${introId}`, dmWith(KEES.id)));
    for (const reader of [asker.id, KEES.id]) {
      const shared = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(reader)}/messages$`)).find((c) => String(c.body.content).includes("In English")), "the bilingual introduction");
      expect(String(shared.body.content)).toContain(`<@${asker.id}> (john) schreef in het Engels.`);
      expect(String(shared.body.content)).toContain(`<@${KEES.id}> (Kees) from Dorpshuis De Schakel would like to help`);
    }
  });

  it("given the contact declines, then the asker is told kindly in their DM, without a reason", async () => {
    const asker = { id: "960000000000000013", username: "ruud" };
    const { dm, choice } = await askAndConnect(asker);
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_question:"))!;
    const introId = share.custom_id.split(":")[2]!;
    await callbackOf(press(asker, share.custom_id, dm));
    const request = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(KEES.id)}/messages$`)).find((c) => JSON.stringify(c.body.components ?? "").includes(introId)), "the request");
    expect(String(request.body.content)).toContain("Iemand uit het netwerk zoekt contact");
    expect(String(request.body.content)).not.toContain("ruud");
    await callbackOf(press(KEES, `vw:intro_decline:${introId}`, dmWith(KEES.id)));
    const told = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(asker.id)}/messages$`)).find((c) => String(c.body.content).includes("komt er nu helaas niet van")), "the kind no");
    expect(String(told.body.content)).not.toContain("Kees");
  });

  it("given /initiatief of someone whose profile is as long as the rules allow (8 themes of 40 letters, kern and gemeente of 80), then each prefill fits its field's max_length, so Discord opens the modal", async () => {
    const lang = { id: "960000000000000031", username: "lang" };
    const { contacts, ...profile } = profileAtTheLimits({ discord: lang.id });
    saveProfile(databasePath, { ...profile, contact: contacts[0]! });
    const command = discord.interaction({ type: 2, channelId: "981000000000000099", user: lang, data: { id: "990000000000000003", name: "initiatief", type: 1 } });
    discord.dispatch("INTERACTION_CREATE", command);
    const modal = await callbackOf(command);
    const fields = (modal.body.data as { components: Array<{ components: Array<{ custom_id: string; max_length: number; value?: string }> }> }).components.map((r) => r.components[0]!);
    expect(fields.filter((f) => f.value).map((f) => f.custom_id)).toEqual(["name", "where", "themes", "description", "experience"]);
    for (const field of fields) expect(field.value?.length ?? 0, field.custom_id).toBeLessThanOrEqual(field.max_length);
  });

  it("given /initiatief, then a modal opens; submitted, 'mag benaderd worden' is asked next; and the new profile's contact can be introduced", async () => {
    const marieke = { id: "960000000000000021", username: "marieke" };
    const command = discord.interaction({ type: 2, channelId: "981000000000000099", user: marieke, data: { id: "990000000000000001", name: "initiatief", type: 1 } });
    discord.dispatch("INTERACTION_CREATE", command);
    const modal = await callbackOf(command);
    expect(modal.body.type).toBe(9);
    const data = modal.body.data as { custom_id: string; components: Array<{ components: Array<{ custom_id: string }> }> };
    expect(data.custom_id).toBe("vw_profiel:nieuw");
    expect(data.components.map((r) => r.components[0]!.custom_id)).toEqual(["name", "where", "themes", "description", "experience"]);

    const submit = (values: Record<string, string>) => {
      const interaction = discord.interaction({
        type: 5, channelId: "981000000000000099", user: marieke,
        data: { custom_id: data.custom_id, components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })) },
      });
      discord.dispatch("INTERACTION_CREATE", interaction);
      return callbackOf(interaction);
    };
    const refused = await submit({ name: "Zonnedorp", where: "", themes: "", description: "", experience: "" });
    expect(String((refused.body.data as { content: string }).content)).toContain("nog niet opgeslagen");
    const saved = await submit({ name: "Zonnedorp Ens", where: "Ens, Noordoostpolder", themes: "energie", description: "Zonnepanelen op de sporthal.", experience: "Subsidie voor zon op maatschappelijk vastgoed." });
    expect(saved.body.type).toBe(4);
    const yes = buttonsOf(saved).find((b) => b.custom_id.startsWith("vw:profile_contact_yes:"))!;
    const profileId = yes.custom_id.split(":")[2]!;
    // Not contactable until she says so: an introduction is refused, and names nobody.
    const early = await askAndConnectTo({ id: "960000000000000022", username: "piet" }, profileId);
    expect(String((early.choice.body.data as { content: string }).content)).toContain("niemand die benaderd mag worden");
    const chosen = await callbackOf(press(marieke, yes.custom_id, "981000000000000099"));
    expect(chosen.body.type).toBe(7);
    expect(String((chosen.body.data as { content: string }).content)).toContain("staat in de initiatievengids");

    const later = await askAndConnectTo({ id: "960000000000000023", username: "joke" }, profileId);
    const share = buttonsOf(later.choice).find((b) => b.custom_id.startsWith("vw:intro_share_named:"))!;
    await callbackOf(press({ id: "960000000000000023", username: "joke" }, share.custom_id, later.dm));
    const request = await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(marieke.id)}/messages$`)).find((c) => JSON.stringify(c.body.components ?? "").includes("intro_accept")), "the request to Marieke");
    expect(String(request.body.content)).toContain("Zonnedorp Ens");
  });

  it("given an asker in a server channel others read, then what concerns them alone reaches their DM, not the channel or its thread", async () => {
    const alma = { id: "960000000000000031", username: "alma" };
    const before = discord.calls.length;
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Hoe starten we een buurtbus met vrijwilligers in ons dorp?`, mentionsBot: true, author: alma }));
    const answer = await eventually(() => discord.calls.slice(before).find((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && buttonsOf(c).some((b) => b.custom_id === "vw:connect_me:de-schakel")), "the answer in the server", 30_000);
    const where = answer.path.split("/")[2]!;
    const choice = await callbackOf(press(alma, "vw:connect_me:de-schakel", where));
    expect((choice.body.data as { flags?: number }).flags).toBe(64); // the choice is Alma's alone
    const share = buttonsOf(choice).find((b) => b.custom_id.startsWith("vw:intro_share_question:"))!;
    await callbackOf(press(alma, share.custom_id, where));
    await eventually(() => discord.callsTo("POST", new RegExp(`^/channels/${dmWith(alma.id)}/messages$`)).find((c) => String(c.body.content).includes("Je verzoek is doorgestuurd naar Dorpshuis De Schakel")), "the notice in Alma's DM");
    expect(discord.callsTo("POST", /^\/users\/@me\/channels$/).map((c) => c.body.recipient_id)).toContain(alma.id);
    const inServer = discord.calls.slice(before).filter((c) => c.method === "POST" && [GENERAL, where].some((ch) => c.path === `/channels/${ch}/messages`));
    expect(inServer.filter((c) => /Je verzoek|Dorpshuis De Schakel wil/.test(String(c.body.content)))).toEqual([]);
  });

  async function askAndConnectTo(asker: { id: string; username: string }, initiativeId: string): Promise<{ dm: string; choice: DiscordCall }> {
    const dm = `98100000000000010${++dms}`;
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Hoe krijgen we zonnepanelen op de sporthal?", guild: false, author: asker }));
    await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`), 1, 30_000);
    return { dm, choice: await callbackOf(press(asker, `vw:connect_me:${initiativeId}`, dm)) };
  }
});
