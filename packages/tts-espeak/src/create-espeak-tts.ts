import { AbortError, VoxpipeError, throwIfAborted, type AudioChunk, type TtsProvider, type TtsRequest, type WordTiming } from "@voxpipe/core";
import { parseAdapterOptions, processCpuTurns } from "@voxpipe/core/adapter-kit";
import { ESPEAK_SAMPLE_RATE, loadEspeakEngine, voiceNames, type EngineOutput, type EngineSettings, type EspeakEngine } from "./espeak-engine.js";
import { ESPEAK_MAX_RATE, ESPEAK_MIN_RATE, espeakTtsOptionsSchema, type EspeakTtsOptions } from "./espeak-tts-options.js";
import { escapeText } from "./escape-text.js";
import { splitForSynthesis } from "./split-text.js";
import { wordTimingsFromEvents } from "./word-timings.js";

/** What `load()` synthesizes to warm the engine up, and how many times. */
const WARM_UP_TEXT = "It was a bright cold day in April, and the clocks were striking thirteen. Could you set the timer for twelve minutes?";
const WARM_UP_PASSES = 4;

/** The eSpeak NG provider: the TTS contract plus a list of the voices it knows. */
export interface EspeakTtsProvider extends TtsProvider {
  /** Names accepted by `voice` (languages such as `en-us`, `de`); loads the engine if needed. */
  listVoices(): Promise<string[]>;
  /** Frees the engine; later requests fail with `tts-disposed`. Idempotent. */
  dispose(): Promise<void>;
}

/** Lets timers and I/O run (an abort, another request) between two engine calls. */

/** Waits for `promise`, or rejects with an AbortError as soon as `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortError("tts"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError("tts"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener("abort", onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener("abort", onAbort); reject(error); },
    );
  });
}

const disposedError = (): VoxpipeError =>
  new VoxpipeError({
    code: "tts-disposed",
    stage: "tts",
    message: "This eSpeak NG provider was disposed; create a new one with createEspeakTts() to synthesize again.",
  });

/**
 * eSpeak NG compiled to WebAssembly, in-process: no system install, no downloads.
 *
 * The engine loads lazily on the first request (about 0.2 s) and is reused.
 * eSpeak is synchronous and single-threaded, so a request is synthesized as a
 * series of short engine calls (a sentence or a few, up to about 200
 * characters); each call is atomic and sets its own voice and rate, and the
 * event loop runs between calls, so aborts land promptly and concurrent
 * requests interleave call by call without affecting each other's output:
 * every call takes a turn at the CPU (`processCpuTurns`, one per turn of the
 * event loop, a request's first call before others' later ones), so many
 * requests at once never hold the rest of the process back.
 * Each call's audio is yielded as one chunk, with the pause eSpeak would have
 * made at the cut appended, and word timings relative to the request's start.
 */
export function createEspeakTts(input: EspeakTtsOptions = {}): EspeakTtsProvider {
  const options = parseAdapterOptions("@voxpipe/tts-espeak", espeakTtsOptionsSchema, input);
  let loading: Promise<EspeakEngine> | undefined;
  let disposed = false;

  const engine = async (): Promise<EspeakEngine> => {
    if (disposed) throw disposedError();
    loading ??= loadEspeakEngine();
    try {
      return await loading;
    } catch (error) {
      loading = undefined; // let a later request try again
      throw error;
    }
  };

  const settingsFor = (request: TtsRequest): EngineSettings => {
    const speed = request.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed)) {
      throw new VoxpipeError({ code: "invalid-request", stage: "tts", message: `TTS request speed must be a positive number; got ${speed}.` });
    }
    return {
      voice: request.voice ?? options.voice,
      rate: Math.round(Math.min(ESPEAK_MAX_RATE, Math.max(ESPEAK_MIN_RATE, options.rate * speed))),
      pitch: options.pitch,
      volume: options.volume ?? 100,
    };
  };

  async function* synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
    const { signal } = request;
    throwIfAborted(signal, "tts");
    if (!request.text.trim()) return;
    const settings = settingsFor(request);
    const espeak = await untilAborted(engine(), signal);
    const pieces = splitForSynthesis(request.text);
    let offsetMs = 0;
    for (const [index, piece] of pieces.entries()) {
      // Every call takes its turn at the CPU; a request's first one goes before other requests' later ones.
      await processCpuTurns.next({ first: index === 0, ...(signal ? { signal } : {}) });
      throwIfAborted(signal, "tts");
      if (disposed) throw disposedError();
      const escaped = escapeText(piece.text);
      let output: EngineOutput;
      try {
        output = espeak.synthesize(escaped.text, settings);
      } catch (error) {
        throw VoxpipeError.from(error, "tts", "tts-failed");
      }
      const speechMs = (output.pcm.length / ESPEAK_SAMPLE_RATE) * 1000;
      const pauseMs = piece.pauseAfter === "none" ? 0 : espeak.pauses(settings)[piece.pauseAfter];
      const pauseFrames = Math.round((pauseMs / 1000) * ESPEAK_SAMPLE_RATE);
      let pcm = output.pcm;
      if (pauseFrames > 0) {
        pcm = new Float32Array(output.pcm.length + pauseFrames);
        pcm.set(output.pcm);
      }
      const chunk: AudioChunk = { pcm, sampleRate: ESPEAK_SAMPLE_RATE, channels: 1 };
      if (options.wordTimings) {
        const words: WordTiming[] = wordTimingsFromEvents(output.events, piece.text, escaped, speechMs).map((word) => ({
          text: word.text,
          startMs: word.startMs + offsetMs,
          endMs: word.endMs + offsetMs,
        }));
        if (words.length > 0) chunk.words = words;
      }
      offsetMs += (pcm.length / ESPEAK_SAMPLE_RATE) * 1000;
      if (pcm.length > 0) yield chunk;
    }
  }

  return {
    id: "espeak",
    voice: options.voice,
    format: { sampleRate: ESPEAK_SAMPLE_RATE, channels: 1 },
    streaming: "fragments",
    // eSpeak NG reads [[…]] in its input as phoneme mnemonics (lexicon entries with `phonemes`).
    normalization: { phonemes: "espeak" },
    synthesize,
    async load() {
      // Loads the engine, measures the configured voice's pauses and warms the synthesizer up, so the
      // first segment pays for none of it. V8 compiles WebAssembly with a quick baseline compiler first
      // and optimizes hot functions later: without this warm-up the first replies' first audio took
      // 100–200 ms instead of under 10 ms (measured on a 2-core Xeon); four passes over two sentences
      // (about 0.3 s, once) bring it down to the warm figure.
      const espeak = await engine();
      const settings = settingsFor({ text: "" });
      espeak.pauses(settings);
      for (let pass = 0; pass < WARM_UP_PASSES; pass++) espeak.synthesize(WARM_UP_TEXT, settings);
    },
    async listVoices() {
      return voiceNames((await engine()).voices());
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      const pending = loading;
      loading = undefined;
      if (!pending) return;
      try {
        (await pending).dispose();
      } catch {
        // a failed load left nothing to free
      }
    },
  };
}
