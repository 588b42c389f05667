import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OnnxModel, type OnnxModelNaming } from "./index.js";

// What needs no model file: the errors before and at a load. Runs with a model are tested by the adapters that use
// this package (Piper on its test voices, Kokoro on the Kokoro-interface model its script generates).
const dir = mkdtempSync(join(tmpdir(), "voxpipe-onnx-worker-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const naming: OnnxModelNaming = { label: "test-tts", loading: "voice", file: "voice model", expected: "a complete test voice" };
const modelAt = (path: string) => new OnnxModel({ naming, source: { kind: "file", path }, executionProviders: ["cpu"], threads: 1, log: () => {}, plan: () => ({ outputName: "out" }) });

describe("OnnxModel", () => {
  it("a model file that has gone is a model-not-found error naming the file and the option to fix", async () => {
    const model = modelAt(join(dir, "gone.onnx"));
    await expect(model.load()).rejects.toMatchObject({
      code: "model-not-found",
      message: `test-tts: the voice model ${join(dir, "gone.onnx")} is gone (it existed when the adapter was created). Put it back or fix the "model" option.`,
    });
    expect(model.sessionsCreated).toBe(0);
  });

  it("a file onnxruntime cannot load is a model-load-failed error with onnxruntime's reason and what the file should be; a later load tries again", async () => {
    const path = join(dir, "garbage.onnx");
    writeFileSync(path, "not an onnx model");
    const lines: string[] = [];
    const model = new OnnxModel({ naming, source: { kind: "file", path }, executionProviders: ["cpu"], threads: 1, log: (level, message) => lines.push(`${level}: ${message}`), plan: () => ({ outputName: "out" }) });
    try {
      const error = await model.load().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "model-load-failed", stage: "tts" });
      expect((error as Error).message).toMatch(new RegExp(`^test-tts: onnxruntime could not load ${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} with execution providers \\[cpu\\]: .+\\. Check that it is a complete test voice`));
      expect(lines[0]).toMatch(/^info: test-tts: loading voice .*garbage\.onnx \(0\.0 MB, onnxruntime on cpu\)/);
      await expect(model.infer(() => ({}), "no inputs")).rejects.toMatchObject({ code: "model-load-failed" });
    } finally {
      await model.dispose();
    }
  });

  it("an abort stops the caller's wait for a load, not the load", async () => {
    const model = modelAt(join(dir, "gone-too.onnx"));
    const controller = new AbortController();
    controller.abort();
    await expect(model.load(controller.signal)).rejects.toMatchObject({ code: "aborted", stage: "tts" });
    await expect(model.load()).rejects.toMatchObject({ code: "model-not-found" });
  });
});
