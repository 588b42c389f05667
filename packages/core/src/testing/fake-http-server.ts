// TEST DOUBLE: a local HTTP server for adapter tests (routes, a request log, drops, stalls, garbage).
// Protocol-free: an adapter's fixtures add the routes of the API they stand in for.
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the fake server received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers one request; `index` counts earlier requests to the same route (for "fail, then succeed"). */
export type Route = (request: ReceivedRequest, response: ServerResponse, index: number) => void | Promise<void>;

/** A node:http server on 127.0.0.1, port 0, that records what it received and which responses the client closed early. */
export interface FakeServer {
  url: string;
  requests: ReceivedRequest[];
  /** Requests to `route` ("POST /api/chat") so far. */
  count(route: string): number;
  /** Resolves when the client has closed a response before it ended (abort, timeout). */
  clientClosed(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a fake server; routes are keyed "METHOD /path"; anything else answers 404. */
export async function startFakeServer(routes: Record<string, Route>): Promise<FakeServer> {
  const requests: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = { method: req.method ?? "", path: (req.url ?? "").split("?")[0] ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    requests.push(request);
    res.on("close", () => {
      if (!res.writableEnded) resolveClosed();
    });
    const key = `${request.method} ${request.path}`;
    const index = counts.get(key) ?? 0;
    counts.set(key, index + 1);
    const route = routes[key];
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found");
      return;
    }
    await route(request, res, index);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (route) => counts.get(route) ?? 0,
    clientClosed: () => closed,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** How to send a streamed body. */
export interface SendOptions {
  /** Pause before each chunk. */
  delayMs?: number;
  /** Pause before the first chunk only (a model loading). */
  firstDelayMs?: number;
  /** Destroy the socket after this many chunks (a dropped connection). */
  dropAfter?: number;
  /** Stop sending after this many chunks but keep the connection open (a stalled server). */
  stallAfter?: number;
  /** A raw line sent in place of chunk number `at` (a garbage chunk). */
  garbage?: { at: number; text: string };
}

/** Writes `chunks` one by one, as a streaming server does, honouring drops, stalls and garbage. */
export async function sendChunks(response: ServerResponse, chunks: readonly string[], send: SendOptions = {}): Promise<void> {
  for (let i = 0; i < chunks.length; i++) {
    const delay = i === 0 ? (send.firstDelayMs ?? send.delayMs ?? 0) : (send.delayMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (response.destroyed) return;
    if (send.dropAfter === i) {
      // Let what was written reach the client first, then cut the connection without a proper end.
      await new Promise((resolve) => setTimeout(resolve, 30));
      response.socket?.destroy();
      return;
    }
    if (send.stallAfter === i) return;
    response.write(send.garbage?.at === i ? send.garbage.text : chunks[i]);
  }
  response.end();
}

/** Holds the response open without answering until the client goes away. */
export function neverAnswer(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => response.on("close", () => resolve()));
}
