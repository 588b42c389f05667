import { basename } from "node:path";
import { AbortError, throwIfAborted, type VoxpipeError } from "@voxpipe/core";
import { adapterRedactor, aliasWarningsOf, DeadlineWatchdog, httpAttempt, InFlightRequests, Pcm16StreamDecoder, readWithStallDeadline, type ByteStreamDeadline, type HttpAttempt, parseAdapterOptions } from "@voxpipe/core/adapter-kit";
import type { AdapterContext, AudioChunk, TtsProvider, TtsRequest } from "@voxpipe/core";
import { statusError, toTtsError } from "./gpt-sovits-errors.js";
import { gptSovitsOptionsSchema, ttsRequestBody, type GptSovitsOptionsInput } from "./gpt-sovits-options.js";
import { WavStreamParser } from "./wav-stream-parser.js";

/** Where the factory reports progress; optional outside a config. */
export type GptSovitsContext = Partial<Pick<AdapterContext, "log">>;

/**
 * Creates a TTS provider that speaks through a GPT-SoVITS `api_v2` server
 * (`POST /tts`), reading the audio as it arrives. The declared format is the
 * `sampleRate` option; with `mediaType: wav` the server's header is checked
 * against it.
 */
export function createGptSovitsTts(input: GptSovitsOptionsInput, context: GptSovitsContext = {}): TtsProvider {
  const options = parseAdapterOptions("@voxpipe/tts-gpt-sovits", gptSovitsOptionsSchema, input);
  const log = context.log ?? (() => {});
  // `input` is already validated when the adapter is created from a config.
  for (const warning of aliasWarningsOf(input, options)) log("warn", warning);
  const endpoint = `${options.baseURL.replace(/\/+$/, "")}/tts`;
  // Knows any credentials in the URL (user info, secret query parameters).
  const redactor = adapterRedactor(gptSovitsOptionsSchema, options);
  const url = redactor.redact(endpoint);
  const format = { sampleRate: options.sampleRate, channels: 1 };
  const streaming = options.streamingMode === false || options.streamingMode === 0 ? "whole" : "fragments";
  const inFlight = new InFlightRequests();

  async function* fetchAudio(text: string, request: TtsRequest): AsyncGenerator<Float32Array> {
    throwIfAborted(request.signal, "tts");
    const progress = { responded: false, bytesReceived: 0 };
    const fail = (error: unknown, attempt: HttpAttempt<DeadlineWatchdog<ByteStreamDeadline>>): VoxpipeError =>
      toTtsError(error, {
        url,
        redactor,
        aborted: attempt.aborted(),
        deadline: attempt.watchdog.fired,
        firstAudioTimeoutMs: options.firstAudioTimeoutMs,
        idleTimeoutMs: options.idleTimeoutMs,
        responded: progress.responded,
        bytesReceived: progress.bytesReceived,
      });
    yield* httpAttempt(
      { requests: inFlight, signal: request.signal, watchdog: (controller) => new DeadlineWatchdog<ByteStreamDeadline>(controller) },
      (attempt) => readAudio(text, request, attempt, progress, (error) => fail(error, attempt)),
      (error, attempt) => {
        throw fail(error, attempt);
      },
    );
  }

  /** One `POST /tts`, its WAV or raw PCM body decoded as it arrives. */
  async function* readAudio(
    text: string,
    request: TtsRequest,
    { controller, watchdog }: HttpAttempt<DeadlineWatchdog<ByteStreamDeadline>>,
    progress: { responded: boolean; bytesReceived: number },
    fail: (error: unknown) => VoxpipeError,
  ): AsyncGenerator<Float32Array> {
    const body = ttsRequestBody(options, text, request.speed ?? 1);
    log("debug", `tts-gpt-sovits: POST ${url} text_lang=${options.textLang} chars=${text.length} streaming_mode=${String(options.streamingMode)}`);
    watchdog.arm("first-byte", options.firstAudioTimeoutMs);
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "audio/*, application/json" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      progress.responded = true;
      if (!response.ok) throw statusError(response.status, await response.text(), url, redactor, response.headers);
      if (!response.body) return;
      reader = response.body.getReader();
      const decode =
        options.mediaType === "wav"
          ? new WavStreamParser({ url, expectedSampleRate: options.sampleRate })
          : new Pcm16StreamDecoder();
      for await (const bytes of readWithStallDeadline(reader, { watchdog, stallMs: options.idleTimeoutMs, signal: request.signal, fail })) {
        progress.bytesReceived += bytes.byteLength;
        const pcm = decode.push(bytes);
        if (pcm.length > 0) yield pcm;
      }
      if (decode instanceof WavStreamParser && progress.bytesReceived > 0 && !decode.format) {
        throw fail(new Error(`the body ended inside the WAV header (${progress.bytesReceived} bytes)`));
      }
    } finally {
      if (reader) {
        // Ends the connection when the consumer stopped early or a failure left the body unread.
        controller.abort();
        await reader.cancel().catch(() => {});
      }
    }
  }

  return {
    id: "gpt-sovits",
    voice: basename(options.refAudioPath),
    format,
    streaming,
    async *synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
      const text = request.text.trim();
      if (!text) return;
      if (request.signal?.aborted) throw new AbortError("tts", `GPT-SoVITS request to ${url} was aborted before it started.`);
      if (streaming === "fragments") {
        for await (const pcm of fetchAudio(text, request)) yield { pcm, ...format };
        return;
      }
      const parts: Float32Array[] = [];
      for await (const pcm of fetchAudio(text, request)) parts.push(pcm);
      const pcm = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
      let at = 0;
      for (const part of parts) {
        pcm.set(part, at);
        at += part.length;
      }
      if (pcm.length > 0) yield { pcm, ...format };
    },
    async dispose(): Promise<void> {
      inFlight.abortAll();
    },
  };
}
