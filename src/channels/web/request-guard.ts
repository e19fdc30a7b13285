import type http from "node:http";
import { isIP } from "node:net";

/**
 * Checks that keep other websites out of the local server: the Host must name this server (no DNS
 * rebinding), and a change must come from the server's own pages (same origin, JSON body).
 */
export type OriginPolicy = {
  /** The address people open (PUBLIC_BASE_URL), e.g. behind an HTTPS proxy. */
  publicUrl?: string;
};

/** The Host header is an IP address, localhost, or the public address's host name. */
export function hostAllowed(req: http.IncomingMessage, policy: OriginPolicy): boolean {
  const host = req.headers.host;
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  if (isIP(hostname) || hostname === "localhost") return true;
  return policy.publicUrl !== undefined && new URL(policy.publicUrl).hostname === hostname;
}

/** The request comes from a page of this server: its Origin matches, or the browser says same-origin. */
export function sameOrigin(req: http.IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (!origin) return req.headers["sec-fetch-site"] === "same-origin";
  if (origin === "null") return false;
  try {
    const url = new URL(origin);
    if (url.host === req.headers.host) return true;
    return policy.publicUrl !== undefined && url.origin === new URL(policy.publicUrl).origin;
  } catch {
    return false;
  }
}

/** Another site's page asked (an Origin or Sec-Fetch-Site says so); absent headers (a script, curl) are not cross-site. */
export function crossSite(req: http.IncomingMessage, policy: OriginPolicy): boolean {
  if (req.headers.origin !== undefined) return !sameOrigin(req, policy);
  const site = req.headers["sec-fetch-site"];
  return site === "cross-site" || site === "same-site";
}

/** A body declared as JSON: a plain HTML form or a text/plain request from another site cannot send it without CORS. */
export function isJsonRequest(req: http.IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";
}
