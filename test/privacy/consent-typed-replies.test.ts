import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

const ENGLISH_FOR_A_PERSON = "I would like to talk to a person about starting a food bank in our village";
const DUTCH_UNANSWERABLE = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?";

/**
 * README, Handing a question to a person, 1: the asker chooses by button or by typing the answer; "only a
 * short reply that is the answer counts", any other message is a new message. These are the typed answers
 * an English asker (the interface asks them in English) and a Dutch one write most, through the real web API.
 */
describe("typed consent answers, in the asker's own words", () => {
  const temp = tempDir();
  let server: WebServer;

  beforeAll(async () => {
    server = await startWebServer(testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" }));
  });
  afterAll(async () => {
    await server?.stop();
    temp.cleanup();
  });

  let conversation = 0;
  const say = async (id: string, text: string): Promise<Reply> =>
    (await (await fetch(`${server.url}/api/messages`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ conversationId: `typed-${id}`, userId: `typed-user-${id}`, userName: `Vrager ${id}`, text }),
    })).json()) as Reply;
  /** Asks `question`, types `answer` to its consent question, and gives the handoff as stored, with the reply. */
  const choose = async (question: string, answer: string) => {
    const id = String(conversation++);
    const asked = await say(id, question);
    expect(asked.handoffId, question).toBeDefined();
    const reply = await say(id, answer);
    return { reply, handoff: server.repository.get(asked.handoffId!)!.handoff };
  };

  it("given an English asker typing no in their own words ('no, don't share', 'no thank you', 'please don't'), then nothing is shared and the refusal is taken, not read as a new question", async () => {
    for (const answer of ["no, don't share", "don't share it", "do not share", "no thank you", "please don't", "No, don’t share my question"]) {
      const { reply, handoff } = await choose(ENGLISH_FOR_A_PERSON, answer);
      expect(reply.kind, answer).toBe("consent");
      expect(handoff.status, answer).toBe("declined");
      expect(handoff.sharing, answer).toBeUndefined();
    }
  });

  it("given an English asker choosing with or without their name ('without my name', 'with my name'), then it is shared as they say", async () => {
    const cases: Array<[string, "anonymous" | "named"]> = [["without my name", "anonymous"], ["share it without my name", "anonymous"], ["yes, with my name", "named"], ["with my name", "named"], ["yes thank you", "named"]];
    for (const [answer, sharing] of cases) {
      const { reply, handoff } = await choose(ENGLISH_FOR_A_PERSON, answer);
      expect(reply.kind, answer).toBe("consent");
      expect(handoff.status, answer).toBe("open");
      expect(handoff.sharing, answer).toBe(sharing);
      expect(handoff.question, answer).toBe(ENGLISH_FOR_A_PERSON);
    }
  });

  it("given a Dutch 'nee dank je wel' or 'nee, dank u wel', then it is a no (the 'wel' of the thanks is no yes)", async () => {
    for (const answer of ["nee dank je wel", "Nee, dank u wel", "nee bedankt"]) {
      const { reply, handoff } = await choose(DUTCH_UNANSWERABLE, answer);
      expect(reply.kind, answer).toBe("consent");
      expect(handoff.status, answer).toBe("declined");
    }
  });

  it("given an acknowledgement with thanks ('ok, dank je', 'prima, bedankt', 'okay thanks'), then nothing is shared and the choices are explained; 'graag, dank je' is a yes", async () => {
    for (const [question, answer] of [[DUTCH_UNANSWERABLE, "ok, dank je"], [DUTCH_UNANSWERABLE, "Prima, bedankt!"], [DUTCH_UNANSWERABLE, "oké dank u wel"], [ENGLISH_FOR_A_PERSON, "okay thanks"]] as const) {
      const { reply, handoff } = await choose(question, answer);
      expect(handoff.status, answer).toBe("awaiting_consent");
      expect(handoff.sharing, answer).toBeUndefined();
      expect(reply.text, answer).toMatch(/^(Je kiest zelf wat de tolken zien|You choose what the helpers see)/);
    }
    const { handoff } = await choose(DUTCH_UNANSWERABLE, "graag, dank je");
    expect(handoff).toMatchObject({ status: "open", sharing: "named" });
  });

  it("given a 'ja' or 'yes' inside a longer message that is no answer, then nothing is shared", async () => {
    for (const [question, text] of [
      [DUTCH_UNANSWERABLE, "ja maar eerst: hoe werkt crowdfunding bij een buurtfeest"],
      [DUTCH_UNANSWERABLE, "nee maar wat kost een vergunning dan"],
      [ENGLISH_FOR_A_PERSON, "yes but how do other villages fund their food bank"],
      [ENGLISH_FOR_A_PERSON, "don't know yet, what would you advise"],
      [ENGLISH_FOR_A_PERSON, "do you share my name"],
    ] as const) {
      const { handoff } = await choose(question, text);
      expect(handoff.sharing, text).toBeUndefined();
      expect(handoff.status, text).not.toBe("open");
    }
  });
});
