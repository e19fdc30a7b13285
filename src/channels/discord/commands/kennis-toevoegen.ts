import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import { vouchForKnowledgeRole, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";

/** `/vliegwiel kennis-toevoegen`: a file or a web page into the knowledge store, for those allowed. */
export async function onAddKnowledge(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const say = (text: string) => interaction.editReply(asReplyOptions(plainMessage(text)));
  if (!vouchForKnowledgeRole(ctx, interaction)) return void (await say(CHANNEL_NL.addDocumentNeedsKnowledgeRole));
  const file = interaction.options.getAttachment("bestand");
  const url = interaction.options.getString("url")?.trim();
  if (!file && !url) return void (await say(CHANNEL_NL.addDocumentNeedsSource));
  let source: { fileName: string; bytes: Buffer } | { url: string };
  if (file) {
    if (file.size > ctx.options.maxFileBytes) return void (await say(CHANNEL_NL.addDocumentTooLarge(file.name, Math.round(file.size / 1_048_576), Math.round(ctx.options.maxFileBytes / 1_048_576))));
    const download = await fetch(file.url, { signal: AbortSignal.timeout(30_000) }).catch((error: Error) => error);
    if (download instanceof Error || !download.ok) return void (await say(CHANNEL_NL.addDocumentDownloadFailed(file.name)));
    source = { fileName: file.name, bytes: Buffer.from(await download.arrayBuffer()) };
  } else {
    source = { url: url! };
  }
  const result = await ctx.core.team.addDocument(interaction.user.id, source);
  await say(result ?? CHANNEL_NL.addDocumentForCoordinatorsOnly);
}
