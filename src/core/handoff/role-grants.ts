import type { Roster } from "./handoff-service.js";
import type { TeamRight } from "../channel.js";

/** How long a platform's word about someone's role counts; every action checks the role again. */
const GRANT_MS = 10 * 60_000;

/**
 * Rights a chat platform vouched for from a person's roles (Discord roles mapped in config), next to
 * the roster file. The adapter checks the role on every action and renews the grant; a grant that is
 * not renewed lapses, so a removed role stops counting within minutes even between actions.
 */
export class RoleGrants {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  grant(userId: string, rights: readonly TeamRight[]): void {
    for (const right of rights) this.until.set(`${right}:${userId}`, this.now() + GRANT_MS);
  }

  has(userId: string, right: TeamRight): boolean {
    return (this.until.get(`${right}:${userId}`) ?? 0) > this.now();
  }

  /** The roster, where someone with a granted team role also counts as a member. */
  extend(roster: Roster): Roster {
    return {
      isMember: (userId) => roster.isMember(userId) || this.has(userId, "team"),
      route: (theme) => roster.route(theme),
      coordinators: () => roster.coordinators(),
    };
  }
}
