import type Database from "better-sqlite3";
import type { AskerHandoff, SourceDocument } from "../core/channel.js";
import { consentQuestionReply } from "../core/consent-question.js";
import type { HandoffRepository } from "../core/handoff/handoff-repository.js";
import type { Handoff } from "../core/handoff/handoff-types.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";

/** The latest handoff of a conversation (any status), for the asker's close and reopen buttons. */
export function askerHandoffOf(db: Database.Database, reopenWindowMs: number) {
  const latest = db.prepare("SELECT data FROM handoffs WHERE asker_channel = ? AND asker_conversation = ? ORDER BY created_at DESC, rowid DESC LIMIT 1").pluck();
  return (channel: string, conversationId: string): AskerHandoff | undefined => {
    const data = latest.get(channel, conversationId) as string | undefined;
    if (!data) return undefined;
    const handoff = JSON.parse(data) as Handoff;
    const reopenUntil = handoff.status === "resolved" && handoff.resolvedAt
      ? new Date(Date.parse(handoff.resolvedAt) + reopenWindowMs).toISOString()
      : undefined;
    return { id: handoff.id, status: handoff.status, ...(reopenUntil ? { reopenUntil } : {}) };
  };
}

/** The conversations of an asker's handoffs that wait for their consent, newest first (few rows: by status). */
export function consentWaitingOf(db: Database.Database) {
  const waiting = db
    .prepare("SELECT asker_conversation FROM handoffs WHERE status = 'awaiting_consent' AND asker_channel = ? AND json_extract(data, '$.asker.userId') = ? ORDER BY created_at DESC, rowid DESC")
    .pluck();
  return (channel: string, userId: string): string[] => waiting.all(channel, userId) as string[];
}

/** The consent question of a conversation's handoff that still waits for it (see CoreApi.consentQuestion). */
export function consentQuestionOf(repository: HandoffRepository) {
  return (channel: string, conversationId: string) => {
    const handoff = repository.findActiveByAsker(channel, conversationId);
    return handoff?.status === "awaiting_consent" ? consentQuestionReply(handoff) : undefined;
  };
}

/** A stored document with its passages in order, for the source pages. */
export function sourceDocumentOf(store: KnowledgeStore) {
  return (documentId: string): SourceDocument | undefined => {
    const doc = store.getDocument(documentId);
    if (!doc) return undefined;
    return {
      id: doc.id, title: doc.title, kind: doc.kind, year: doc.year, organisation: doc.organisation, url: doc.url,
      passages: store.passagesOf(doc.id).map((p) => ({ id: p.id, section: p.section, page: p.page, text: p.text })),
    };
  };
}
