import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelNotFoundError, VoxpipeError } from "@voxpipe/core";
import { createPiperTts } from "./create-piper.js";
import { audioFromOutput, planInputs } from "./model-inputs.js";
import { parseVoiceConfig } from "./voice-config.js";

// No model file is needed: every error here comes before onnxruntime reads the .onnx.
let dir = "";
let modelsDir = "";
let lonelyModel = "";
const context = () => ({ configDir: dir, env: {}, log: () => {} });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "voxpipe-piper-errors-"));
  modelsDir = join(dir, "models");
  lonelyModel = join(dir, "lonely.onnx");
  await writeFile(lonelyModel, "not read: the voice config is looked for first");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("clear errors", () => {
  it("a missing model: ModelNotFoundError listing where it looked and where voices are", async () => {
    const error = await createPiperTts({ model: "en_US-nobody-medium.onnx" }, { configDir: dir, env: { VOXPIPE_MODELS_DIR: modelsDir }, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    const notFound = error as ModelNotFoundError;
    expect(notFound.stage).toBe("tts");
    expect(notFound.searched).toEqual([join(dir, "en_US-nobody-medium.onnx"), join(modelsDir, "en_US-nobody-medium.onnx"), join(modelsDir, "tts", "en_US-nobody-medium.onnx")]);
    expect(notFound.message).toContain("https://huggingface.co/rhasspy/piper-voices");
    expect(notFound.message).toContain("hf:rhasspy/piper-voices/");
  });

  it("a model without its .onnx.json: names the expected path and where to get voices", async () => {
    const error = await createPiperTts({ model: "lonely.onnx" }, context()).catch((e: unknown) => e);
    expect(VoxpipeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "voice-config-not-found", stage: "tts" });
    expect((error as Error).message).toContain(join(dir, "lonely.onnx.json"));
    expect((error as Error).message).toContain("https://huggingface.co/rhasspy/piper-voices");
  });

  it("a config that is not a Piper config, or lacks ^ _ $", async () => {
    await writeFile(join(dir, "bad.json"), "{ not json");
    await expect(createPiperTts({ model: lonelyModel, config: "bad.json" }, context())).rejects.toMatchObject({ code: "invalid-voice-config" });
    expect(() => parseVoiceConfig(JSON.stringify({ audio: {} }), "x.onnx.json")).toThrow(/x\.onnx\.json does not look like a Piper voice config \(audio\.sample_rate/);
    expect(() => parseVoiceConfig(JSON.stringify({ audio: { sample_rate: 16000 }, phoneme_id_map: { _: [0], "^": [1] } }), "y.json")).toThrow(/no "\$" in its phoneme_id_map/);
    expect(() => parseVoiceConfig(JSON.stringify({ audio: { sample_rate: 16000 }, phoneme_type: "pinyin", phoneme_id_map: {} }), "z.json")).toThrow(/phoneme_type "pinyin"/);
  });

  it("reads piper-plus's noise_scale_w and the defaults", () => {
    const config = parseVoiceConfig(JSON.stringify({ audio: { sample_rate: 16000 }, inference: { noise_scale_w: 0.5 }, phoneme_id_map: { _: [0], "^": [1], $: [2] } }), "c.json");
    expect(config).toMatchObject({ sampleRate: 16000, noiseScale: 0.667, lengthScale: 1, noiseW: 0.5, espeakVoice: "en-us", phonemeType: "espeak", numSpeakers: 1 });
  });

  it("invalid options: a ConfigError naming the option", async () => {
    await expect(createPiperTts({ model: lonelyModel, noiseScale: -1 } as never, context())).rejects.toMatchObject({ code: "invalid-config", message: expect.stringContaining("noiseScale") });
    await expect(createPiperTts({} as never, context())).rejects.toMatchObject({ code: "invalid-config", message: expect.stringContaining("model") });
  });
});

describe("model inputs", () => {
  const piperInputs = [
    { name: "input", isTensor: true, type: "int64", shape: ["batch", "phonemes"] },
    { name: "input_lengths", isTensor: true, type: "int64", shape: ["batch"] },
    { name: "scales", isTensor: true, type: "float32", shape: [3] },
  ];
  const signature = (extra: typeof piperInputs = []) => ({ inputNames: [...piperInputs, ...extra].map((i) => i.name), inputMetadata: [...piperInputs, ...extra], outputNames: ["output"] });

  it("accepts the Piper interface, with sid when declared", () => {
    expect(planInputs(signature(), "m.onnx")).toEqual({ sid: false, speakerEmbeddingSize: undefined, prosodyFeatures: false, outputName: "output" });
    expect(planInputs(signature([{ name: "sid", isTensor: true, type: "int64", shape: [1] }]), "m.onnx").sid).toBe(true);
  });

  it("refuses unknown required inputs, naming them", () => {
    expect(() => planInputs(signature([{ name: "emotion", isTensor: true, type: "float32", shape: [1, 8] }]), "odd.onnx")).toThrow(
      /the model odd\.onnx requires input\(s\) voxpipe cannot fill: "emotion"/,
    );
  });

  it("refuses a model that lacks Piper's inputs or declares them with other types", () => {
    expect(() => planInputs({ inputNames: ["x"], inputMetadata: [], outputNames: ["y"] }, "other.onnx")).toThrow(/lacks the input\(s\) "input", "input_lengths", "scales" \(it declares "x"\)/);
    const wrongType = signature();
    wrongType.inputMetadata = wrongType.inputMetadata.map((m) => (m.name === "scales" ? { ...m, type: "float16" } : m));
    expect(() => planInputs(wrongType, "half.onnx")).toThrow(/declares input "scales" as float16, not float32/);
  });

  it("checks the output's rank and type and clamps samples into [-1, 1]", () => {
    const pcm = audioFromOutput({ type: "float32", data: Float32Array.of(0.5, 2, -3, Number.NaN), dims: [1, 1, 4] }, "m.onnx");
    expect(Array.from(pcm)).toEqual([0.5, 1, -1, 0]);
    expect(audioFromOutput({ type: "float32", data: new Float32Array(3), dims: [1, 3] }, "m.onnx")).toHaveLength(3);
    expect(() => audioFromOutput({ type: "float32", data: new Float32Array(4), dims: [2, 1, 2] }, "m.onnx")).toThrow(/shape \[2, 1, 2\], not float32 \[1, 1, samples\]/);
    expect(() => audioFromOutput({ type: "int64", data: new BigInt64Array(2), dims: [1, 1, 2] }, "m.onnx")).toThrow(/type int64/);
  });
});
