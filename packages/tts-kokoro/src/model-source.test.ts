import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ModelNotFoundError } from "@voxpipe/core";
import { resolveModelSource, resolveVoiceSource } from "./model-source.js";

const context = { configDir: "/srv/app", env: { VOXPIPE_MODELS_DIR: "/models" } };
const cacheDir = "/cache/kokoro";

describe("model sources", () => {
  it("turns a variant keyword into a download from onnx-community/Kokoro-82M-v1.0-ONNX", () => {
    expect(resolveModelSource("q8", context, cacheDir)).toEqual({
      kind: "remote",
      url: "https://huggingface.co/onnx-community/Kokoro-82M-v1.0-ONNX/resolve/main/onnx/model_quantized.onnx",
      path: join(cacheDir, "hf/onnx-community/Kokoro-82M-v1.0-ONNX/main/onnx/model_quantized.onnx"),
    });
    expect(resolveModelSource("fp32", context, cacheDir)).toMatchObject({ url: expect.stringMatching(/\/onnx\/model\.onnx$/) });
    expect(resolveModelSource("fp16", context, cacheDir)).toMatchObject({ url: expect.stringMatching(/\/onnx\/model_fp16\.onnx$/) });
  });

  it("honours $HF_ENDPOINT and a pinned revision", () => {
    const source = resolveModelSource("hf:onnx-community/Kokoro-82M-v1.0-ONNX@abc123/onnx/model.onnx", { ...context, env: { HF_ENDPOINT: "https://mirror.example/" } }, cacheDir);
    expect(source).toMatchObject({ url: "https://mirror.example/onnx-community/Kokoro-82M-v1.0-ONNX/resolve/abc123/onnx/model.onnx" });
  });

  it("names every place it looked for a missing local model, and the keywords to use instead", () => {
    let error: unknown;
    try {
      resolveModelSource("kokoro.onnx", context, cacheDir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelNotFoundError);
    const message = (error as Error).message;
    for (const place of ["/srv/app/kokoro.onnx", "/models/kokoro.onnx", "/models/tts/kokoro.onnx"]) expect(message).toContain(place);
    expect(message).toMatch(/"q8".*download that variant/);
  });
});

describe("voice sources", () => {
  const localModel = { kind: "file" as const, path: "/models/kokoro/model.onnx" };

  it("downloads a missing voice next to a keyword model, from the same repo and revision", () => {
    const model = resolveModelSource("q8", context, cacheDir);
    expect(resolveVoiceSource("af_bella", { voicesDir: undefined, model, cacheDir }, context)).toEqual({
      kind: "remote",
      url: "https://huggingface.co/onnx-community/Kokoro-82M-v1.0-ONNX/resolve/main/voices/af_bella.bin",
      path: join(cacheDir, "hf/onnx-community/Kokoro-82M-v1.0-ONNX/main/voices/af_bella.bin"),
    });
  });

  it("never downloads a voice for a local model: it names where it looked and where to get the file", () => {
    expect(() => resolveVoiceSource("af_bella", { voicesDir: undefined, model: localModel, cacheDir }, context)).toThrow(
      /^kokoro has no voice "af_bella"\. Looked in \/models\/kokoro\/voices\/af_bella\.bin, \/models\/voices\/af_bella\.bin\. Download af_bella\.bin from https:\/\/huggingface\.co\/onnx-community\/Kokoro-82M-v1\.0-ONNX\/tree\/main\/voices/,
    );
    expect(() => resolveVoiceSource("af_bella", { voicesDir: "my-voices", model: localModel, cacheDir }, context)).toThrow(/Looked in \/srv\/app\/my-voices\/af_bella\.bin\./);
    expect(() => resolveVoiceSource("af_bella", { voicesDir: undefined, model: localModel, cacheDir }, context)).toThrow(expect.objectContaining({ code: "voice-not-found", stage: "tts", retryable: false }));
  });
});
