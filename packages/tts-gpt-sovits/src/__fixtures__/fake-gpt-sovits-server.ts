// A local stand-in for GPT-SoVITS `api_v2.py`'s `POST /tts`. Shapes (see README.md here):
// streaming + wav: a 44-byte header from Python's `wave` with sizes 0, alone in the first chunk,
// then raw PCM16 chunks; raw: PCM16 only; non-streaming wav: one complete WAV; errors: HTTP 400
// `{ "message" }` or `{ "message": "tts failed", "Exception": "…" }`.
import type { ServerResponse } from "node:http";
import { splitBytes, startRecordingServer, tonePcm16, waitBeforeHeaders, writeAudioBody, writeErrorBody, type AudioServerFaults, type RecordedRequest } from "@voxpipe/core/testing";

export type { RecordedRequest } from "@voxpipe/core/testing";

/** How the server answers one request; every field is a fault to inject (`dropAfterBytes` and `stallAfterBytes` count the WAV header). */
export interface GptSovitsBehaviour extends AudioServerFaults {
  /** Send the streaming WAV header in two writes, split at this byte. */
  splitHeaderAt?: number;
  /** Extra headers on an error answer (e.g. `retry-after`). */
  headers?: Record<string, string>;
}

export interface FakeGptSovitsServer {
  /** e.g. `http://127.0.0.1:41234` */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface FakeGptSovitsServerOptions {
  behave?: (body: Record<string, unknown>, index: number) => GptSovitsBehaviour;
  /** The "loaded model's" rate: 32000 like v2 models. */
  sampleRate?: number;
  /** Audio per character of text at speed_factor 1. */
  msPerChar?: number;
}

// The checks api_v2.py's check_params() makes, with its messages.
const LANGUAGES = ["auto", "auto_yue", "en", "zh", "ja", "yue", "ko", "all_zh", "all_ja", "all_yue", "all_ko"];
const CUT_METHODS = ["cut0", "cut1", "cut2", "cut3", "cut4", "cut5"];
function checkParams(body: Record<string, unknown>): string | undefined {
  const empty = (key: string): boolean => body[key] === undefined || body[key] === null || body[key] === "";
  if (empty("ref_audio_path")) return "ref_audio_path is required";
  if (empty("text")) return "text is required";
  if (empty("text_lang")) return "text_lang is required";
  if (!LANGUAGES.includes(String(body["text_lang"]).toLowerCase())) return `text_lang: ${String(body["text_lang"])} is not supported in version v2`;
  if (empty("prompt_lang")) return "prompt_lang is required";
  if (!LANGUAGES.includes(String(body["prompt_lang"]).toLowerCase())) return `prompt_lang: ${String(body["prompt_lang"])} is not supported in version v2`;
  const mediaType = body["media_type"] ?? "wav";
  if (!["wav", "raw", "ogg", "aac"].includes(String(mediaType))) return `media_type: ${String(mediaType)} is not supported`;
  if (!CUT_METHODS.includes(String(body["text_split_method"] ?? "cut5"))) return `text_split_method:${String(body["text_split_method"])} is not supported`;
  if (![undefined, true, false, 0, 1, 2, 3].includes(body["streaming_mode"] as never)) return "the value of streaming_mode must be 0, 1, 2, 3(int) or true/false(bool)";
  return undefined;
}

/** A 44-byte PCM16 mono WAV header; `dataBytes` 0 is what Python's `wave` writes before any frames. */
export function wavHeader(sampleRate: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

export async function startFakeGptSovitsServer(options: FakeGptSovitsServerOptions = {}): Promise<FakeGptSovitsServer> {
  const sampleRate = options.sampleRate ?? 32000;
  const msPerChar = options.msPerChar ?? 60;
  const server = await startRecordingServer(async (res, record, index) => {
    const behaviour = options.behave?.(record.body, index) ?? {};
    await answer(res, record, behaviour, sampleRate, msPerChar);
  });
  return { baseURL: server.url, requests: server.requests, close: server.close };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function answer(res: ServerResponse, record: RecordedRequest, behaviour: GptSovitsBehaviour, sampleRate: number, msPerChar: number): Promise<void> {
  if (!(await waitBeforeHeaders(res, behaviour))) return;
  if (record.method !== "POST" || record.path !== "/tts") return json(res, 404, { detail: "Not Found" });
  if (behaviour.status !== undefined) return writeErrorBody(res, behaviour.status, behaviour.errorBody, behaviour.headers);
  const invalid = checkParams(record.body);
  if (invalid) return json(res, 400, { message: invalid });
  const { body } = record;
  const mediaType = String(body["media_type"] ?? "wav");
  const streaming = body["streaming_mode"] !== undefined && body["streaming_mode"] !== false && body["streaming_mode"] !== 0;
  // A 330 Hz tone, as long as the text asks for.
  const audio = tonePcm16(String(body["text"]), Number(body["speed_factor"] ?? 1), sampleRate, msPerChar, 330);
  const pieces: Buffer[] = [];
  if (streaming) {
    if (mediaType === "wav") {
      const header = wavHeader(sampleRate, 0);
      const at = behaviour.splitHeaderAt;
      pieces.push(...(at === undefined ? [header] : [header.subarray(0, at), header.subarray(at)]));
    }
    pieces.push(...splitBytes(audio, behaviour.chunkBytes ?? 6401));
  } else {
    pieces.push(mediaType === "wav" ? Buffer.concat([wavHeader(sampleRate, audio.length), audio]) : audio);
  }
  // uvicorn sends a streaming body chunked and a whole one with its length.
  const length = streaming ? { "transfer-encoding": "chunked" } : { "content-length": String(pieces[0]?.length ?? 0) };
  res.writeHead(200, { "content-type": `audio/${mediaType}`, ...length });
  res.flushHeaders();
  await writeAudioBody(res, record, pieces, behaviour);
}
