import { lookup } from "node:dns/promises";
import net from "node:net";
import { IngestError } from "./loaded-document.js";

const MAX_REDIRECTS = 5;

/**
 * fetch for web pages that people add from chat: only addresses on the public internet, at every
 * redirect, so a coordinator's link cannot make the server read this machine or its local network (the
 * team page, a router, a cloud's metadata address). The command line, run by a maintainer on the machine
 * itself, may read any address. (A name that resolves differently between the check and the request is
 * not caught here; the server has nothing of value for such a trick beyond what these checks keep out.)
 */
export function publicOnlyFetch(base: typeof fetch = fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      await assertPublicHost(url);
      const response = await base(url, { ...init, redirect: "manual" });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel().catch(() => undefined);
      url = new URL(location, url);
    }
    throw new IngestError(`de pagina verwijst te vaak door (meer dan ${MAX_REDIRECTS} keer)`);
  }) as typeof fetch;
}

async function assertPublicHost(url: URL): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new IngestError("alleen webadressen met http:// of https:// kunnen worden ingelezen");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch (error) {
    throw new IngestError("pagina niet bereikbaar (klopt het adres, en is er internet?)", (error as Error).message);
  }
  if (addresses.length === 0 || addresses.some((address) => !isPublicAddress(address))) {
    throw new IngestError("dit adres wijst naar deze computer of een intern netwerk; zo'n pagina kan een beheerder toevoegen met npm run kennis -- add");
  }
}

/** Whether an IP address is on the public internet (not loopback, private, link-local, shared, reserved). */
export function isPublicAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split(".").map(Number) as [number, number];
    if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast/reserved
    if (a === 169 && b === 254) return false; // link-local (cloud metadata)
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
    if (a === 192 && b === 0 && address.startsWith("192.0.0.")) return false;
    if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
    return true;
  }
  if (!net.isIPv6(address)) return false;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPublicAddress(mapped[1]!);
  if (lower === "::" || lower === "::1") return false;
  const first = parseInt(lower.split(":")[0] || "0", 16);
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}
