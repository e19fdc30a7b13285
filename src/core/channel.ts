import type { Attachment } from "./attachments.js";
import type { AskerAction } from "./conversation.js";
import type { ApplyResult } from "./handoff/handoff-service.js";
import type { HandoffStatus, Person } from "./handoff/handoff-types.js";
import type { Reply } from "./reply.js";
import type { IntroductionApi } from "./introductions/introduction-api.js";
import type { LessonApi } from "./introductions/lesson-service.js";
import type { ProfileForm } from "./gids/profile-form.js";
import type { ProfileService } from "./gids/profile-service.js";

/** A message from any channel (web chat, Slack, Discord), in the core's terms. */
export type IncomingMessage = {
  /** Which adapter it came from: "web", "slack", "discord", "cli". */
  channel: string;
  /** The thread or conversation the reply belongs to. */
  conversationId: string;
  userId: string;
  /** The asker's display name, shown to a tolk only with consent. */
  userName?: string;
  text: string;
  /** Files sent with the message (a relay passes them on as name and link). */
  attachments?: Attachment[];
  /**
   * The platform's id of this delivery ("discord:<message id>"): a message handled again after a
   * restart then finds the handoff it already started instead of starting a second one.
   */
  eventKey?: string;
};

export type MessageHandler = (message: IncomingMessage) => Promise<Reply>;

/**
 * A handoff as the team sees it: only shared ones exist for them, and an anonymous asker stays
 * anonymous (no name, no user id, no conversation).
 */
export type TeamHandoff = {
  id: string;
  status: HandoffStatus;
  question: string;
  askerName: string;
  askedVia: string;
  theme?: string;
  findings: string[];
  claimedBy?: Person;
  openedAt?: string;
  /** Steps that gave up after too many attempts ("vastgelopen"), in plain Dutch. */
  stuck?: string[];
  resolvedAt?: string;
};

/** The buttons under a handoff thread's head. */
export type TeamButton = "claim" | "close" | "close_learn";

/** What a platform role may grant: picking up and answering handoffs, or managing the knowledge store. */
export type TeamRight = "team" | "knowledge";

/** What tolken and vrije actoren can do with handoffs, from whatever channel they work in. */
export type TeamApi = {
  /** Roster entry for a channel user id, or undefined when the person is not on the roster. */
  member(userId: string): Person | undefined;
  /**
   * A person whose rights a platform has just checked from their roles (Discord roles mapped in
   * config). They count as a team member (or may manage knowledge) for this and the next actions,
   * until the grant lapses; the roster entry is used when they are also on the roster.
   */
  vouch(userId: string, name: string, rights: readonly TeamRight[]): Person;
  /** Shared handoffs only (open, claimed, resolved). */
  list(): TeamHandoff[];
  /** The shared handoff whose thread this is (a channel's own thread reference). */
  byThread(threadRef: string): TeamHandoff | undefined;
  claim(handoffId: string, by: Person, eventKey?: string): ApplyResult;
  /** `outsideThread`: written outside the handoff's thread (the web team view): the thread gets a copy through the outbox. */
  reply(handoffId: string, by: Person, text: string, eventKey?: string, outsideThread?: boolean): ApplyResult;
  close(handoffId: string, by: Person, addToKnowledge: boolean, eventKey?: string): ApplyResult;
  /** A button on the handoff thread's head; `by` is undefined for someone who may not act (refused). */
  press(handoffId: string, by: Person | undefined, button: TeamButton, eventKey?: string): ApplyResult | { ok: false; code: "not_on_roster" };
  /** The signals report for coordinators; undefined for anyone else. */
  signals(userId: string, days: number): string | undefined;
  /** The same signals as CSV (one line per shared question), for coordinators; undefined for anyone else. */
  signalsCsv(userId: string, days: number): string | undefined;
  /**
   * Adds a document (a file's bytes, or a web page's address) to the knowledge store, for
   * coordinators; resolves to a one-line Dutch result, or undefined when the person may not.
   */
  addDocument(userId: string, source: { fileName: string; bytes: Buffer } | { url: string }): Promise<string | undefined>;
};

/** The asker's latest handoff in a conversation, so a channel can offer to close or reopen it. */
export type AskerHandoff = {
  id: string;
  status: HandoffStatus;
  /** Until when a closed question can be reopened (ISO time), for a resolved one. */
  reopenUntil?: string;
};

/** A document as a source page shows it: its passages in order, each with its heading or page. */
export type SourceDocument = {
  id: string;
  title: string;
  kind: string;
  year?: string;
  organisation?: string;
  url?: string;
  passages: Array<{ id: string; section?: string; page?: number; text: string }>;
};

/** The app's health as /healthz reports it to a monitor. */
export type Health = {
  ok: boolean;
  store: { ok: boolean; documents?: number; error?: string };
  channels: Record<string, { ok: boolean }>;
  outbox: { ok: boolean; pending: number; oldestSeconds: number; error?: string };
};

/** Everything a channel adapter may ask of the core. */
export type CoreApi = {
  handle: MessageHandler;
  act(action: AskerAction): Promise<Reply>;
  /** "Nuttig" / "Niet nuttig" under an answer, with who pressed it (so `kennis -- vergeet` takes only their votes). */
  feedback(entry: { channel: string; conversationId: string; helpful: boolean; question?: string; userId?: string }): void;
  team: TeamApi;
  /** "Breng me in contact" under a suggested initiative, and the introduction's buttons. */
  introductions: IntroductionApi;
  /** What people learned from an introduction ("Deel wat je leerde"), and the coordinators' decision on it. */
  lessons: LessonApi;
  /** The profile modals (`/vliegwiel initiatief`, `/initiatief`): a person's own initiative in the gids. */
  profileForm: ProfileForm;
  /** The latest handoff of an asker's conversation, shared or not; undefined when there is none. */
  askerHandoff(channel: string, conversationId: string): AskerHandoff | undefined;
  /** The conversations where a consent question waits for this asker (newest first); empty when none does. */
  consentWaitingFor(channel: string, userId: string): string[];
  /**
   * The consent question of the conversation's handoff that still waits for the asker's consent, as a
   * reply; undefined when none waits. For a channel that lost the reply that asked it (a stop in between).
   */
  consentQuestion(channel: string, conversationId: string): Reply | undefined;
  /** A document of the knowledge store with its passages, for the source pages; undefined when unknown. */
  source(documentId: string): SourceDocument | undefined;
  health(): Health;
  /** The initiatievengids: profiles and who may change them (see gids/profile-service.ts). */
  gids?: ProfileService;
};

/** The seam every channel adapter implements; the core never knows which one it serves. */
export interface ChannelAdapter {
  readonly name: string;
  start(core: CoreApi): Promise<void>;
  stop(): Promise<void>;
  /** Whether it is connected to its platform now (for /healthz); adapters without a connection leave it out. */
  connected?(): boolean;
}
