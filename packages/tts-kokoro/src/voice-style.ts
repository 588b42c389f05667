import { readFile } from "node:fs/promises";
import { VoxpipeError, voiceNotFoundError } from "@voxpipe/core";

/** Values in one style vector (the model's `style` input is float32 [1, 256]). */
export const STYLE_WIDTH = 256;
/** Rows in a Kokoro v1.0 voice file: one style per token count, 0–509. */
export const VOICE_ROWS = 510;

/** A voice's style vectors: `rows` × 256 float32, row n for inputs of n tokens. */
export interface VoiceStyles {
  /** The file(s) it came from, for messages. */
  source: string;
  rows: number;
  data: Float32Array;
}

/** One part of a voice spec: `af_heart` or `af_heart:0.7`. */
export interface VoicePart {
  name: string;
  weight: number;
}

/**
 * Parses a voice spec: a name or file (`af_heart`, `voices/custom.bin`), or a
 * blend of several with weights (`"af_heart:0.7,af_bella:0.3"`; a part
 * without a weight counts 1). Weights are relative: the blend is normalized
 * to sum to 1.
 */
export function parseVoiceSpec(spec: string): VoicePart[] {
  const parts = spec.split(",").map((part) => part.trim());
  return parts.map((part) => {
    const weighted = /^(.+?):\s*([0-9]*\.?[0-9]+)$/.exec(part);
    const name = (weighted ? weighted[1] : part)?.trim() ?? "";
    const weight = weighted ? Number(weighted[2]) : 1;
    if (!name || !(weight > 0)) {
      // A malformed blend names no voice Kokoro has: the same failure as an unknown name (a request's mistake, not the server's).
      throw voiceNotFoundError({
        backend: "kokoro",
        voice: spec,
        hint: `The part "${part}" is not NAME or NAME:WEIGHT with a weight above 0. Write e.g. "af_heart" or "af_heart:0.7,af_bella:0.3".`,
      });
    }
    return { name, weight };
  });
}

/**
 * Reads a voice file (float32 little-endian, 256 values per row) and checks
 * its size. A missing file is core's `voice-not-found`; a file that is there
 * but unreadable or malformed is `invalid-voice-file`.
 */
export async function readVoiceFile(path: string): Promise<VoiceStyles> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw voiceNotFoundError({ backend: "kokoro", voice: path, hint: `The voice file ${path} is gone (${reason}); put it back, or name another voice.`, cause: error });
    }
    throw new VoxpipeError({
      code: "invalid-voice-file",
      stage: "tts",
      message: `kokoro: could not read the voice file ${path} (${reason}). Check that it is a readable file.`,
      cause: error,
    });
  }
  const rowBytes = STYLE_WIDTH * 4;
  if (bytes.byteLength === 0 || bytes.byteLength % rowBytes !== 0) {
    throw new VoxpipeError({
      code: "invalid-voice-file",
      stage: "tts",
      message:
        `kokoro: the voice file ${path} has ${bytes.byteLength} bytes, which is not whole rows of ${STYLE_WIDTH} float32 values; ` +
        `a Kokoro v1.0 voice (NAME.bin) is ${VOICE_ROWS} × ${STYLE_WIDTH} float32 = ${VOICE_ROWS * rowBytes} bytes. Download it again, or use a voice from the voices folder of onnx-community/Kokoro-82M-v1.0-ONNX.`,
    });
  }
  const data = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(data.buffer).set(bytes);
  return { source: path, rows: data.length / STYLE_WIDTH, data };
}

/** The weighted mean of several voices (weights normalized to sum 1); every voice must have the same number of rows. */
export function blendVoices(voices: readonly { styles: VoiceStyles; weight: number }[]): VoiceStyles {
  const first = voices[0];
  if (!first) throw new RangeError("blendVoices: no voices");
  if (voices.length === 1) return first.styles;
  const total = voices.reduce((sum, voice) => sum + voice.weight, 0);
  const data = new Float32Array(first.styles.data.length);
  for (const { styles, weight } of voices) {
    if (styles.rows !== first.styles.rows) {
      throw new VoxpipeError({
        code: "invalid-voice-file",
        stage: "tts",
        message: `kokoro: cannot blend ${first.styles.source} (${first.styles.rows} rows) with ${styles.source} (${styles.rows} rows); blended voices need the same number of style rows.`,
      });
    }
    const share = weight / total;
    for (let i = 0; i < data.length; i++) data[i] = (data[i] ?? 0) + share * (styles.data[i] ?? 0);
  }
  return { source: voices.map((voice) => `${voice.styles.source}×${(voice.weight / total).toFixed(2)}`).join(" + "), rows: first.styles.rows, data };
}

/** The style for an input of `tokenCount` phoneme ids (pads not counted), as the reference picks it: row `tokenCount`, at most the last row. */
export function styleFor(voice: VoiceStyles, tokenCount: number): Float32Array {
  const row = Math.min(Math.max(tokenCount, 0), voice.rows - 1);
  return voice.data.slice(row * STYLE_WIDTH, (row + 1) * STYLE_WIDTH);
}
