import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import net from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { IngestError } from "./loaded-document.js";
import { isPublicAddress } from "./public-address.js";
import { PAGE_UNREACHABLE, TOO_MANY_REDIRECTS } from "./web-page-problems.js";

const MAX_REDIRECTS = 5;
const NOT_PUBLIC = "dit adres wijst naar deze computer of een intern netwerk; zo'n pagina kan een beheerder toevoegen met npm run kennis -- add";

/** node:dns's lookup signature (the one net.connect accepts), so tests can stand in for DNS. */
export type Lookup = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export type PublicOnlyOptions = { lookup?: Lookup; isAllowed?: (address: string) => boolean };

/** Raised inside the connection's own address lookup, recognised again in the error fetch throws. */
class NotPublicError extends Error {}

/**
 * fetch for web pages that people add from chat: only addresses on the public internet, at every
 * redirect, so a coordinator's link cannot make the server read this machine or its local network (the
 * team page, a router, a cloud's metadata address). The addresses are checked where the connection is
 * made (the connection's own DNS lookup), so a name that answers with a public address to a first
 * question and an internal one to the next (DNS rebinding) is refused too. The command line, run by a
 * maintainer on the machine itself, may read any address.
 */
export function publicOnlyFetch(options: PublicOnlyOptions = {}): typeof fetch {
  const lookup: Lookup = options.lookup ?? ((hostname, lookupOptions, callback) => dns.lookup(hostname, lookupOptions, callback));
  const isAllowed = options.isAllowed ?? isPublicAddress;
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(lookup, isAllowed) } });
  return (async (input: string | URL | Request, init?: RequestInit) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      await assertAllowedHost(url, lookup, isAllowed);
      const response = (await undiciFetch(url, { ...(init as object), redirect: "manual", dispatcher }).catch(explainRefusal)) as unknown as Response;
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel().catch(() => undefined);
      url = new URL(location, url);
    }
    throw new IngestError(TOO_MANY_REDIRECTS, `more than ${MAX_REDIRECTS} redirects`);
  }) as typeof fetch;
}

/**
 * The lookup the connection itself uses: every address a name has must be allowed, and the connection
 * then goes to one of exactly those addresses. (An address written in the URL is not looked up by the
 * connection; assertAllowedHost judges those.)
 */
function guardedLookup(lookup: Lookup, isAllowed: (address: string) => boolean) {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (!addresses.length || addresses.some((a) => !isAllowed(a.address))) return callback(new NotPublicError(hostname), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** A clear refusal before connecting: an address in the URL itself, or a name whose addresses are not allowed. */
async function assertAllowedHost(url: URL, lookup: Lookup, isAllowed: (address: string) => boolean): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new IngestError("alleen webadressen met http:// of https:// kunnen worden ingelezen");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookupAll(lookup, host)).map((a) => a.address);
  } catch (error) {
    throw new IngestError(PAGE_UNREACHABLE, (error as Error).message);
  }
  if (addresses.length === 0 || addresses.some((address) => !isAllowed(address))) throw new IngestError(NOT_PUBLIC);
}

function lookupAll(lookup: Lookup, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => lookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

/** fetch wraps a failed connection in "fetch failed"; a refusal by the guarded lookup gets its own reason back. */
function explainRefusal(error: unknown): never {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof NotPublicError) throw new IngestError(NOT_PUBLIC);
  }
  throw error;
}
