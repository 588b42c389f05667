import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, ModelNotFoundError, type AdapterContext } from "@voxpipe/core";
import { modelFiles } from "@voxpipe/core/testing";
import { createKokoroTts } from "./create-kokoro.js";
import { generateTestModel } from "./__fixtures__/test-model.js";

const generated = generateTestModel();
afterAll(() => generated.remove());
async function collectAll(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
const context = (env: Record<string, string> = {}): AdapterContext => ({ configDir: generated.dir, env, log: () => {} });

describe("missing and invalid models and voices", () => {
  it("rejects bad options, naming the key", async () => {
    await expect(createKokoroTts({ model: "model.onnx", threads: 0 }, context())).rejects.toThrow(ConfigError);
    await expect(createKokoroTts({ model: "model.onnx", threads: 0 }, context())).rejects.toThrow("@voxpipe/tts-kokoro: invalid options:\n  - threads: expected a number above 0, received 0");
  });

  it("names every place a missing model was looked for", async () => {
    const error = await createKokoroTts({ model: "missing.onnx", voice: "af_test" }, context({ VOXPIPE_MODELS_DIR: "/nowhere" })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toContain(join(generated.dir, "missing.onnx"));
    expect((error as Error).message).toContain("/nowhere/missing.onnx");
    expect((error as Error).message).toContain("/nowhere/tts/missing.onnx");
  });

  it("names where a missing voice was looked for and the voices there, at creation and for a request", async () => {
    await expect(createKokoroTts({ model: "model.onnx", voice: "af_missing" }, context())).rejects.toThrow(
      new RegExp(`kokoro has no voice "af_missing"; it has e\\.g\\. "af_test"\\. Looked in ${join(generated.dir, "voices", "af_missing.bin")}`),
    );
    await expect(createKokoroTts({ model: "model.onnx", voice: "af_missing" }, context())).rejects.toMatchObject({ code: "voice-not-found", stage: "tts" });
    const kokoro = await createKokoroTts({ model: "model.onnx", voice: "af_test" }, context());
    try {
      await expect(collectAll(kokoro.synthesize({ text: "Hi.", voice: "af_nobody" }))).rejects.toMatchObject({ code: "voice-not-found", message: expect.stringContaining('no voice "af_nobody"') });
    } finally {
      await kokoro.dispose();
    }
  });

  it("rejects a damaged voice file at creation", async () => {
    writeFileSync(join(generated.dir, "voices", "af_short.bin"), Buffer.alloc(4096 + 3));
    await expect(createKokoroTts({ model: "model.onnx", voice: "af_short" }, context())).rejects.toMatchObject({ code: "invalid-voice-file" });
  });

  it("reports a file onnxruntime cannot load, naming it and what to do", async () => {
    writeFileSync(join(generated.dir, "garbage.onnx"), "not an onnx model");
    const kokoro = await createKokoroTts({ model: "garbage.onnx", voice: "af_test" }, context());
    try {
      await expect(kokoro.load?.()).rejects.toMatchObject({ code: "model-load-failed", message: expect.stringMatching(/garbage\.onnx.*complete Kokoro v1\.0 \.onnx file/) });
    } finally {
      await kokoro.dispose();
    }
  });

  const piper = modelFiles(["tts/piper-test-voice-silent.onnx"]);
  it.skipIf(piper.skipReason)(piper.title("refuses a model with another interface (a Piper voice), naming its inputs"), async () => {
    const kokoro = await createKokoroTts({ model: piper.path("tts/piper-test-voice-silent.onnx"), voice: join(generated.dir, "voices", "af_test.bin") }, context());
    try {
      await expect(kokoro.load?.()).rejects.toMatchObject({ code: "model-inputs-mismatch", message: expect.stringMatching(/has no "input_ids" input \(it declares inputs "input", "input_lengths", "scales"\)/) });
    } finally {
      await kokoro.dispose();
    }
  });
});
