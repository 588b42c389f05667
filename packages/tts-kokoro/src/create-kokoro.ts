import { basename } from "node:path";
import {
  VoxpipeError,
  defaultAdapterContext,
  throwIfAborted,
  type AdapterContext,
  type AudioChunk,
  type TtsProvider,
  type TtsRequest,
} from "@voxpipe/core";
import { parseAdapterOptions, raceAbort } from "@voxpipe/core/adapter-kit";
import { loadEspeakPhonemizer } from "@voxpipe/espeak-phonemizer";
import { kokoroOptionsSchema, type KokoroOptions } from "./kokoro-options.js";
import { KokoroModel } from "./kokoro-model.js";
import { MAX_TOKENS, phonemesToIds } from "./kokoro-vocab.js";
import { defaultCacheDir, resolveModelSource } from "./model-source.js";
import { normalizeText } from "./normalize-text.js";
import { phonemizeText, splitSentences, type KokoroLang } from "./phonemize.js";
import { splitTokens } from "./split-tokens.js";
import { VoiceBank } from "./voice-bank.js";
import { styleFor } from "./voice-style.js";

/** Kokoro v1.0 speaks at 24 kHz. */
export const KOKORO_SAMPLE_RATE = 24000;

/** What `load()` speaks (and discards) to warm the phonemizer and the onnxruntime session, and how many times. */
const WARM_UP_TEXT = "The quick brown fox jumps over the lazy dog, and then it rests.";
const WARM_UP_PASSES = 2;

/** The Kokoro provider: a TtsProvider plus what tests, benchmarks and tools want to see. */
export interface KokoroTtsProvider extends TtsProvider {
  readonly streaming: "fragments";
  /** The English variant of the configured voice's phonemes. */
  readonly lang: KokoroLang;
  /** Text → the phonemes of each inference run `synthesize` makes (one per sentence, split further to fit 510 tokens). */
  phonemize(text: string): Promise<string[]>;
  /** Phonemes → Kokoro ids (pads not included; unknown symbols dropped). */
  tokenize(phonemes: string): number[];
  /** onnxruntime sessions created so far: 1 however many requests ran (0 before the first). */
  readonly sessionsCreated: number;
  /** Downloads what is missing, starts the inference worker and the session, and warms them up with one sentence spoken twice. */
  load(): Promise<void>;
  /** Stops the inference worker and frees the session (after a run in flight ends). Idempotent; a later request loads again. */
  dispose(): Promise<void>;
}

/** A run with something to say: not only punctuation and spaces (such as a sentence that was just "…"). */
const hasSounds = (phonemes: string): boolean => /[^\s;:,.!?—…"()“”]/u.test(phonemes);

/** The variant a voice name implies: `b…` voices are British, others American (Kokoro's naming: af_, am_, bf_, bm_). */
const langOfVoice = (name: string): KokoroLang => (/^b[fm]_/i.test(basename(name.trim())) ? "en-gb" : "en-us");

/**
 * Creates a Kokoro voice. Resolves the model and the voice now, so a missing
 * file is reported before anything runs (every place looked is named); the
 * model is downloaded and loaded on the first request or in `load()`, and
 * reused after that.
 */
export async function createKokoroTts(input: KokoroOptions = {}, context: AdapterContext = defaultAdapterContext()): Promise<KokoroTtsProvider> {
  const options = parseAdapterOptions("@voxpipe/tts-kokoro", kokoroOptionsSchema, input);
  const cacheDir = defaultCacheDir(context.env, context.configDir, options.cacheDir);
  const modelSource = resolveModelSource(options.model, context, cacheDir);
  const voices = new VoiceBank({ voicesDir: options.voicesDir, model: modelSource, cacheDir, context });
  const defaultVoice = voices.resolve(options.voice);
  // Local voice files are read now, so a damaged one fails here rather than on the first reply.
  if (defaultVoice.parts.every((part) => part.source.kind === "file")) await voices.styles(options.voice);
  const lang = options.lang ?? langOfVoice(defaultVoice.parts[0]?.name ?? "");
  const model = new KokoroModel({ source: modelSource, executionProviders: options.executionProviders, threads: options.threads, log: context.log, progress: context.progress });

  const langFor = (voice: string): KokoroLang => options.lang ?? langOfVoice(voice.split(",")[0] ?? "");
  const phonemizeRuns = async (text: string, voiceLang: KokoroLang): Promise<string[]> => {
    const espeak = await loadEspeakPhonemizer();
    return splitSentences(normalizeText(text)).flatMap((sentence) => splitTokens(phonemizeText(sentence, voiceLang, espeak), MAX_TOKENS).filter(hasSounds));
  };

  async function* synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
    const signal = request.signal;
    try {
      throwIfAborted(signal, "tts");
      if (!request.text.trim()) return;
      const speed = options.speed * (request.speed ?? 1);
      if (!(speed > 0) || !Number.isFinite(speed)) {
        throw new VoxpipeError({ code: "invalid-request", stage: "tts", message: `kokoro: speed must be a positive number, got ${request.speed}.` });
      }
      const voice = request.voice ?? options.voice;
      const voiceLang = voice === options.voice ? lang : langFor(voice);
      const [espeak, styles] = await raceAbort(Promise.all([loadEspeakPhonemizer(), voices.styles(voice)]), signal);
      // Sentences are phonemized one at a time, just ahead of their run: eSpeak is synchronous,
      // so phonemizing the whole text first would hold the first chunk back.
      const sentences = splitSentences(normalizeText(request.text));
      let nextSentence = 0;
      let queued: string[] = [];
      /** Ids of the next run worth speaking, or undefined at the end. */
      const nextRun = (): number[] | undefined => {
        while (queued.length === 0 && nextSentence < sentences.length) {
          queued = splitTokens(phonemizeText(sentences[nextSentence++] ?? "", voiceLang, espeak), MAX_TOKENS).filter(hasSounds);
        }
        const phonemes = queued.shift();
        return phonemes === undefined ? undefined : phonemesToIds(phonemes);
      };
      let ids = nextRun();
      if (!ids) return;
      await model.load(signal);
      while (ids) {
        throwIfAborted(signal, "tts");
        // The inputs are in the worker once run() returns; the next run is phonemized meanwhile.
        const inference = model.run(ids, styleFor(styles, ids.length), speed, signal);
        let following: number[] | undefined;
        try {
          following = nextRun();
        } catch (error) {
          inference.catch(() => undefined);
          throw error;
        }
        const pcm = await inference;
        throwIfAborted(signal, "tts");
        yield { pcm, sampleRate: KOKORO_SAMPLE_RATE, channels: 1 };
        ids = following;
      }
    } catch (error) {
      throw VoxpipeError.from(error, "tts", "tts-failed");
    }
  }

  return {
    id: "kokoro",
    voice: options.voice,
    format: { sampleRate: KOKORO_SAMPLE_RATE, channels: 1 },
    streaming: "fragments",
    lang,
    synthesize,
    phonemize: (text) => phonemizeRuns(text, lang),
    tokenize: phonemesToIds,
    get sessionsCreated() {
      return model.sessionsCreated;
    },
    async load() {
      await Promise.all([model.load(), loadEspeakPhonemizer(), voices.styles(options.voice)]);
      // The first runs of a session allocate and tune; speaking a sentence twice here keeps that off the first reply.
      for (let pass = 0; pass < WARM_UP_PASSES; pass++) for await (const _chunk of synthesize({ text: WARM_UP_TEXT })) void _chunk;
    },
    dispose: () => model.dispose(),
  };
}

/** @deprecated Renamed {@link createKokoroTts}; this alias goes in the next release. */
export const createKokoro = createKokoroTts;
