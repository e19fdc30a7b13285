import http from "node:http";
import type { AddressInfo } from "node:net";
import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTransient, KeptForNextStart, retryTransient } from "../../src/channels/discord/answer-retry.js";
import type { Logger } from "../../src/logger.js";

/** What discord.js's REST client throws when a server on 127.0.0.1 closes the connection, fails or refuses. */
describe("which failed calls to Discord are tried again", () => {
  let server: http.Server;
  let rest: REST;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (req.url!.includes("/closed")) return res.destroy(); // a closed connection, no answer
        const status = req.url!.includes("/unavailable") ? 503 : 403;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: status === 403 ? "Missing Permissions" : "unavailable", code: status === 403 ? 50013 : 0 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    rest = new REST({ api: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, retries: 1 }).setToken("test-token");
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failureOf = (route: `/${string}`) => rest.post(route).then(() => undefined, (error: unknown) => error);

  it("given a connection closed without an answer, then it is transient (discord.js gives up on it at once)", async () => {
    const error = await failureOf("/closed");
    expect((error as { code?: string }).code).toBe("UND_ERR_SOCKET");
    expect(isTransient(error)).toBe(true);
  });

  it("given Discord answering 5xx past discord.js's own retries, then it is transient", async () => {
    const error = await failureOf("/unavailable");
    expect((error as { status?: number }).status).toBe(503);
    expect(isTransient(error)).toBe(true);
  });

  it("given a refusal (403 Missing Permissions) or our own error, then it is not tried again", async () => {
    expect(isTransient(await failureOf("/refused"))).toBe(false);
    expect(isTransient(new Error("discord is not started"))).toBe(false);
  });

  const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => quiet };

  it("given a transient failure and then success, then the work is done by `again`, once", async () => {
    const calls: string[] = [];
    await retryTransient("het antwoord", async () => {
      calls.push("first");
      throw await failureOf("/closed");
    }, async () => {
      calls.push("again");
    }, { logger: quiet, stopped: () => false, delaysMs: [1, 1] });
    expect(calls).toEqual(["first", "again"]);
  });

  it("given every try fails for network trouble, then it is kept for the next start, not dropped", async () => {
    const closed = await failureOf("/closed");
    let tries = 0;
    const failing = async () => {
      tries++;
      throw closed;
    };
    const outcome = await retryTransient("het antwoord", failing, failing, { logger: quiet, stopped: () => false, delaysMs: [1, 1, 1] }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(KeptForNextStart);
    expect(tries).toBe(4);
    expect((outcome as Error).message).toContain("volgende start");
  });

  it("given a refusal, then it is thrown at once; given the channel stopped meanwhile, then it is kept", async () => {
    const refused = await failureOf("/refused");
    let tries = 0;
    const refusing = async () => {
      tries++;
      throw refused;
    };
    await expect(retryTransient("het antwoord", refusing, refusing, { logger: quiet, stopped: () => false, delaysMs: [1] })).rejects.toBe(refused);
    expect(tries).toBe(1);
    const closed = await failureOf("/closed");
    const outcome = await retryTransient("het antwoord", async () => Promise.reject(closed), async () => undefined, { logger: quiet, stopped: () => true, delaysMs: [1] }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(KeptForNextStart);
  });
});
