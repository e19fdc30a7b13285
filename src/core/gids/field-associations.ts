import { buildAssociations, type AssociationOptions, type Associations } from "./association-bridge.js";

/** The documents' texts, with a revision that changes when they do. */
export type DocumentTexts = { revision(): string; texts(): Iterable<string> };

/**
 * The association bridge of the field's documents (association-bridge.ts), built on first use and
 * again only when the documents changed (their revision), so that it grows with every document added.
 */
export function fieldAssociations(documents: DocumentTexts, options?: AssociationOptions): () => Associations {
  let built: { revision: string; associations: Associations } | undefined;
  return () => {
    const revision = documents.revision();
    if (built?.revision !== revision) built = { revision, associations: buildAssociations(documents.texts(), options) };
    return built.associations;
  };
}
