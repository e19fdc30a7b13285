import http from "node:http";
import type { AddressInfo } from "node:net";

type Stored = { id: string; values: number[]; metadata?: Record<string, unknown> };
export type PineconeCall = { path: string; body: Record<string, unknown> };

/**
 * Pinecone's data plane on 127.0.0.1: upsert, query (cosine, with metadata filters: $eq, $in, $and),
 * delete and describe_index_stats, per namespace, checking the Api-Key header. Calls are recorded.
 */
export class FakePinecone {
  readonly calls: PineconeCall[] = [];
  readonly namespaces = new Map<string, Map<string, Stored>>();
  /** While true, every request fails with 503 (Pinecone down). */
  down = false;
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private namespace(name: unknown): Map<string, Stored> {
    const key = typeof name === "string" ? name : "";
    if (!this.namespaces.has(key)) this.namespaces.set(key, new Map());
    return this.namespaces.get(key)!;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? "").split("?")[0]!;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    this.calls.push({ path, body });
    if (this.down) return send(503, { code: 14, message: "Service unavailable", details: [] });
    if (req.headers["api-key"] !== "pc-test-key") return send(401, { code: 16, message: "Invalid API key", details: [] });
    switch (path) {
      case "/vectors/upsert": {
        const ns = this.namespace(body.namespace);
        const vectors = body.vectors as Stored[];
        for (const v of vectors) ns.set(v.id, v);
        return send(200, { upsertedCount: vectors.length });
      }
      case "/query": {
        const ns = this.namespace(body.namespace);
        const vector = body.vector as number[];
        const matches = [...ns.values()]
          .filter((v) => !body.filter || passesFilter(v.metadata ?? {}, body.filter as Record<string, unknown>))
          .map((v) => ({ id: v.id, score: cosine(vector, v.values), ...(body.includeMetadata ? { metadata: v.metadata } : {}) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, Number(body.topK));
        return send(200, { matches, namespace: body.namespace ?? "", usage: { readUnits: 1 } });
      }
      case "/vectors/delete": {
        const ns = this.namespace(body.namespace);
        if (body.deleteAll) ns.clear();
        for (const id of (body.ids as string[] | undefined) ?? []) ns.delete(id);
        return send(200, {});
      }
      case "/describe_index_stats": {
        const namespaces = Object.fromEntries([...this.namespaces].map(([name, ns]) => [name, { vectorCount: ns.size }]));
        const total = [...this.namespaces.values()].reduce((n, ns) => n + ns.size, 0);
        const dimension = [...this.namespaces.values()].flatMap((ns) => [...ns.values()])[0]?.values.length ?? 0;
        return send(200, { namespaces, dimension, indexFullness: 0, totalVectorCount: total, metric: "cosine", vectorType: "dense" });
      }
      default:
        return send(404, { code: 5, message: `unknown path ${path}`, details: [] });
    }
  }
}

function passesFilter(metadata: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === "$and") return (condition as Array<Record<string, unknown>>).every((c) => passesFilter(metadata, c));
    if (key === "$or") return (condition as Array<Record<string, unknown>>).some((c) => passesFilter(metadata, c));
    const value = metadata[key];
    const values = Array.isArray(value) ? value : [value];
    const cond = condition as Record<string, unknown>;
    if (typeof condition !== "object" || condition === null) return values.includes(condition);
    if ("$in" in cond) return values.some((v) => (cond.$in as unknown[]).includes(v));
    if ("$eq" in cond) return values.includes(cond.$eq);
    return false;
  });
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb) || 1);
}
