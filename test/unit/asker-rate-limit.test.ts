import type http from "node:http";
import { describe, expect, it } from "vitest";
import { AskerRateLimit, clientAddress } from "../../src/channels/web/asker-rate-limit.js";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as http.IncomingMessage;

describe("who a web chat client is, and how often it is told no", () => {
  it("given IPv6 addresses of one /64 network, then they are one client; another network is another", () => {
    expect(clientAddress(request("2001:db8:1:2:aaaa::1"))).toBe(clientAddress(request("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")));
    expect(clientAddress(request("2001:db8:1:3::1"))).not.toBe(clientAddress(request("2001:db8:1:2::1")));
    expect(clientAddress(request("203.0.113.4"))).toBe("203.0.113.4");
  });

  it("given X-Forwarded-For, then only a request from this machine (a local proxy) is read by it, and only its last entry", () => {
    expect(clientAddress(request("127.0.0.1", "10.1.1.1, 198.51.100.7"))).toBe("198.51.100.7");
    expect(clientAddress(request("203.0.113.4", "198.51.100.7"))).toBe("203.0.113.4");
  });

  it("given a client refused again and again, then only the first refusal of a stretch is one to log", () => {
    let now = 0;
    const limit = new AskerRateLimit({ messagesPerMinute: 1, conversationsPerHour: 0, handoffsPerHour: 0 }, () => now);
    expect(limit.check("a", "c").ok).toBe(true);
    const refusals = [limit.check("a", "c"), limit.check("a", "c"), limit.check("a", "c")];
    expect(refusals.map((r) => !r.ok && r.firstRefusal)).toEqual([true, false, false]);
    now += 61_000;
    expect(limit.check("a", "c").ok).toBe(true);
    now += 1_000;
    const later = limit.check("a", "c");
    expect(!later.ok && later.firstRefusal).toBe(true);
  });
});
