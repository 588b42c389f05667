import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { modelFiles } from "./model-files.js";

const folder = mkdtempSync(join(tmpdir(), "voxpipe-model-files-"));
mkdirSync(join(folder, "tts"));
writeFileSync(join(folder, "tts", "voice.onnx"), "x");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("modelFiles", () => {
  it("finds files in $VOXPIPE_MODELS_DIR and gives their absolute paths", () => {
    const models = modelFiles(["tts/voice.onnx"], { env: { VOXPIPE_MODELS_DIR: folder } });
    expect(models.skipReason).toBeUndefined();
    expect(models.dir).toBe(folder);
    expect(models.path("tts/voice.onnx")).toBe(join(folder, "tts", "voice.onnx"));
    expect(models.title("a voice")).toBe("a voice");
  });

  it("skips when $VOXPIPE_MODELS_DIR is unset, naming the file and how to get it, and never guesses a folder", () => {
    const models = modelFiles(["tts/voice.onnx"], { env: {}, warn: false });
    expect(models.dir).toBeUndefined();
    expect(models.skipReason).toMatch(/^needs tts\/voice\.onnx, and \$VOXPIPE_MODELS_DIR is not set; .*pnpm fixtures.*export VOXPIPE_MODELS_DIR=/);
    expect(models.title("a voice")).toBe(`a voice (skipped: ${models.skipReason})`);
    expect(() => models.path("tts/voice.onnx")).toThrow(/model file tts\/voice\.onnx is not available: needs tts\/voice\.onnx/);
  });

  it("names only the missing files and the folder it looked in", () => {
    const models = modelFiles(["tts/voice.onnx", "llm/story.gguf"], { env: { VOXPIPE_MODELS_DIR: folder }, warn: false, howToGet: "copy them there" });
    expect(models.skipReason).toBe(`needs llm/story.gguf, not found in $VOXPIPE_MODELS_DIR (${folder}); copy them there`);
  });

  it("takes an explicit folder instead of the environment", () => {
    expect(modelFiles(["tts/voice.onnx"], { dir: folder, env: {} }).dir).toBe(folder);
    expect(modelFiles(["tts/voice.onnx"], { dir: join(folder, "tts"), env: { VOXPIPE_MODELS_DIR: folder }, warn: false }).skipReason).toContain(`not found in the models folder (${join(folder, "tts")})`);
  });
});
