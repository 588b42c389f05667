import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PiperModel } from "./piper-model.js";

const modelsDir = process.env.VOXPIPE_MODELS_DIR ?? join(import.meta.dirname, "../../../../shared/models");
const plusPath = join(modelsDir, "tts", "piper-plus-zero-shot-test.onnx");
const scales = { noiseScale: 0.4, lengthScale: 1, noiseW: 0.5 };
const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => [1, 0, 57, 0, 14, 0, 3, 0][i % 8] as number);

describe("PiperModel (onnxruntime session in a worker thread)", () => {
  it("plans the extra piper-plus inputs and returns 256 samples per id", async () => {
    const model = new PiperModel({ source: { kind: "file", path: plusPath }, executionProviders: ["cpu"], threads: 1, log: () => {} });
    try {
      const { plan } = await model.load();
      expect(plan).toEqual({ sid: false, speakerEmbeddingSize: 192, prosodyFeatures: true, outputName: "output" });
      expect((await model.run(ids(43), scales, 0)).length).toBe(43 * 256);
      expect((await model.run(ids(163), scales, 0)).length).toBe(163 * 256);
      expect(model.sessionsCreated).toBe(1);
    } finally {
      await model.dispose();
    }
  });

  it("keeps the event loop running during a long inference and stops waiting within 500 ms of an abort", async () => {
    const model = new PiperModel({ source: { kind: "file", path: plusPath }, executionProviders: ["cpu"], threads: 1, log: () => {} });
    try {
      await model.load();
      const controller = new AbortController();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      let abortedAt = 0;
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 200);
      // ~2,500 ids take a second or more of CPU on this model.
      await expect(model.run(ids(2500), scales, 0, controller.signal)).rejects.toMatchObject({ code: "aborted", stage: "tts" });
      clearInterval(timer);
      expect(performance.now() - abortedAt).toBeLessThan(500);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      await model.dispose();
    }
  });

  it("reports a model onnxruntime cannot load, naming the file", async () => {
    const model = new PiperModel({ source: { kind: "file", path: join(modelsDir, "tts", "piper-plus-zero-shot-test.onnx.json") }, executionProviders: ["cpu"], threads: undefined, log: () => {} });
    await expect(model.load()).rejects.toMatchObject({ code: "model-load-failed", message: expect.stringContaining("piper-plus-zero-shot-test.onnx.json") });
    await model.dispose();
  });
});
