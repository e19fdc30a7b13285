import type { TeamApi, TeamRight } from "../channel.js";
import type { HandoffRepository } from "./handoff-repository.js";
import type { HandoffService } from "./handoff-service.js";
import type { Person } from "./handoff-types.js";
import type { RoleGrants } from "./role-grants.js";
import { formatSignalReport, signalReportCsv } from "./signal-report-text.js";
import { signalReportFor, type SignalSources } from "./signals-for.js";
import { SHARED_STATUSES, teamViewOf } from "./team-view.js";

/** Who is on the roster, and who coordinates the network. */
export interface TeamRoster {
  find(userId: string): Person | undefined;
  isCoordinator(userId: string): boolean;
}

/** Reads a document into the knowledge store (a file's bytes or a web page); resolves to a one-line Dutch result. */
export type AddDocument = (source: { fileName: string; bytes: Buffer } | { url: string }) => Promise<string>;


export type TeamServiceOptions = {
  handoffs: HandoffService;
  repository: HandoffRepository;
  roster: TeamRoster;
  grants: RoleGrants;
  addDocument: AddDocument;
  /** What the signals are made of (the same sources as `kennis -- signalen`). */
  signalSources: SignalSources;
  /** Called after every change of a handoff (the app delivers the new outbox messages). */
  changed?: () => void;
  now?: () => number;
};

/**
 * What tolken, vrije actoren and coordinators can do, with the permission checks in one place: the
 * team acts on shared handoffs only; coordinators (or those a platform role vouches for) manage the
 * knowledge store and see the signals.
 */
export class TeamService implements TeamApi {
  private readonly now: () => number;

  constructor(private readonly options: TeamServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  member(userId: string): Person | undefined {
    return this.options.roster.find(userId);
  }

  vouch(userId: string, name: string, rights: readonly TeamRight[]): Person {
    this.options.grants.grant(userId, rights);
    return this.options.roster.find(userId) ?? { userId, name };
  }

  list() {
    const stuck = this.options.repository.stuckDeliveries();
    return this.options.repository.list(SHARED_STATUSES).map((h) => teamViewOf(h, stuck));
  }

  byThread(threadRef: string) {
    const handoff = this.options.repository.findByThread(threadRef);
    return handoff && (SHARED_STATUSES as readonly string[]).includes(handoff.status) ? teamViewOf(handoff) : undefined;
  }

  claim(handoffId: string, by: Person, eventKey?: string) {
    return this.afterwards(this.options.handoffs.apply(handoffId, { type: "claim", by, onRoster: true }, eventKey));
  }

  reply(handoffId: string, by: Person, text: string, eventKey?: string, outsideThread?: boolean) {
    return this.afterwards(this.options.handoffs.apply(handoffId, { type: "tolk_reply", by, onRoster: true, text, outsideThread }, eventKey));
  }

  close(handoffId: string, by: Person, addToKnowledge: boolean, eventKey?: string) {
    return this.afterwards(this.options.handoffs.apply(handoffId, { type: "close", by, role: "tolk", addToKnowledge }, eventKey));
  }

  press(...[handoffId, by, button, eventKey]: Parameters<TeamApi["press"]>): ReturnType<TeamApi["press"]> {
    if (!by) return { ok: false, code: "not_on_roster" };
    return button === "claim" ? this.claim(handoffId, by, eventKey) : this.close(handoffId, by, button === "close_learn", eventKey);
  }

  async addDocument(userId: string, source: { fileName: string; bytes: Buffer } | { url: string }): Promise<string | undefined> {
    if (!this.mayManageKnowledge(userId)) return undefined;
    return this.options.addDocument(source);
  }

  /** Only questions the askers agreed to share feed what coordinators see (the report keeps to those). */
  signals(userId: string, days: number): string | undefined {
    if (!this.mayManageKnowledge(userId)) return undefined;
    return formatSignalReport(signalReportFor(this.options.signalSources, days, new Date(this.now())));
  }

  signalsCsv(userId: string, days: number): string | undefined {
    if (!this.mayManageKnowledge(userId)) return undefined;
    return signalReportCsv(signalReportFor(this.options.signalSources, days, new Date(this.now())));
  }

  /** Coordinators on the roster, and whoever a platform role vouched for as a knowledge manager. */
  private mayManageKnowledge(userId: string): boolean {
    return this.options.roster.isCoordinator(userId) || this.options.grants.has(userId, "knowledge");
  }

  private afterwards<T>(value: T): T {
    this.options.changed?.();
    return value;
  }
}
