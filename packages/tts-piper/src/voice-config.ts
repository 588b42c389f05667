import { readFile } from "node:fs/promises";
import { z } from "zod";
import { VoxpipeError } from "@voxpipe/core";
import { BOS, EOS, PAD, type PhonemeIdMap } from "./phoneme-ids.js";
import type { PhonemeType } from "./phonemize.js";

/** Where to get Piper voices, for error messages. */
export const PIPER_VOICES_URL = "https://huggingface.co/rhasspy/piper-voices";

const voiceConfigSchema = z.object({
  audio: z.object({ sample_rate: z.number().int().positive() }),
  espeak: z.object({ voice: z.string().min(1) }).optional(),
  inference: z
    .object({
      noise_scale: z.number().optional(),
      length_scale: z.number().optional(),
      noise_w: z.number().optional(),
      // piper-plus spells noise_w this way
      noise_scale_w: z.number().optional(),
    })
    .optional(),
  phoneme_type: z.string().optional(),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int().nonnegative())),
  num_speakers: z.number().int().nonnegative().optional(),
  speaker_id_map: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** What voxpipe uses from a Piper voice's `.onnx.json`. */
export interface VoiceConfig {
  /** The file it was read from. */
  path: string;
  sampleRate: number;
  /** eSpeak NG voice for phonemes, e.g. `en-us`. */
  espeakVoice: string;
  phonemeType: PhonemeType;
  phonemeIdMap: PhonemeIdMap;
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  numSpeakers: number;
  speakerIdMap: Readonly<Record<string, number>>;
}

const invalid = (path: string, problem: string, cause?: unknown): VoxpipeError =>
  new VoxpipeError({
    code: "invalid-voice-config",
    stage: "tts",
    message: `piper: the voice config ${path} ${problem}. A Piper voice needs the .onnx.json that was published with its .onnx model (see ${PIPER_VOICES_URL}).`,
    cause,
  });

/** Parses a voice config's JSON text; `path` names it in errors. */
export function parseVoiceConfig(text: string, path: string): VoiceConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(path, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const parsed = voiceConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw invalid(path, `does not look like a Piper voice config (${issues})`);
  }
  const config = parsed.data;
  const phonemeType = config.phoneme_type ?? "espeak";
  if (phonemeType !== "espeak" && phonemeType !== "text") {
    throw invalid(path, `has phoneme_type "${phonemeType}", which this adapter does not support (it supports "espeak" and "text")`);
  }
  for (const symbol of [PAD, BOS, EOS]) {
    if (!config.phoneme_id_map[symbol]) throw invalid(path, `has no "${symbol}" in its phoneme_id_map (Piper needs "^", "_" and "$")`);
  }
  const inference = config.inference ?? {};
  return {
    path,
    sampleRate: config.audio.sample_rate,
    espeakVoice: config.espeak?.voice ?? "en-us",
    phonemeType,
    phonemeIdMap: config.phoneme_id_map,
    noiseScale: inference.noise_scale ?? 0.667,
    lengthScale: inference.length_scale ?? 1,
    noiseW: inference.noise_w ?? inference.noise_scale_w ?? 0.8,
    numSpeakers: config.num_speakers ?? 1,
    speakerIdMap: config.speaker_id_map ?? {},
  };
}

/** Reads and parses a voice config file. */
export async function loadVoiceConfig(path: string): Promise<VoiceConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new VoxpipeError({
        code: "voice-config-not-found",
        stage: "tts",
        message: `piper: the voice config ${path} does not exist. A Piper voice is two files, NAME.onnx and NAME.onnx.json, side by side; download both from ${PIPER_VOICES_URL} (or set the "config" option to where the .onnx.json is).`,
        cause: error,
      });
    }
    throw invalid(path, `could not be read (${error instanceof Error ? error.message : String(error)})`, error);
  }
  return parseVoiceConfig(text, path);
}
