import http from "node:http";
import type { AddressInfo } from "node:net";

export type ChatRequest = { model: string; messages: Array<{ role: string; content: string }>; response_format?: { type: string; json_schema?: { name: string; strict?: boolean } }; temperature?: number };
export type Trouble = { status: 429; retryAfterSeconds: number } | { status: 500 } | { slowMs: number } | { malformed: true };

/** Concepts shared by Dutch and English words: the fake's stand-in for a multilingual embedding model. */
const CONCEPTS: string[][] = [
  ["vrijwilliger", "vrijwilligers", "volunteer", "volunteers", "vrijwilligerswerk"],
  ["betrokken", "involved", "engaged", "binden", "vasthouden", "keep", "retain", "motiveren"],
  ["geld", "financiering", "funding", "money", "subsidie", "subsidies", "fund", "grant", "grants"],
  ["gemeente", "municipality", "council", "overheid", "government"],
  ["energie", "energy", "zonnepanelen", "solar", "energiecooperatie", "coop"],
  ["zorg", "care", "zorgcooperatie"],
  ["rechtsvorm", "legal", "vereniging", "stichting", "association", "foundation", "cooperatie", "cooperative"],
  ["burgerbegroting", "budget", "begroting", "participatory"],
];
export const DIMENSIONS = 48;

/**
 * A small OpenAI-compatible server on 127.0.0.1: chat completions (with the structured output the
 * app asks for) and embeddings, recording every request. A test sets how chat replies are made and
 * queues trouble on demand: 429 with Retry-After, 500, a slow reply, or a malformed one.
 */
export class FakeOpenAi {
  readonly chatRequests: ChatRequest[] = [];
  readonly embeddingRequests: Array<{ model: string; input: string[]; dimensions?: number }> = [];
  /** Each request to an endpoint first takes the next trouble of its queue, if any. */
  readonly chatTrouble: Trouble[] = [];
  readonly embeddingTrouble: Trouble[] = [];
  /** What the model "says" to a chat request (the message content). */
  reply: (request: ChatRequest) => string = () => JSON.stringify({ answer: "Zie [1].", cited: [1], answerable: true });
  tokensPerReply = 120;
  /** Whether a refused key is repeated in the 401's error message, as some servers and proxies do. */
  echoKeyInErrors = false;
  /** The base URL (…/v1) once started. */
  url = "";
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this.url;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The user message of a chat request (what the app sent as data). */
  static userMessage(request: ChatRequest): string {
    return request.messages.find((m) => m.role === "user")?.content ?? "";
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (req.headers.authorization !== "Bearer sk-test-key") {
      // Some OpenAI-compatible servers and proxies repeat the key they were given in their error.
      const given = this.echoKeyInErrors ? `: ${req.headers.authorization?.replace(/^Bearer /, "")}` : "";
      return send(401, { error: { message: `Incorrect API key provided${given}`, type: "invalid_request_error", code: "invalid_api_key" } });
    }
    const body = JSON.parse(raw || "{}");
    const chat = req.url === "/v1/chat/completions";
    const embeddings = req.url === "/v1/embeddings";
    if (!chat && !embeddings) return send(404, { error: { message: `unknown path ${req.url}` } });
    if (chat) this.chatRequests.push(body);
    else this.embeddingRequests.push(body);
    const trouble = (chat ? this.chatTrouble : this.embeddingTrouble).shift();
    if (trouble && "status" in trouble && trouble.status === 429) {
      return send(429, { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } }, { "retry-after": String(trouble.retryAfterSeconds) });
    }
    if (trouble && "status" in trouble) return send(500, { error: { message: "The server had an error", type: "server_error" } });
    if (trouble && "slowMs" in trouble) await new Promise((r) => setTimeout(r, trouble.slowMs));
    if (chat) {
      const content = trouble && "malformed" in trouble ? "Natuurlijk! Hier is je antwoord: {answer: ..." : this.reply(body);
      return send(200, {
        id: `chatcmpl-${this.chatRequests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: this.tokensPerReply - 20, completion_tokens: 20, total_tokens: this.tokensPerReply },
      });
    }
    const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
    if (trouble && "malformed" in trouble) return send(200, { object: "list", data: [], model: body.model });
    return send(200, {
      object: "list",
      data: inputs.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text) })),
      model: body.model,
      usage: { prompt_tokens: inputs.length * 10, total_tokens: inputs.length * 10 },
    });
  }
}

/**
 * A deterministic embedding: the first dimensions count shared concepts (so "volunteers" and
 * "vrijwilligers" are close, across languages), the rest hash other words. Unit length.
 */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  const words = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").match(/[a-z]+/g) ?? [];
  for (const word of words) {
    const concept = CONCEPTS.findIndex((c) => c.includes(word));
    if (concept >= 0) vector[concept]! += 3;
    else {
      let hash = 0;
      for (const ch of word) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
      vector[CONCEPTS.length + (hash % (DIMENSIONS - CONCEPTS.length))]! += 0.2;
    }
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}
