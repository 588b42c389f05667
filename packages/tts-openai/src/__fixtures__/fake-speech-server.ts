// A local stand-in for OpenAI's `POST /v1/audio/speech` with `response_format: "pcm"`:
// raw 24 kHz 16-bit LE mono, sent as a chunked binary body. Shapes: see README.md here.
import type { ServerResponse } from "node:http";
import { splitBytes, startRecordingServer, tonePcm16, waitBeforeHeaders, writeAudioBody, writeErrorBody, type AudioServerFaults, type RecordedRequest } from "@voxpipe/core/testing";

export type { RecordedRequest } from "@voxpipe/core/testing";

/** How the server answers one request; every field is a fault to inject. */
export interface SpeechBehaviour extends AudioServerFaults {
  /** Extra response headers (e.g. `retry-after`). */
  headers?: Record<string, string>;
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

export async function startFakeSpeechServer(options: FakeSpeechServerOptions = {}): Promise<FakeSpeechServer> {
  const sampleRate = options.sampleRate ?? 24000;
  const msPerChar = options.msPerChar ?? 60;
  const server = await startRecordingServer(async (res, record, index) => {
    const behaviour = options.behave?.(record.body, index) ?? {};
    // A 440 Hz tone, as long as the input asks for.
    await answer(res, record, behaviour, tonePcm16(String(record.body["input"] ?? ""), Number(record.body["speed"] ?? 1), sampleRate, msPerChar, 440));
  });
  return { baseURL: `${server.url}/v1`, requests: server.requests, close: server.close };
}

async function answer(res: ServerResponse, record: RecordedRequest, behaviour: SpeechBehaviour, audio: Buffer): Promise<void> {
  if (!(await waitBeforeHeaders(res, behaviour))) return;
  if (record.path !== "/v1/audio/speech") {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `Invalid URL (POST ${record.path})`, type: "invalid_request_error" } }));
    return;
  }
  if (behaviour.status !== undefined && behaviour.status >= 400) return writeErrorBody(res, behaviour.status, behaviour.errorBody, behaviour.headers);
  res.writeHead(200, { "content-type": "audio/pcm", "transfer-encoding": "chunked", ...behaviour.headers });
  res.flushHeaders();
  await writeAudioBody(res, record, splitBytes(audio, behaviour.chunkBytes ?? 4801), behaviour);
}
