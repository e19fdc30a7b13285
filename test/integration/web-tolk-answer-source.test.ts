import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { teamLogin } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

type Answer = { decision: string; handoffId?: string; text: string; sources: { label: string; documentId: string }[]; furtherReading: { label: string }[] };

/** A tolk's answer taken into the knowledge store, as the next asker and its source page show it. */
describe("a tolk's answer as a source", () => {
  const temp = tempDir();
  let config: Config;
  let web: WebServer;
  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    web = await startWebServer(config);
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const ask = async (conversationId: string, text: string) =>
    (await (await fetch(`${web.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId, text }) })).json()) as Answer;

  it("given a question typed with markup and answered with 'Toevoegen aan kennisbank', then its title is plain text, once, and its page shows the question once", async () => {
    const question = "Hoe kunnen we de kapotte bakfiets van de buurtbus laten <u>repareren</u>?";
    const first = await ask("markup-1", question);
    expect(first.decision).toBe("handoff");
    await fetch(`${web.url}/api/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId: "markup-1", action: "share", handoffId: first.handoffId }) });
    const tolk = await teamLogin(web.url, config.databasePath, "tolk");
    expect((await tolk.postJson(`/api/tolk/handoffs/${first.handoffId}/claim`, {})).ok).toBe(true);
    const reply = "Een bakfiets laten repareren kan bij de fietsenmaker in het dorp; het repaircafé helpt elke eerste zaterdag gratis.";
    expect((await tolk.postJson(`/api/tolk/handoffs/${first.handoffId}/reply`, { text: reply })).ok).toBe(true);
    expect((await tolk.postJson(`/api/tolk/handoffs/${first.handoffId}/close`, { addToKnowledge: true })).ok).toBe(true);

    // Written from the outbox: wait until the next asker finds it.
    let found: Answer | undefined;
    for (let attempt = 0; attempt < 80 && !found; attempt++) {
      const next = await ask(`markup-next-${attempt}`, "Hoe kunnen we de kapotte bakfiets van de buurtbus laten repareren?");
      if (next.decision === "answer" && next.sources.some((s) => s.documentId.startsWith("antwoorden/"))) found = next;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(found).toBeDefined();
    const plain = "Hoe kunnen we de kapotte bakfiets van de buurtbus laten repareren?";
    const source = found!.sources.find((s) => s.documentId.startsWith("antwoorden/"))!;
    expect(source.label).toBe(plain);
    expect(found!.text).not.toMatch(/<u>|&lt;u/);

    const [file] = fs.readdirSync(path.join(config.knowledgeDir, "antwoorden"));
    expect(fs.readFileSync(path.join(config.knowledgeDir, "antwoorden", file!), "utf8")).toBe(`# ${plain}\n\n${reply}\n`);

    const page = await (await fetch(`${web.url}/bron/${encodeURIComponent(source.documentId)}`)).text();
    const body = page.slice(page.indexOf("<body>"));
    expect(body.split(plain).length - 1).toBe(1); // in the heading only
    expect(body).not.toContain("# ");
    expect(body).not.toMatch(/&lt;u&gt;|<u>/);
    expect(body).toContain(reply);
  });
});
