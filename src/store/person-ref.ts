/** How a platform is named in a person reference ("slack", "discord", "web", "roster"). */
export const PLATFORM_NAME = /^[a-z]+$/;

/** "slack:U0123" → platform and user id; the same form the question log and token budgets use. */
export function parsePersonRef(ref: string): { channel: string; userId: string } {
  const trimmed = ref.trim();
  const colon = trimmed.indexOf(":");
  const [channel, userId] = [trimmed.slice(0, colon), trimmed.slice(colon + 1)];
  if (colon < 0 || !PLATFORM_NAME.test(channel) || !userId) throw new Error(`"${ref}" is geen persoon; schrijf <platform>:<gebruikers-id>, bijvoorbeeld slack:U0123ABC, discord:123456789012345678 of web:web-abc123`);
  return { channel, userId };
}
