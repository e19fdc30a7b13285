import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * Slack's Socket Mode endpoint on 127.0.0.1: greets each connection with `hello`, delivers envelopes
 * (events_api, slash_commands, interactive) and records the acknowledgements the app sends back.
 */
export class FakeSlackSocket {
  readonly acks: string[] = [];
  private readonly server = http.createServer();
  private readonly wss = new WebSocketServer({ server: this.server });
  private socket: WebSocket | undefined;
  private connected: Promise<void>;

  constructor() {
    this.connected = new Promise((resolve) => {
      this.wss.on("connection", (socket) => {
        this.socket = socket;
        socket.on("message", (data) => {
          const message = JSON.parse(String(data)) as { envelope_id?: string };
          if (message.envelope_id) this.acks.push(message.envelope_id);
        });
        socket.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake", approximate_connection_time: 18060 }, connection_info: { app_id: "A0TEST" } }));
        resolve();
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  waitForConnection(): Promise<void> {
    return this.connected;
  }

  deliver(envelopeId: string, type: "events_api" | "slash_commands" | "interactive", payload: object): void {
    this.socket!.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0, retry_reason: "" }));
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
