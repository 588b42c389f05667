import type { ServerResponse } from "node:http";
import { VoxpipeError, type ChatMessage } from "@voxpipe/core";
import { badRequest, type ApiError } from "./api-error.js";
import { processCpuTurns } from "@voxpipe/core/adapter-kit";
import { audioSlices } from "./audio-turns.js";
import { ChatReplyShape, usageOf } from "./chat-chunks.js";
import { conversationOf } from "./chat-messages.js";
import { chatRequestSchema, type ChatRequest } from "./chat-request.js";
import { OPENAI_PCM_RATE, Pcm16Encoder } from "./pcm16-encoder.js";
import { parseRequest } from "./parse-request.js";
import { sendError, sendJson, sendSseError, warningHeader } from "./send.js";
import type { StreamRequest } from "./server-context.js";
import { apiErrorOf } from "./stage-error.js";
import { resolveRequestVoice, unknownVoiceError, type RequestVoice } from "./request-voice.js";
import { writeChunk } from "./write-chunk.js";

/**
 * `POST /v1/chat/completions`. With `modalities: ["text", "audio"]` the reply
 * is spoken: streamed chunks carry `choices[0].delta.audio` (transcript pieces
 * and base64 24 kHz PCM16), a non-streamed reply has `message.audio`. With
 * text only, it is the LLM's reply passed through.
 */
export async function handleChat(body: unknown, response: ServerResponse, stream: StreamRequest): Promise<void> {
  const request = parseRequest(chatRequestSchema, body, "chat.completions");
  if ((request.n ?? 1) !== 1) throw badRequest("chat.completions: n must be 1 (one reply per request)", "n");
  const messages = conversationOf(request, stream.context.config.limits.maxMessagesChars);
  const spoken = request.modalities?.includes("audio") ?? false;
  if (spoken) {
    if (!request.audio) throw badRequest('chat.completions: modalities includes "audio", so audio: { voice, format: "pcm16" } is required', "audio");
    if (request.audio.format !== "pcm16") throw badRequest(`chat.completions: audio.format "${request.audio.format}" is not supported here; use "pcm16"`, "audio.format", "unsupported_audio_format");
    const voice = resolveRequestVoice(request.audio.voice, stream.context.config.voices);
    if (voice.warning) stream.warnings.push(voice.warning);
    return spokenReply(request, messages, voice, response, stream);
  }
  return textReply(request, messages, response, stream);
}

/** An SSE writer whose headers go out with the first chunk, so a failure before any output is a plain HTTP error. */
function eventStream(response: ServerResponse, stream: StreamRequest) {
  const send = async (payload: unknown): Promise<void> => {
    if (!response.headersSent) response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", ...warningHeader(stream.warnings) });
    await writeChunk(response, `data: ${JSON.stringify(payload)}\n\n`, stream.scope.signal);
  };
  const fail = (error: ApiError): void => {
    if (response.headersSent) sendSseError(response, error);
    else sendError(response, error);
  };
  const done = (): void => {
    response.end("data: [DONE]\n\n");
  };
  return { send, fail, done };
}

async function spokenReply(request: ChatRequest, messages: ChatMessage[], voice: RequestVoice, response: ServerResponse, stream: StreamRequest): Promise<void> {
  const { context, scope } = stream;
  const shape = new ChatReplyShape(request.model);
  const encoder = new Pcm16Encoder(OPENAI_PCM_RATE);
  const streaming = request.stream === true;
  const out = eventStream(response, stream);
  const audio: Buffer[] = [];
  let transcript = "";
  let first = true;
  let firstAudio = true;
  const delta = (audioPart: Record<string, unknown>): Record<string, unknown> => {
    const value = first ? { role: "assistant", content: null, audio: { id: shape.audioId, ...audioPart } } : { audio: { id: shape.audioId, ...audioPart } };
    first = false;
    return value;
  };
  // A voice passed to the backend as it is may be one it does not have: the transcript waits for the first
  // audio, so that failure is still a plain 400 rather than an error event after the text began.
  const heldTranscript: string[] = [];
  const holding = (): boolean => voice.source === "passed" && streaming && firstAudio;
  const sendTranscript = async (text: string): Promise<void> => {
    if (holding()) heldTranscript.push(text);
    else await out.send(shape.chunk(delta({ transcript: text })));
  };
  const releaseTranscript = async (): Promise<void> => {
    for (const text of heldTranscript.splice(0)) await out.send(shape.chunk(delta({ transcript: text })));
  };
  const sendAudio = async (bytes: Buffer): Promise<void> => {
    if (bytes.length === 0) return;
    if (firstAudio) {
      firstAudio = false;
      await releaseTranscript();
      context.metrics.timeToFirstAudio.observe({ endpoint: "chat" }, (performance.now() - scope.startedAt) / 1000);
    }
    if (streaming) await out.send(shape.chunk(delta({ data: bytes.toString("base64") })));
    else audio.push(bytes);
  };
  try {
    const events = context.backends.run({ messages, ...samplingOf(request), ...(voice.voice !== undefined ? { voice: voice.voice } : {}), signal: scope.signal });
    let firstText = true;
    for await (const event of events) {
      if (event.type === "text-delta") {
        if (firstText) {
          firstText = false;
          context.metrics.timeToFirstToken.observe({ endpoint: "chat" }, (performance.now() - scope.startedAt) / 1000);
        }
        transcript += event.text;
        if (streaming) await sendTranscript(event.text);
      } else if (event.type === "audio") {
        for (const slice of audioSlices(event.pcm, event.sampleRate, event.channels)) {
          await processCpuTurns.next({ first: firstAudio, signal: scope.signal });
          await sendAudio(await encoder.push(slice, event.sampleRate, event.channels));
        }
      } else if (event.type === "error") {
        context.metrics.errors.inc({ stage: event.stage, code: event.code });
        out.fail((firstAudio && unknownVoiceError(event, voice, "chat.completions", "audio.voice")) || apiErrorOf(event));
        return;
      }
    }
    if (scope.signal.aborted) return;
    await sendAudio(encoder.flush());
    await releaseTranscript();
    if (streaming) {
      await out.send(shape.chunk({ audio: { id: shape.audioId, expires_at: shape.expiresAt } }, "stop"));
      if (request.stream_options?.include_usage) await out.send(shape.usageChunk(usageOf(0, 0)));
      out.done();
    } else {
      const data = Buffer.concat(audio).toString("base64");
      sendJson(response, 200, shape.completion({ role: "assistant", content: null, refusal: null, annotations: [], audio: { id: shape.audioId, data, transcript, expires_at: shape.expiresAt } }, usageOf(0, 0)), warningHeader(stream.warnings));
    }
  } finally {
    context.metrics.audioSeconds.inc({ endpoint: "chat" }, encoder.seconds);
    encoder.dispose();
  }
}

async function textReply(request: ChatRequest, messages: ChatMessage[], response: ServerResponse, stream: StreamRequest): Promise<void> {
  const { context, scope } = stream;
  const shape = new ChatReplyShape(request.model);
  const out = eventStream(response, stream);
  const streaming = request.stream === true;
  let text = "";
  let first = true;
  for await (const part of context.backends.llm.stream({ messages, ...samplingOf(request), signal: scope.signal })) {
    if (scope.signal.aborted) return;
    if (part.type === "text-delta") {
      if (first) context.metrics.timeToFirstToken.observe({ endpoint: "chat" }, (performance.now() - scope.startedAt) / 1000);
      text += part.text;
      if (streaming) await out.send(shape.chunk(first ? { role: "assistant", content: part.text } : { content: part.text }));
      first = false;
    } else if (part.type === "error") {
      const error = VoxpipeError.from(part.error, "llm");
      context.metrics.errors.inc({ stage: error.stage, code: error.code });
      out.fail(apiErrorOf({ type: "error", stage: error.stage, code: error.code, message: error.message, retryable: error.retryable, atMs: 0 }));
      return;
    } else if (part.type === "finish") {
      if (part.reason === "abort") return;
      const finishReason = part.reason === "length" ? "length" : "stop";
      const usage = usageOf(part.usage?.inputTokens, part.usage?.outputTokens);
      if (!streaming) {
        sendJson(response, 200, shape.completion({ role: "assistant", content: text, refusal: null, annotations: [] }, usage, finishReason), warningHeader(stream.warnings));
        return;
      }
      await out.send(shape.chunk({}, finishReason));
      if (request.stream_options?.include_usage) await out.send(shape.usageChunk(usage));
      out.done();
      return;
    }
  }
  // A stream that ended without a finish part ends as if it had finished normally.
  if (scope.signal.aborted || response.writableEnded) return;
  if (!streaming) sendJson(response, 200, shape.completion({ role: "assistant", content: text, refusal: null, annotations: [] }, usageOf(0, 0)), warningHeader(stream.warnings));
  else {
    await out.send(shape.chunk({}, "stop"));
    out.done();
  }
}

function samplingOf(request: ChatRequest): { temperature?: number; topP?: number; maxTokens?: number; seed?: number } {
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  return {
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    ...(request.top_p != null ? { topP: request.top_p } : {}),
    ...(maxTokens != null ? { maxTokens } : {}),
    ...(request.seed != null ? { seed: request.seed } : {}),
  };
}
