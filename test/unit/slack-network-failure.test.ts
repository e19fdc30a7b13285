import http from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeptForNextStart, keptForNextStart } from "../../src/channels/retry-transient.js";
import { isSlackNetworkFailure, slackAskedPauseMs, slackFailureText } from "../../src/channels/slack/slack-network-failure.js";
import { replySender } from "../../src/channels/slack/slack-reply-once.js";
import type { Logger } from "../../src/logger.js";

/** What @slack/web-api (without its own retries) throws when a server on 127.0.0.1 closes, resets, fails, limits, hangs or refuses. */
describe("which failed calls to Slack are tried again", () => {
  let server: http.Server;
  let client: webApi.WebClient;
  const posted: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const method = req.url!.replace("/api/", "");
        if (method === "chat.postMessage") posted.push(method);
        if (method === "closed" || method === "chat.postMessage") return res.destroy(); // no answer at all
        if (method === "reset") return req.socket.resetAndDestroy();
        if (method === "hang") return; // never answered: the client's time limit ends it
        const json = { "content-type": "application/json" };
        // Slack's own transient errors come as `ok: false` with HTTP 200 (a "ratelimited" one with Retry-After).
        const slackError = /^(fatal_error|internal_error|request_timeout|service_unavailable|ratelimited)$/.exec(method)?.[0];
        const [status, headers, body] = method === "unavailable" ? [503, {}, "unavailable"]
          : method === "limited" ? [429, { "retry-after": "7" }, ""]
          : slackError ? [200, { ...json, ...(slackError === "ratelimited" ? { "retry-after": "3" } : {}) }, JSON.stringify({ ok: false, error: slackError })]
          : [200, json, JSON.stringify({ ok: false, error: "invalid_auth" })];
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const slackApiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    client = new webApi.WebClient("xoxb-test", { slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 200, logLevel: webApi.LogLevel.ERROR });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failureOf = (method: string) => client.apiCall(method).then(() => undefined, (error: unknown) => error);

  it("given a connection closed without an answer, then it is a network failure, and the log names the cause", async () => {
    const error = await failureOf("closed");
    expect(isSlackNetworkFailure(error)).toBe(true);
    expect(slackFailureText(error)).toMatch(/fetch failed: other side closed/);
  });

  it("given a reset, a 503 or a time-out, then it is a network failure", async () => {
    const reset = await failureOf("reset");
    expect(isSlackNetworkFailure(reset)).toBe(true);
    expect(slackFailureText(reset)).toMatch(/ECONNRESET/);
    expect(isSlackNetworkFailure(await failureOf("unavailable"))).toBe(true);
    const hung = await failureOf("hang");
    expect(isSlackNetworkFailure(hung)).toBe(true);
    expect(slackFailureText(hung)).toMatch(/timeout/i);
  });

  it("given a 429, then it is tried again no sooner than Slack asked", async () => {
    const limited = await failureOf("limited");
    expect(isSlackNetworkFailure(limited)).toBe(true);
    expect(slackAskedPauseMs(limited)).toBe(7000);
    expect(slackAskedPauseMs(await failureOf("closed"))).toBe(0);
  });

  it("given Slack's own transient errors (ok: false: fatal_error, internal_error, request_timeout, service_unavailable), then they are tried again here (after a look whether the post landed)", async () => {
    for (const code of ["fatal_error", "internal_error", "request_timeout", "service_unavailable"]) {
      const error = await failureOf(code);
      expect(isSlackNetworkFailure(error), code).toBe(true);
      expect(slackFailureText(error), code).toContain(code);
    }
  });

  it("given ok: false, ratelimited with Retry-After, then it is tried again no sooner than Slack asked", async () => {
    const limited = await failureOf("ratelimited");
    expect(isSlackNetworkFailure(limited)).toBe(true);
    expect(slackAskedPauseMs(limited)).toBe(3000);
  });

  it("given Slack's refusal (ok: false, invalid_auth) or our own error, then it is not tried again here", async () => {
    expect(isSlackNetworkFailure(await failureOf("refused"))).toBe(false);
    expect(isSlackNetworkFailure(new Error("no channel"))).toBe(false);
  });

  const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => quiet };

  it("given the post closed and the look for it refused, then the refusal ends it (not kept, not posted again)", async () => {
    posted.length = 0;
    const send = replySender(client as never, { key: "slack:Ev1", since: new Date().toISOString(), handledBefore: false }, { logger: quiet, stopped: () => false, delaysMs: [1, 1] });
    const outcome = await send.post({ channel: "C1", text: "x" }, "1").catch((e: unknown) => e);
    expect(keptForNextStart(outcome)).toBeUndefined();
    expect((outcome as { data?: { error?: string } }).data?.error).toBe("invalid_auth");
    expect(posted).toHaveLength(1);
  });

  it("given every try closed, then after the last one the reply is kept for the next start", async () => {
    posted.length = 0;
    const send = replySender(client as never, { key: "slack:Ev2", since: new Date().toISOString(), handledBefore: false }, { logger: quiet, stopped: () => false, delaysMs: [1, 1] });
    const kept = await send.call("een privébericht", (c) => c.chat.postMessage({ channel: "C1", text: "x" })).catch((e: unknown) => e);
    expect(kept).toBeInstanceOf(KeptForNextStart);
    expect(posted).toHaveLength(3);
    expect((kept as Error).message).toMatch(/een privébericht voor slack:Ev2 lukte na herhaalde pogingen niet \(.*other side closed\).*volgende start/);
    // Bolt hands listener errors to its error handler wrapped (`original`): still recognised.
    expect(keptForNextStart({ code: "slack_bolt_unknown_error", original: kept })).toBe(kept);
  });
});
