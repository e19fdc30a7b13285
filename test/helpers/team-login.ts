import { openDatabase } from "../../src/store/open-database.js";
import { SqliteTeamAccess } from "../../src/store/sqlite-team-access.js";

/** A personal team link's secret for a roster member, made as `kennis -- team-link` does, in the app's database. */
export function teamLinkSecret(databasePath: string, memberId: string): string {
  const db = openDatabase(databasePath);
  try {
    return new SqliteTeamAccess(db).createLink(memberId);
  } finally {
    db.close();
  }
}

export type TeamClient = {
  get(route: string): Promise<Response>;
  post(route: string, body: object): Promise<Response>;
  /** post, parsed. */
  postJson(route: string, body: object): Promise<Record<string, unknown>>;
};

/**
 * Logs a roster member in to the team view over HTTP as the team page does: the link's secret for a
 * session cookie, then requests with that cookie, the page's origin and the session's CSRF token.
 */
export async function teamLogin(baseUrl: string, databasePath: string, memberId: string): Promise<TeamClient> {
  const origin = new URL(baseUrl).origin;
  const res = await fetch(`${baseUrl}/api/tolk/sessie`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ token: teamLinkSecret(databasePath, memberId) }),
  });
  if (!res.ok) throw new Error(`team login of ${memberId} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const client: TeamClient = {
    get: (route) => fetch(`${baseUrl}${route}`, { headers: { cookie } }),
    post: (route, body) =>
      fetch(`${baseUrl}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin, "x-vliegwiel-csrf": csrfToken },
        body: JSON.stringify(body),
      }),
    postJson: async (route, body) => (await (await client.post(route, body)).json()) as Record<string, unknown>,
  };
  return client;
}
