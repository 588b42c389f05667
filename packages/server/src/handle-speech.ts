import type { ServerResponse } from "node:http";
import { badRequest } from "./api-error.js";
import { processCpuTurns } from "@voxpipe/core/adapter-kit";
import { audioSlices } from "./audio-turns.js";
import { fixedTextLlm } from "./fixed-text-llm.js";
import { OPENAI_PCM_RATE, Pcm16Encoder } from "./pcm16-encoder.js";
import { parseRequest } from "./parse-request.js";
import type { StreamRequest } from "./server-context.js";
import { speechFormats, speechRequestSchema } from "./speech-request.js";
import { apiErrorOf } from "./stage-error.js";
import { resolveRequestVoice, unknownVoiceError } from "./request-voice.js";
import { wavHeader } from "@voxpipe/core";
import { writeChunk } from "./write-chunk.js";
import { sendError, sendSseError, warningHeader } from "./send.js";

/**
 * `POST /v1/audio/speech`: the input goes through the segmenter and bounded
 * parallel TTS; the status and headers go out with the first segment's audio,
 * so a failure before it is an ordinary HTTP error, and one after it ends the
 * stream (an SSE error event, or a truncated body).
 */
export async function handleSpeech(body: unknown, response: ServerResponse, { context, scope, warnings }: StreamRequest): Promise<void> {
  const request = parseRequest(speechRequestSchema, body, "audio.speech");
  const format = request.response_format;
  if (!(speechFormats as readonly string[]).includes(format)) {
    throw badRequest(`audio.speech: response_format "${format}" is not supported here; use ${speechFormats.map((f) => `"${f}"`).join(" or ")}`, "response_format", "unsupported_response_format");
  }
  const input = request.input;
  if (input.trim().length === 0) throw badRequest("audio.speech: input is empty; give the text to speak", "input");
  const limit = context.config.limits.maxInputChars;
  if ([...input].length > limit) throw badRequest(`audio.speech: input is ${[...input].length} characters, more than the ${limit} allowed (server.limits.maxInputChars); split the text`, "input", "input_too_long");
  const voice = resolveRequestVoice(request.voice, context.config.voices);
  if (voice.warning) warnings.push(voice.warning);
  if (request.instructions) warnings.push("instructions are ignored");
  const nativeRate = context.backends.tts.format.sampleRate;
  const encoder = new Pcm16Encoder(request.sample_rate === "native" ? nativeRate : OPENAI_PCM_RATE);
  const sse = request.stream_format === "sse";
  const { metrics } = context;
  let started = false;
  const start = (): void => {
    started = true;
    metrics.timeToFirstAudio.observe({ endpoint: "speech" }, (performance.now() - scope.startedAt) / 1000);
    response.writeHead(200, {
      "content-type": sse ? "text/event-stream" : format === "wav" ? "audio/wav" : "audio/pcm",
      "cache-control": "no-store",
      ...(sse ? {} : { "x-sample-rate": String(encoder.outputRate) }),
      ...warningHeader(warnings),
    });
    if (!sse && format === "wav") response.write(wavHeader({ sampleRate: encoder.outputRate, channels: 1 })); // sizes 0xFFFFFFFF: "until the end of the stream", as OpenAI streams WAV
  };
  const send = async (bytes: Buffer): Promise<void> => {
    if (bytes.length === 0) return;
    if (!started) start();
    if (sse) await writeChunk(response, `data: ${JSON.stringify({ type: "speech.audio.delta", audio: bytes.toString("base64") })}\n\n`, scope.signal);
    else await writeChunk(response, bytes, scope.signal);
  };
  try {
    const events = context.backends.run({ llm: fixedTextLlm(input), text: input, speed: request.speed, ...(voice.voice !== undefined ? { voice: voice.voice } : {}), signal: scope.signal });
    for await (const event of events) {
      if (event.type === "audio") {
        for (const slice of audioSlices(event.pcm, event.sampleRate, event.channels)) {
          await processCpuTurns.next({ first: !started, signal: scope.signal });
          await send(await encoder.push(slice, event.sampleRate, event.channels));
        }
      }
      else if (event.type === "error") {
        const error = apiErrorOf(event);
        metrics.errors.inc({ stage: event.stage, code: event.code });
        if (!started) {
          sendError(response, unknownVoiceError(event, voice, "audio.speech", "voice") ?? error);
          return;
        }
        if (sse) sendSseError(response, error);
        else response.destroy();
        return;
      }
    }
    if (scope.signal.aborted) return;
    await send(encoder.flush());
    if (!started) start();
    if (sse) {
      const chars = [...input].length;
      response.write(`data: ${JSON.stringify({ type: "speech.audio.done", usage: { input_tokens: chars, output_tokens: 0, total_tokens: chars } })}\n\n`);
    }
    response.end();
  } finally {
    metrics.audioSeconds.inc({ endpoint: "speech" }, encoder.seconds);
    encoder.dispose();
  }
}

