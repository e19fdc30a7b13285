import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import { vouchForKnowledgeRole, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";

/** `/vliegwiel kennis-toevoegen`: a file or a web page into the knowledge store, for those allowed. */
export async function onAddKnowledge(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const say = (text: string) => interaction.editReply(asReplyOptions(plainMessage(text)));
  if (!vouchForKnowledgeRole(ctx, interaction)) return void (await say("Documenten toevoegen kan alleen met de beheerdersrol voor de kennisbank."));
  const file = interaction.options.getAttachment("bestand");
  const url = interaction.options.getString("url")?.trim();
  if (!file && !url) return void (await say("Voeg een bestand toe, of geef het adres van een webpagina."));
  let source: { fileName: string; bytes: Buffer } | { url: string };
  if (file) {
    if (file.size > ctx.options.maxFileBytes) return void (await say(`${file.name}: te groot (${Math.round(file.size / 1_048_576)} MB; het maximum is ${Math.round(ctx.options.maxFileBytes / 1_048_576)} MB).`));
    const download = await fetch(file.url, { signal: AbortSignal.timeout(30_000) }).catch((error: Error) => error);
    if (download instanceof Error || !download.ok) return void (await say(`${file.name}: kon het bestand niet ophalen bij Discord. Probeer het nog eens.`));
    source = { fileName: file.name, bytes: Buffer.from(await download.arrayBuffer()) };
  } else {
    source = { url: url! };
  }
  const result = await ctx.core.team.addDocument(interaction.user.id, source);
  await say(result ?? "Documenten toevoegen kan alleen voor coördinatoren van het netwerk (zie de roster).");
}
