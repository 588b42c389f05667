// TEST DOUBLE plumbing for fake speech servers: a node:http server on 127.0.0.1, port 0, that
// records each request (JSON body, bytes sent, whether the client hung up), and a body writer
// that injects the network faults TTS adapters must survive. An adapter's fixtures add the API.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The faults a fake speech server can inject into one answer. */
export interface AudioServerFaults {
  /** Answer with this status and `errorBody` instead of audio. */
  status?: number;
  /** JSON (object) or text (string) error body. */
  errorBody?: unknown;
  /** Wait this long before sending the response headers. */
  delayHeadersMs?: number;
  /** Send headers at once, then wait this long before the first body byte. */
  delayFirstByteMs?: number;
  /** Destroy the socket after this many body bytes. */
  dropAfterBytes?: number;
  /** Stop sending (but keep the connection open) after this many body bytes. */
  stallAfterBytes?: number;
  /** Body chunk size in bytes; odd by default so samples straddle chunks. */
  chunkBytes?: number;
  /** Pause between chunks (1 ms by default; 0 yields to the event loop only). */
  chunkDelayMs?: number;
}

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** The request URL's path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body, or `{}` when the body was empty. */
  body: Record<string, unknown>;
  /** Body bytes written before the exchange ended. */
  bytesSent: number;
  /** True when the client closed the connection before the body was complete. */
  closedByClient: boolean;
  /** Resolves when the exchange ends (finished or closed). */
  ended: Promise<void>;
}

/** Answers one recorded request; `index` counts every request before it, from 0. */
export type AudioAnswer = (response: ServerResponse, request: RecordedRequest, index: number) => Promise<void>;

/** A running recording server. */
export interface RecordingServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[];
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0, that records each request and hands it to `answer`. */
export async function startRecordingServer(answer: AudioAnswer): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    let markEnded = (): void => {};
    const record: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body,
      bytesSent: 0,
      closedByClient: false,
      ended: new Promise((resolve) => (markEnded = resolve)),
    };
    requests.push(record);
    res.on("close", () => {
      if (!res.writableFinished) record.closedByClient = true;
      markEnded();
    });
    await answer(res, record, requests.length - 1);
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits `delayHeadersMs` (if set); false when the client went away meanwhile and there is no one left to answer. */
export async function waitBeforeHeaders(response: ServerResponse, faults: AudioServerFaults): Promise<boolean> {
  if (faults.delayHeadersMs) await sleep(faults.delayHeadersMs);
  return !response.destroyed;
}

/** Ends `response` with an error status: a string body as text/plain, anything else as JSON (`{}` when absent). */
export function writeErrorBody(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const isText = typeof body === "string";
  response.writeHead(status, { "content-type": isText ? "text/plain" : "application/json", ...headers });
  response.end(isText ? body : JSON.stringify(body ?? {}));
}

/** `bytes` cut into pieces of `size` bytes (the last one shorter). */
export function splitBytes(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) pieces.push(bytes.subarray(offset, offset + size));
  return pieces;
}

/**
 * Writes `pieces` as the body of a response whose headers were sent, counting
 * `request.bytesSent`, and ends it, honouring `delayFirstByteMs`, `chunkDelayMs`,
 * `dropAfterBytes` (cut the connection) and `stallAfterBytes` (never end).
 */
export async function writeAudioBody(response: ServerResponse, request: RecordedRequest, pieces: readonly Buffer[], faults: AudioServerFaults): Promise<void> {
  if (faults.delayFirstByteMs) await sleep(faults.delayFirstByteMs);
  for (let piece of pieces) {
    if (response.destroyed) return;
    const limit = faults.dropAfterBytes ?? faults.stallAfterBytes;
    if (limit !== undefined && request.bytesSent + piece.length >= limit) {
      piece = piece.subarray(0, Math.max(0, limit - request.bytesSent));
      if (piece.length > 0) response.write(piece);
      request.bytesSent += piece.length;
      if (faults.dropAfterBytes !== undefined) setTimeout(() => response.socket?.destroy(), 20);
      return; // a stall: never end the response
    }
    response.write(piece);
    request.bytesSent += piece.length;
    const delay = faults.chunkDelayMs ?? 1;
    await (delay > 0 ? sleep(delay) : new Promise((resolve) => setImmediate(resolve)));
  }
  response.end();
}
