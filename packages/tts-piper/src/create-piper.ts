import { basename } from "node:path";
import {
  ConfigError,
  VoxpipeError,
  defaultAdapterContext,
  throwIfAborted,
  type AdapterContext,
  type AudioChunk,
  type TtsProvider,
  type TtsRequest,
  voiceNotFoundError,
} from "@voxpipe/core";
import { downloadFile, parseAdapterOptions, raceAbort } from "@voxpipe/core/adapter-kit";
import { loadEspeakEngine } from "./piper-espeak.js";
import { defaultCacheDir, resolveConfigSource, resolveModelSource } from "./model-source.js";
import { describePhoneme, phonemesToIds } from "./phoneme-ids.js";
import { phonemizeSentence, phonemizeSentences, splitSentences, type SentencePhonemes } from "./phonemize.js";
import { piperOptionsSchema, type PiperOptions } from "./piper-options.js";
import { PiperModel } from "./piper-model.js";
import { resolveSpeaker } from "./speaker.js";
import { loadVoiceConfig, type VoiceConfig } from "./voice-config.js";

/** What `load()` speaks (and discards) to warm the voice up, and how many times. */
const WARM_UP_TEXT = "The quick brown fox jumps over the lazy dog, and then it rests.";
const WARM_UP_PASSES = 2;

/** The Piper provider: a TtsProvider plus what tests, benchmarks and tools want to see. */
export interface PiperTtsProvider extends TtsProvider {
  readonly streaming: "fragments";
  /** The parsed voice config. */
  readonly voiceConfig: VoiceConfig;
  /** Text → phonemes per sentence, punctuation kept (what `synthesize` runs). */
  phonemize(text: string): Promise<SentencePhonemes[]>;
  /** Phonemes → model ids by Piper's rule; missing phonemes are warned about once and skipped. */
  phonemeIds(phonemes: readonly string[]): number[];
  /** onnxruntime sessions created so far: 1 however many requests ran (0 before the first). */
  readonly sessionsCreated: number;
  /** Stops the inference worker and frees the session (after a run in flight ends). Idempotent; a later request loads again. */
  dispose(): Promise<void>;
}

/**
 * Creates a Piper voice. Reads the voice's .onnx.json now (downloading it if
 * it is an `hf:` URI or URL) because it holds the sample rate; the model is
 * downloaded and loaded on the first request and reused after that.
 */
export async function createPiperTts(input: PiperOptions, context: AdapterContext = defaultAdapterContext()): Promise<PiperTtsProvider> {
  const options = parseAdapterOptions("@voxpipe/tts-piper", piperOptionsSchema, input);
  const cacheDir = defaultCacheDir(context.env, context.configDir, options.cacheDir);
  const modelSource = resolveModelSource(options.model, context, cacheDir);
  const configSource = resolveConfigSource(options.config, modelSource, context, cacheDir);
  if (configSource.kind === "remote") await downloadFile({ label: "piper", url: configSource.url, destination: configSource.path, log: context.log, progress: context.progress });
  const config = await loadVoiceConfig(configSource.path);

  let defaultSpeaker = 0;
  if (options.speaker !== undefined) {
    const resolved = resolveSpeaker(options.speaker, config);
    if ("problem" in resolved) throw new ConfigError(`piper: option "speaker": ${resolved.problem}.`, [resolved.problem]);
    defaultSpeaker = resolved.id;
  }
  const voiceName = basename(modelSource.kind === "remote" ? new URL(modelSource.url).pathname : modelSource.path).replace(/\.onnx$/, "");
  const voice = options.speaker === undefined ? voiceName : `${voiceName}:${options.speaker}`;
  const espeakVoice = options.espeakVoice ?? config.espeakVoice;
  const model = new PiperModel({ source: modelSource, executionProviders: options.executionProviders, threads: options.threads, log: context.log, progress: context.progress });
  const warned = new Set<string>();
  const sentenceSilence = new Float32Array(Math.round((options.sentenceSilenceMs / 1000) * config.sampleRate));

  const phonemize = async (text: string): Promise<SentencePhonemes[]> => {
    const engine = config.phonemeType === "espeak" ? await loadEspeakEngine() : undefined;
    return phonemizeSentences(text, config.phonemeType, espeakVoice, engine);
  };
  const phonemeIds = (phonemes: readonly string[]): number[] => {
    const fresh: string[] = [];
    const ids = phonemesToIds(phonemes, config.phonemeIdMap, (phoneme) => {
      if (warned.has(phoneme)) return;
      warned.add(phoneme);
      fresh.push(phoneme);
    });
    if (fresh.length > 0) {
      context.log(
        "warn",
        `piper: ${fresh.length === 1 ? "phoneme" : "phonemes"} ${fresh.map(describePhoneme).join(", ")} ${fresh.length === 1 ? "is" : "are"} not in the phoneme_id_map of ${config.path}; ` +
          `skipping ${fresh.length === 1 ? "it" : "them"} (each phoneme is reported once). The voice may not fit its espeak voice "${espeakVoice}".`,
      );
    }
    return ids;
  };
  const speakerFor = (request: TtsRequest): number => {
    if (request.voice === undefined || request.voice === voice || request.voice === voiceName) return defaultSpeaker;
    const resolved = resolveSpeaker(request.voice, config);
    if ("problem" in resolved) {
      throw voiceNotFoundError({
        backend: `piper (${voiceName})`,
        voice: request.voice,
        hint: `A request voice is the voice's own name ("${voiceName}") or one of its speakers: ${resolved.problem}.`,
      });
    }
    return resolved.id;
  };

  async function* synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
    const signal = request.signal;
    try {
      throwIfAborted(signal, "tts");
      if (!request.text.trim()) return;
      const speed = request.speed ?? 1;
      if (!(speed > 0) || !Number.isFinite(speed)) {
        throw new VoxpipeError({ code: "invalid-request", stage: "tts", message: `piper: speed must be a positive number, got ${speed}.` });
      }
      const speakerId = speakerFor(request);
      const engine = config.phonemeType === "espeak" ? await raceAbort(loadEspeakEngine(), signal) : undefined;
      // Sentences are phonemized one at a time, just ahead of their run: eSpeak
      // is synchronous, so phonemizing the whole text first would hold the
      // first chunk back by the time it takes for every sentence.
      const sentences = splitSentences(request.text);
      let nextSentence = 0;
      /** Ids of the next sentence worth a run (Piper skips those with only `^ _ $`), or undefined at the end. */
      const nextRun = (): number[] | undefined => {
        while (nextSentence < sentences.length) {
          const phonemes = phonemizeSentence(sentences[nextSentence++] ?? [], config.phonemeType, espeakVoice, engine);
          const ids = phonemes ? phonemeIds(phonemes.phonemes) : [];
          if (ids.length > 3) return ids;
        }
        return undefined;
      };
      let ids = nextRun();
      if (!ids) return;
      const { plan } = await model.load(signal);
      if (!plan.sid && (options.speaker !== undefined || speakerId !== defaultSpeaker)) {
        throw new VoxpipeError({
          code: "invalid-speaker",
          stage: "tts",
          message: `piper: a speaker was chosen, but the model ${model.path} has no "sid" input (it is a single-speaker voice); remove the "speaker" option.`,
        });
      }
      const scales = {
        noiseScale: options.noiseScale ?? config.noiseScale,
        lengthScale: (options.lengthScale ?? config.lengthScale) / speed,
        noiseW: options.noiseW ?? config.noiseW,
      };
      while (ids) {
        throwIfAborted(signal, "tts");
        // The ids are in the worker once run() returns; the next sentence is
        // phonemized on this thread while the worker runs this one.
        const inference = model.run(ids, scales, speakerId, signal);
        let following: number[] | undefined;
        try {
          following = nextRun();
        } catch (error) {
          inference.catch(() => undefined);
          throw error;
        }
        let pcm = await inference;
        throwIfAborted(signal, "tts");
        if (sentenceSilence.length > 0 && following) {
          const padded = new Float32Array(pcm.length + sentenceSilence.length);
          padded.set(pcm);
          pcm = padded;
        }
        yield { pcm, sampleRate: config.sampleRate, channels: 1 };
        ids = following;
      }
    } catch (error) {
      throw VoxpipeError.from(error, "tts", "tts-failed");
    }
  }

  return {
    id: "piper",
    voice,
    format: { sampleRate: config.sampleRate, channels: 1 },
    streaming: "fragments",
    voiceConfig: config,
    synthesize,
    phonemize,
    phonemeIds,
    get sessionsCreated() {
      return model.sessionsCreated;
    },
    async load() {
      await Promise.all([model.load(), config.phonemeType === "espeak" ? loadEspeakEngine() : undefined]);
      // Warms the phonemizer's WebAssembly and the onnxruntime session (its first runs allocate and
      // tune): without it the first reply's first audio took about 3× the warm time on the test voice.
      for (let pass = 0; pass < WARM_UP_PASSES; pass++) for await (const _chunk of synthesize({ text: WARM_UP_TEXT })) void _chunk;
    },
    dispose: () => model.dispose(),
  };
}

/** @deprecated Renamed {@link createPiperTts}; this alias goes in the next release. */
export const createPiper = createPiperTts;
