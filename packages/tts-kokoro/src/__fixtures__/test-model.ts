import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The generator the README documents; tests run it into a temp dir, so no model file is committed.
// @ts-expect-error — a plain .mjs script without type declarations
import { SAMPLES_PER_TOKEN, testVoiceBytes, writeTestModel } from "../../scripts/make-test-model.mjs";

/** A freshly generated Kokoro-interface test model (DIR/model.onnx, DIR/voices/af_test.bin); `remove()` deletes it. */
export interface GeneratedTestModel {
  dir: string;
  model: string;
  voice: string;
  remove(): void;
}

export function generateTestModel(): GeneratedTestModel {
  const dir = mkdtempSync(join(tmpdir(), "voxpipe-kokoro-test-"));
  const { model, voice } = writeTestModel(dir) as { model: string; voice: string };
  return { dir, model, voice, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Samples the test model makes per token (pads included) at speed 1. */
export const TEST_SAMPLES_PER_TOKEN = SAMPLES_PER_TOKEN as number;

/** The test voice's values, to compute what the model must output. */
export const testVoiceValues = (): Float32Array => {
  const bytes = testVoiceBytes() as Buffer;
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

/** The amplitude the test model gives a run of `tokens` ids with the test voice: 0.1 + 0.4 × sigmoid(mean of style row `tokens`). */
export function testAmplitude(tokens: number, values: Float32Array = testVoiceValues()): number {
  const row = Math.min(tokens, 509);
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += values[row * 256 + i] ?? 0;
  const mean = sum / 256;
  return 0.1 + 0.4 / (1 + Math.exp(-mean));
}
