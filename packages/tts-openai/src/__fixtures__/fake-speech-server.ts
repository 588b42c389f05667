// A local stand-in for OpenAI's `POST /v1/audio/speech` with `response_format: "pcm"`:
// raw 24 kHz 16-bit LE mono, sent as a chunked binary body. Shapes: see README.md here.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server answers one request; every field is a fault to inject. */
export interface SpeechBehaviour {
  /** Answer with this status and `errorBody` instead of audio. */
  status?: number;
  /** JSON (object) or text (string) error body. */
  errorBody?: unknown;
  /** Extra response headers (e.g. `retry-after`). */
  headers?: Record<string, string>;
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
  /** Pause between chunks. */
  chunkDelayMs?: number;
}

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Body bytes written before the exchange ended. */
  bytesSent: number;
  /** True when the client closed the connection before the body was complete. */
  closedByClient: boolean;
  /** Resolves when the exchange ends (finished or closed). */
  ended: Promise<void>;
}

export interface FakeSpeechServer {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface FakeSpeechServerOptions {
  /** Picks the behaviour for the k-th request (from 0). */
  behave?: (body: Record<string, unknown>, index: number) => SpeechBehaviour;
  sampleRate?: number;
  /** Audio per character of input at speed 1. */
  msPerChar?: number;
}

/** A 440 Hz tone as PCM16 bytes, as long as the text asks for. */
export function toneBytes(text: string, speed: number, sampleRate: number, msPerChar: number): Buffer {
  const frames = Math.round((((text.length * msPerChar) / speed) / 1000) * sampleRate);
  const bytes = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) bytes.writeInt16LE(Math.round(0.3 * 0x7fff * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 2);
  return bytes;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeSpeechServer(options: FakeSpeechServerOptions = {}): Promise<FakeSpeechServer> {
  const sampleRate = options.sampleRate ?? 24000;
  const msPerChar = options.msPerChar ?? 60;
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
    const behaviour = options.behave?.(body, requests.length - 1) ?? {};
    await answer(res, record, behaviour, toneBytes(String(body["input"] ?? ""), Number(body["speed"] ?? 1), sampleRate, msPerChar));
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: ServerResponse, record: RecordedRequest, behaviour: SpeechBehaviour, audio: Buffer): Promise<void> {
  if (behaviour.delayHeadersMs) await sleep(behaviour.delayHeadersMs);
  if (res.destroyed) return;
  if (record.path !== "/v1/audio/speech") {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `Invalid URL (POST ${record.path})`, type: "invalid_request_error" } }));
    return;
  }
  if (behaviour.status !== undefined && behaviour.status >= 400) {
    const isText = typeof behaviour.errorBody === "string";
    res.writeHead(behaviour.status, { "content-type": isText ? "text/plain" : "application/json", ...behaviour.headers });
    res.end(isText ? behaviour.errorBody : JSON.stringify(behaviour.errorBody ?? {}));
    return;
  }
  res.writeHead(200, { "content-type": "audio/pcm", "transfer-encoding": "chunked", ...behaviour.headers });
  res.flushHeaders();
  if (behaviour.delayFirstByteMs) await sleep(behaviour.delayFirstByteMs);
  const chunkBytes = behaviour.chunkBytes ?? 4801;
  for (let offset = 0; offset < audio.length; offset += chunkBytes) {
    if (res.destroyed) return;
    let piece = audio.subarray(offset, offset + chunkBytes);
    const limit = behaviour.dropAfterBytes ?? behaviour.stallAfterBytes;
    if (limit !== undefined && record.bytesSent + piece.length >= limit) {
      piece = piece.subarray(0, Math.max(0, limit - record.bytesSent));
      if (piece.length > 0) res.write(piece);
      record.bytesSent += piece.length;
      if (behaviour.dropAfterBytes !== undefined) setTimeout(() => res.socket?.destroy(), 20);
      return; // a stall: never end the response
    }
    res.write(piece);
    record.bytesSent += piece.length;
    const delay = behaviour.chunkDelayMs ?? 1;
    await (delay > 0 ? sleep(delay) : new Promise((resolve) => setImmediate(resolve)));
  }
  res.end();
}
