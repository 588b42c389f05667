import OpenAI from "openai";
import { AbortError, ConfigError, VoxpipeError, throwIfAborted } from "@voxpipe/core";
import { adapterRedactor, aliasWarningsOf, DeadlineWatchdog, httpAttempt, InFlightRequests, Pcm16StreamDecoder, readWithStallDeadline, type ByteStreamDeadline, type HttpAttempt, parseAdapterOptions } from "@voxpipe/core/adapter-kit";
import type { AdapterContext, AudioChunk, TtsProvider, TtsRequest } from "@voxpipe/core";
import { withNormalizedErrorBodies } from "./normalize-error-body.js";
import { toTtsError } from "./openai-tts-errors.js";
import { OPENAI_DEFAULT_BASE_URL, openAiTtsOptionsSchema, type OpenAiTtsOptionsInput } from "./openai-tts-options.js";
import { splitInput } from "./split-input.js";

/** Where the factory reads the environment and reports progress; both optional outside a config. */
export type OpenAiTtsContext = Partial<Pick<AdapterContext, "env" | "log">>;

/** Sent as the bearer token to servers that need no key, because the SDK insists on one. */
const NO_KEY = "no-key";

/**
 * Creates a TTS provider that speaks through OpenAI's `/audio/speech` endpoint
 * (or a compatible server) and streams its raw `pcm` output as it arrives.
 * Reads OPENAI_API_KEY / OPENAI_BASE_URL from `context.env` only.
 */
export function createOpenAiTts(input: OpenAiTtsOptionsInput = {}, context: OpenAiTtsContext = {}): TtsProvider {
  const options = parseAdapterOptions("@voxpipe/tts-openai", openAiTtsOptionsSchema, input);
  const env = context.env ?? {};
  const log = context.log ?? (() => {});
  // `input` is already validated when the adapter is created from a config.
  for (const warning of aliasWarningsOf(input, options)) log("warn", warning);
  const baseURL = (options.baseURL ?? env["OPENAI_BASE_URL"] ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, "");
  const apiKey = options.apiKey ?? env["OPENAI_API_KEY"];
  // Knows the key (from the options or OPENAI_API_KEY), every header value and any credentials in the URL.
  const redactor = adapterRedactor(openAiTtsOptionsSchema, { ...options, baseURL, apiKey });
  const url = redactor.redact(`${baseURL}/audio/speech`);
  if (!URL.canParse(baseURL) || !/^https?:$/.test(new URL(baseURL).protocol)) {
    throw new ConfigError(`tts-openai: OPENAI_BASE_URL is not a URL: \`${redactor.redact(baseURL)}\`. Set it (or the \`baseURL\` option) to e.g. http://127.0.0.1:8880/v1.`, ["OPENAI_BASE_URL"]);
  }
  if (!apiKey && new URL(baseURL).hostname === "api.openai.com") {
    throw new VoxpipeError({
      code: "tts-auth",
      stage: "tts",
      message: `tts-openai: no API key for ${redactor.redact(baseURL)}. Set \`apiKey\` in the tts options or the OPENAI_API_KEY environment variable (or point \`baseURL\` at a server that needs none).`,
    });
  }
  const format = { sampleRate: options.sampleRate, channels: 1 };
  const inFlight = new InFlightRequests();
  let client: OpenAI | undefined;

  const getClient = (): OpenAI => {
    client ??= new OpenAI({
      apiKey: apiKey ?? NO_KEY,
      baseURL,
      organization: null,
      project: null,
      webhookSecret: null,
      maxRetries: 0,
      // Our watchdog owns timing; the SDK's timeout (which only covers the headers) is a backstop.
      timeout: options.firstAudioTimeoutMs * 2,
      defaultHeaders: options.headers,
      fetch: withNormalizedErrorBodies(globalThis.fetch),
      logLevel: "off",
    });
    return client;
  };

  async function* speak(text: string, request: TtsRequest): AsyncGenerator<AudioChunk> {
    throwIfAborted(request.signal, "tts");
    const progress = { bytesReceived: 0 };
    const fail = (error: unknown, attempt: HttpAttempt<DeadlineWatchdog<ByteStreamDeadline>>): VoxpipeError =>
      toTtsError(error, {
        url,
        redactor,
        voice: request.voice ?? options.voice,
        aborted: attempt.aborted(),
        deadline: attempt.watchdog.fired,
        firstAudioTimeoutMs: options.firstAudioTimeoutMs,
        idleTimeoutMs: options.idleTimeoutMs,
        bytesReceived: progress.bytesReceived,
      });
    yield* httpAttempt(
      { requests: inFlight, signal: request.signal, watchdog: (controller) => new DeadlineWatchdog<ByteStreamDeadline>(controller) },
      (attempt) => readSpeech(text, request, attempt, progress, (error) => fail(error, attempt)),
      (error, attempt) => {
        throw fail(error, attempt);
      },
    );
  }

  /** One `/audio/speech` request, its PCM body decoded as it arrives. */
  async function* readSpeech(
    text: string,
    request: TtsRequest,
    { controller, watchdog }: HttpAttempt<DeadlineWatchdog<ByteStreamDeadline>>,
    progress: { bytesReceived: number },
    fail: (error: unknown) => VoxpipeError,
  ): AsyncGenerator<AudioChunk> {
    const speed = Math.min(4, Math.max(0.25, options.speed * (request.speed ?? 1)));
    const voice = request.voice ?? options.voice;
    log("debug", `tts-openai: ${url} model=${options.model} voice=${voice} speed=${speed} chars=${text.length}`);
    watchdog.arm("first-byte", options.firstAudioTimeoutMs);
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    try {
      const response = await getClient().audio.speech.create(
        {
          model: options.model,
          voice,
          input: text,
          response_format: "pcm",
          speed,
          ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
        },
        { signal: controller.signal },
      );
      reader = response.body?.getReader();
      checkDeclaredRate(response.headers.get("content-type"), options.sampleRate, url);
      if (!reader) return;
      const decoder = new Pcm16StreamDecoder();
      for await (const bytes of readWithStallDeadline(reader, { watchdog, stallMs: options.idleTimeoutMs, signal: request.signal, fail })) {
        progress.bytesReceived += bytes.byteLength;
        const pcm = decoder.push(bytes);
        if (pcm.length > 0) yield { pcm, ...format };
      }
      if (decoder.pendingBytes > 0) log("warn", `tts-openai: ${url} sent an odd number of PCM bytes; dropped the last byte.`);
    } finally {
      if (reader) {
        // Ends the connection when the consumer stopped early or a failure left the body unread.
        controller.abort();
        await reader.cancel().catch(() => {});
      }
    }
  }

  return {
    id: "openai",
    voice: options.voice,
    format,
    streaming: "fragments",
    async *synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
      if (!request.text.trim()) return;
      if (request.signal?.aborted) throw new AbortError("tts", `Speech request to ${url} was aborted before it started.`);
      for (const piece of splitInput(request.text, options.maxInputChars)) yield* speak(piece, request);
    },
    async dispose(): Promise<void> {
      inFlight.abortAll();
      client = undefined;
    },
  };
}

/**
 * Some compatible servers name the rate in the content type (openedai-speech:
 * `audio/pcm;rate=22050` for its Piper voices). When they do, it must match
 * the declared format. A compressed or JSON content type means the server
 * ignored `response_format: "pcm"`; decoding it as PCM would play noise.
 */
function checkDeclaredRate(contentType: string | null, declared: number, url: string): void {
  if (/mpeg|mp3|ogg|opus|aac|flac|json|html/i.test(contentType ?? "")) {
    throw new VoxpipeError({
      code: "tts-bad-response",
      stage: "tts",
      message: `The speech server at ${url} answered \`${contentType}\` instead of raw PCM: it may not support \`response_format: "pcm"\`. Use a server that does (OpenAI, Kokoro-FastAPI, openedai-speech).`,
    });
  }
  const rate = /rate=(\d+)/i.exec(contentType ?? "")?.[1];
  if (rate === undefined || Number(rate) === declared) return;
  throw new VoxpipeError({
    code: "tts-format-mismatch",
    stage: "tts",
    message: `The speech server at ${url} sends ${rate} Hz PCM (content-type \`${contentType}\`), but the adapter declares ${declared} Hz (option \`sampleRate\`). Set \`sampleRate: ${rate}\` in the tts options.`,
  });
}
