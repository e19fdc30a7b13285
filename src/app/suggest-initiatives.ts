import type { InitiativeProfile, PlatformUser } from "../core/gids/initiative.js";
import { findInitiativeNames } from "../core/gids/names-in-documents.js";
import { profileSlug } from "../core/gids/profile-rules.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { SqliteInitiativeDirectory } from "../store/sqlite-initiative-directory.js";

/**
 * Initiatives named in the knowledge documents become suggestions (status "suggested") for
 * coordinators: never shown to askers, published only once a coordinator fills in a contact who agreed.
 * A name already in the gids, or a suggestion a coordinator removed before, is not suggested again.
 */
export function suggestFromDocuments(store: KnowledgeStore, directory: SqliteInitiativeDirectory, by: PlatformUser): InitiativeProfile[] {
  const passages = store.listDocuments()
    .filter((d) => d.kind !== "antwoord van tolk")
    .flatMap((d) => store.passagesOf(d.id).map((p) => ({ documentId: d.id, text: p.text })));
  const added: InitiativeProfile[] = [];
  for (const named of findInitiativeNames(passages)) {
    const id = profileSlug(named.name);
    if (directory.get(id) || directory.history(id).length) continue;
    added.push(directory.save({
      id, name: named.name, themes: [], description: "", experience: "", seeking: "", contacts: [],
      status: "suggested", suggestedFrom: named.documentId,
    }, by));
  }
  return added;
}
