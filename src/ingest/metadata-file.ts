import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import type { DocumentMeta } from "../core/types.js";

export const METADATA_FILE = "metadata.yaml";

const entrySchema = z.object({
  title: z.string().min(1),
  kind: z.string().min(1).default("document"),
  organisation: z.string().optional(),
  year: z.union([z.string(), z.number()]).transform(String).optional(),
  region: z.string().optional(),
  themes: z.array(z.string()).default([]),
  url: z.string().optional(),
});

export type MetadataCatalog = ReadonlyMap<string, DocumentMeta>;

/**
 * Reads knowledge/metadata.yaml: one entry per file name, edited by hand. A mistake in it is reported
 * with the file name and field, and stops the run (better than silently losing titles and sources).
 */
export function readMetadataCatalog(knowledgeDir: string): MetadataCatalog {
  const file = path.join(knowledgeDir, METADATA_FILE);
  if (!fs.existsSync(file)) return new Map();
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
  } catch (error) {
    throw new Error(`${file}: geen geldige YAML (${(error as Error).message.split("\n")[0]})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new Error(`${file}: verwacht per bestandsnaam een blok met title, kind, themes, …`);
  }
  const catalog = new Map<string, DocumentMeta>();
  for (const [name, value] of Object.entries(raw)) {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: bij "${name}", veld ${issue.path.join(".") || "(geheel)"}: ${issue.message}`);
    }
    catalog.set(name, parsed.data);
  }
  return catalog;
}

/** Metadata for a source: the catalog's entry, else a title from the file itself or its name. */
export function metadataFor(catalog: MetadataCatalog, id: string, foundTitle: string | undefined): DocumentMeta {
  const entry = catalog.get(id) ?? catalog.get(path.basename(id));
  if (entry) return entry;
  const fromName = path.basename(id).replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
  return { title: foundTitle?.slice(0, 200) || fromName, kind: "document", themes: [] };
}
