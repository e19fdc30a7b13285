import type { App } from "@slack/bolt";

const KEPT = 1000;

/**
 * A person's name as their workspace shows it, looked up once (users.info, scope users:read), for
 * texts that name someone without pinging them: a `<@U…>` mention would notify them where it is posted.
 */
export function createNameLookup(client: () => App["client"]): (userId: string) => Promise<string> {
  const names = new Map<string, string>();
  return async (userId) => {
    const known = names.get(userId);
    if (known) return known;
    const info = await client().users.info({ user: userId }).catch(() => undefined);
    const user = info?.user;
    const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name || "een Slack-gebruiker";
    if (names.size >= KEPT) names.delete(names.keys().next().value!);
    names.set(userId, name);
    return name;
  };
}
