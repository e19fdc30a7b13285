import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.js";
import { teamLogin } from "../helpers/team-login.js";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";



/**
 * Runs the real `src/main.ts` as a process and kills it with SIGKILL between every step of a
 * handoff: after each restart the flow goes on, and nothing is lost or sent twice.
 */
/**
 * Every step restarts the real process (tsx compiling the sources again): on a shared, loaded machine
 * that takes a while, so these tests get a generous limit. It bounds a hang; it asserts no speed.
 */
const CRASH_TEST_TIMEOUT_MS = 300_000;
const START_TIMEOUT_MS = 90_000;

describe("handoff across crashes", () => {
  const temp = tempDir();
  let port: number;
  let child: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;

  const start = async (extra: Record<string, string> = {}) => {
    // One process (no tsx wrapper), so SIGKILL really kills the server.
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: REPO_ROOT, env: { ...env, ...extra }, stdio: ["ignore", "ignore", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      let log = "";
      const timer = setTimeout(() => reject(new Error(`no start within ${START_TIMEOUT_MS / 1000} s:\n${log}`)), START_TIMEOUT_MS);
      child!.stderr!.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes("webchat op")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child!.once("exit", (code) => reject(new Error(`exited with ${code}:\n${log}`)));
    });
  };
  const crash = async () => {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child!.kill("SIGKILL");
    await exited;
    child = undefined;
  };
  const post = async (route: string, body: object) => {
    const res = await fetch(`http://127.0.0.1:${port}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  };
  const feed = async (conversationId: string) =>
    (await (await fetch(`http://127.0.0.1:${port}/api/conversations/${encodeURIComponent(conversationId)}/messages?after=0`)).json()) as Array<{ text: string }>;
  /** A team member's call, logged in with a personal link (sessions are in the database, so they outlive a crash). */
  const asMember = async (memberId: string, route: string, body: object) =>
    (await teamLogin(`http://127.0.0.1:${port}`, path.join(temp.dir, "vliegwiel.db"), memberId)).postJson(route, body);
  const teamThread = async (handoffId: string) => {
    const tolk = await teamLogin(`http://127.0.0.1:${port}`, path.join(temp.dir, "vliegwiel.db"), "tolk");
    const team = (await (await tolk.get("/api/tolk/handoffs")).json()) as { handoffs: Array<{ id: string; thread: Array<{ text: string }> }> };
    return team.handoffs.find((h) => h.id === handoffId)?.thread.map((m) => m.text);
  };
  const waitFor = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    const deadline = Date.now() + 60_000; // a bound on a hang, not a speed check
    while (Date.now() < deadline) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    port = await freePort();
    env = {
      ...process.env,
      DATA_DIR: temp.dir,
      KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir),
      ROSTER_FILE: path.join(temp.dir, "roster.yaml"),
      WEB_PORT: String(port),
      LOG_LEVEL: "info",
      HANDOFF_TICK_SECONDS: "0.2",
      HANDOFF_WORKING_HOURS: "always",
    };
  });
  afterAll(async () => {
    if (child) await crash();
    temp.cleanup();
  });

  it("given a kill after every step, then the handoff completes with every message delivered exactly once", async () => {
    await start();
    const asker = { conversationId: "crash-1", userId: "asker-1", userName: "Sanne" };
    const handoff = await post("/api/messages", { ...asker, text: "Hoe regel ik een parkeervergunning voor de vrijwilligers van ons dorpshuis?" });
    expect(handoff.decision).toBe("handoff");
    const handoffId = handoff.handoffId as string;
    await crash();

    await start();
    await post("/api/actions", { ...asker, action: "share", handoffId, eventKey: "share-1" });
    await crash();

    await start();
    expect(await post("/api/actions", { ...asker, action: "share", handoffId, eventKey: "share-1" })).toMatchObject({ text: "Dat had ik al verwerkt." });
    expect(await asMember("tolk", `/api/tolk/handoffs/${handoffId}/claim`, { eventKey: "claim-1" })).toMatchObject({ ok: true });
    await crash();

    await start();
    expect(await asMember("vrije-actor", `/api/tolk/handoffs/${handoffId}/claim`, {})).toMatchObject({ ok: false, code: "already_claimed" });
    expect(await asMember("tolk", `/api/tolk/handoffs/${handoffId}/reply`, { text: "Vraag een ontheffing aan bij de gemeente." })).toMatchObject({ ok: true });
    await crash();

    await start();
    await post("/api/actions", { ...asker, action: "reply", text: "Kost dat geld?", eventKey: "crash-reply-1" });
    expect(await asMember("tolk", `/api/tolk/handoffs/${handoffId}/close`, {})).toMatchObject({ ok: true, status: "resolved" });
    await crash();

    await start();
    const expected = [
      "Je vraag is doorgegeven. Zodra iemand hem oppakt, hoor je het hier.",
      "Tolk van het netwerk heeft je vraag opgepakt. Het antwoord komt hier.",
      "Antwoord van Tolk van het netwerk (een mens uit het netwerk):\nVraag een ontheffing aan bij de gemeente.",
      "Je vraag is afgesloten. Toch nog iets? Je kunt hem de komende dagen heropenen.",
    ];
    const askerFeed = await waitFor(async () => {
      const messages = (await feed("crash-1")).map((m) => m.text);
      return messages.length >= expected.length ? messages : undefined;
    }, "the asker's messages");
    expect(askerFeed).toEqual(expected);
    const thread = (await teamThread(handoffId)) ?? [];
    expect(thread.filter((t) => t.startsWith("Nieuwe vraag van Sanne"))).toHaveLength(1);
    expect(thread).toContain("De vrager schrijft: Kost dat geld?");
    expect(thread.filter((t) => t === "Afgesloten.")).toHaveLength(1);
    await crash();
  }, CRASH_TEST_TIMEOUT_MS);

  it("given the consent question runs out while the process is down, then a restart tells the asker once and shares nothing", async () => {
    await start({ HANDOFF_CONSENT_TIMEOUT_MINUTES: "0.02" }); // 1.2 s
    const asker = { conversationId: "crash-2", userId: "asker-2" };
    const handoff = await post("/api/messages", { ...asker, text: "Wie kan onze buurtbatterij verzekeren?" });
    expect(handoff.decision).toBe("handoff");
    await crash();
    await new Promise((r) => setTimeout(r, 1500));

    await start({ HANDOFF_CONSENT_TIMEOUT_MINUTES: "0.02" });
    const messages = await waitFor(async () => {
      const texts = (await feed("crash-2")).map((m) => m.text);
      return texts.some((t) => t.includes("niet gedeeld")) ? texts : undefined;
    }, "the consent timeout notice");
    await new Promise((r) => setTimeout(r, 500));
    expect((await feed("crash-2")).filter((m) => m.text.includes("niet gedeeld"))).toHaveLength(1);
    expect(messages.some((t) => t.includes("doorgegeven"))).toBe(false);
    expect(await teamThread(handoff.handoffId as string)).toBeUndefined();
    expect((await fetch(`http://127.0.0.1:${port}/api/conversations/handoff:${handoff.handoffId as string}/messages`)).status).toBe(404);
    await crash();
  }, CRASH_TEST_TIMEOUT_MS);
});
