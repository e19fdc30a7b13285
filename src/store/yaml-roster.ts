import fs from "node:fs";
import YAML from "yaml";
import { z } from "zod";
import type { Roster } from "../core/handoff/handoff-service.js";
import type { Person } from "../core/handoff/handoff-types.js";
import { fileProblem } from "../file-problem.js";
import { PLATFORM_NAME } from "./person-ref.js";

const personSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(["tolk", "vrije actor", "coordinator"]).default("tolk"),
  themes: z.array(z.string()).default([]),
  regions: z.array(z.string()).default([]),
  /** In the general pool: mentioned for questions no theme matches. */
  pool: z.boolean().default(true),
  // Any other field holding text is the person's user id on the chat platform of that name
  // ("slack: U123", "discord: '4567'", "matrix: '@an:example.org'"): no platform is hard-coded here.
}).passthrough();
const rosterSchema = z.object({
  coordinators: z.array(personSchema).default([]),
  members: z.array(personSchema).default([]),
});

type RosterData = z.infer<typeof rosterSchema>;
type Entry = z.infer<typeof personSchema>;

/**
 * The roster of tolken and vrije actoren, read from a YAML file that maintainers edit. The file is
 * read again whenever it changes on disk, so edits apply without a restart; a broken edit keeps the
 * last good roster and is reported once.
 */
export class YamlRoster implements Roster {
  private data: RosterData = { coordinators: [], members: [] };
  private loadedMtime = -1;
  private lastError: string | undefined;

  constructor(private readonly file: string, private readonly onError: (message: string) => void = () => undefined) {}

  isMember(userId: string): boolean {
    const data = this.current();
    return [...data.members, ...data.coordinators].some((p) => matches(p, userId));
  }

  route(theme: string | undefined): Person[] {
    const { members } = this.current();
    const wanted = theme?.toLowerCase();
    const byTheme = wanted ? members.filter((m) => m.themes.some((t) => t.toLowerCase() === wanted)) : [];
    return (byTheme.length ? byTheme : members.filter((m) => m.pool)).map(toPerson);
  }

  isCoordinator(userId: string): boolean {
    return this.current().coordinators.some((p) => matches(p, userId));
  }

  coordinators(): Person[] {
    return this.current().coordinators.map(toPerson);
  }

  /** Every theme someone on the roster covers (for theme detection). */
  themes(): string[] {
    return [...new Set(this.current().members.flatMap((m) => m.themes))];
  }

  /** Every region someone on the roster works in (gemeenten and regions for the signals). */
  regions(): string[] {
    const data = this.current();
    return [...new Set([...data.members, ...data.coordinators].flatMap((p) => p.regions))];
  }

  /** The first region of a person on the roster, when they have one. */
  regionOf(userId: string): string | undefined {
    const data = this.current();
    return [...data.members, ...data.coordinators].find((p) => matches(p, userId))?.regions[0];
  }

  /** The roster entry for any of a person's ids (roster id, or a user id on a chat platform). */
  find(userId: string): Person | undefined {
    const data = this.current();
    const entry = [...data.members, ...data.coordinators].find((p) => matches(p, userId));
    return entry && toPerson(entry);
  }

  /**
   * Every id a person on the roster acts under (roster id and platform user ids) and their name, for
   * kennis -- vergeet: found by their id on that platform, or by the roster id with platform "roster".
   * `accounts`: the platform ids as "<platform>:<user id>" (how their questions as an asker are stored).
   */
  identity(platform: string, userId: string): { ids: string[]; name: string; accounts: string[] } | undefined {
    const data = this.current();
    const entry = [...data.members, ...data.coordinators].find((p) => (platform === "roster" ? p.id === userId : !PERSON_FIELDS.has(platform) && textField(p, platform) === userId));
    if (!entry) return undefined;
    const platforms = Object.keys(entry).filter((f) => !PERSON_FIELDS.has(f) && !!textField(entry, f));
    // Only a field named as a platform is ("slack", "discord"): "e-mail: …" is no account to forget under (parsePersonRef refuses it).
    const accounts = platforms.filter((f) => PLATFORM_NAME.test(f)).map((f) => `${f}:${textField(entry, f)}`);
    return { ids: [entry.id, ...platforms.map((f) => textField(entry, f)!)], name: entry.name, accounts };
  }

  /** A roster member's user id on a platform (the field named after it: "slack", "discord", …), for mentions. */
  platformId(userId: string, platform: string): string | undefined {
    const data = this.current();
    const entry = [...data.members, ...data.coordinators].find((p) => p.id === userId);
    return entry && !PERSON_FIELDS.has(platform) ? textField(entry, platform) : undefined;
  }

  private current(): RosterData {
    let mtime: number;
    try {
      mtime = fs.statSync(this.file).mtimeMs;
    } catch {
      this.report(`de roster ${this.file} bestaat niet: niemand kan doorgegeven vragen oppakken`);
      return this.data;
    }
    if (mtime === this.loadedMtime) return this.data;
    try {
      this.data = rosterSchema.parse(YAML.parse(fs.readFileSync(this.file, "utf8")) ?? {});
      this.loadedMtime = mtime;
      this.lastError = undefined;
    } catch (error) {
      // A folder named as the roster (or one it may not read) said in Dutch, not as Node's EISDIR.
      const detail = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : fileProblem(error) ?? (error as Error).message.split("\n")[0];
      this.report(`de roster ${this.file} klopt niet (${detail}); de laatste goede roster blijft gelden tot het verbeterd is`);
    }
    return this.data;
  }

  private report(message: string): void {
    if (message === this.lastError) return;
    this.lastError = message;
    this.onError(message);
  }
}

/** The roster's own fields; every other text field is a platform user id. */
const PERSON_FIELDS: ReadonlySet<string> = new Set(["id", "name", "role", "themes", "regions", "pool"]);

function textField(entry: Entry, field: string): string | undefined {
  const value = (entry as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

function matches(entry: Entry, userId: string): boolean {
  if (entry.id === userId) return true;
  return Object.keys(entry).some((field) => !PERSON_FIELDS.has(field) && textField(entry, field) === userId);
}

function toPerson(entry: Entry): Person {
  return { userId: entry.id, name: entry.name };
}
