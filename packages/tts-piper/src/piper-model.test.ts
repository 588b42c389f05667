import { Worker } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { modelFiles } from "@voxpipe/core/testing";
import { PiperModel } from "./piper-model.js";

const models = modelFiles(["tts/piper-plus-zero-shot-test.onnx", "tts/piper-plus-zero-shot-test.onnx.json"]);
const plusPath = models.dir === undefined ? "" : models.path("tts/piper-plus-zero-shot-test.onnx");
const scales = { noiseScale: 0.4, lengthScale: 1, noiseW: 0.5 };
const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => [1, 0, 57, 0, 14, 0, 3, 0][i % 8] as number);

describe.skipIf(models.skipReason)(models.title("PiperModel (onnxruntime session in a worker thread)"), () => {
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

  it("keeps the event loop running during a long inference, and an abort stops the waiting before the run ends", async () => {
    const model = new PiperModel({ source: { kind: "file", path: plusPath }, executionProviders: ["cpu"], threads: 1, log: () => {} });
    const emit = vi.spyOn(Worker.prototype, "emit");
    const resultArrived = (): boolean => emit.mock.calls.some(([event, message]) => event === "message" && (message as { type?: string } | undefined)?.type === "result");
    try {
      await model.load();
      const controller = new AbortController();
      // ~2,500 ids take a second or more of CPU on this model. The abort comes from a timer, which fires only if
      // the event loop runs while the worker computes; the waiting must end then, before the worker's result.
      const run = model.run(ids(2500), scales, 0, controller.signal);
      setTimeout(() => controller.abort(), 0);
      await expect(run).rejects.toMatchObject({ code: "aborted", stage: "tts" });
      expect(resultArrived()).toBe(false);
    } finally {
      emit.mockRestore();
      await model.dispose();
    }
  });

  it("posts a run on a loaded model before run() returns, so the caller can work while it runs", async () => {
    const model = new PiperModel({ source: { kind: "file", path: plusPath }, executionProviders: ["cpu"], threads: 1, log: () => {} });
    const postMessage = vi.spyOn(Worker.prototype, "postMessage");
    try {
      await model.load();
      postMessage.mockClear();
      const pcm = model.run(ids(43), scales, 0);
      expect(postMessage.mock.calls.map(([message]) => (message as { type?: string }).type)).toEqual(["run"]);
      expect((await pcm).length).toBe(43 * 256);
    } finally {
      postMessage.mockRestore();
      await model.dispose();
    }
  });

  it("turns an onnxruntime failure in the worker into a typed inference-failed error, and keeps the session usable", async () => {
    const model = new PiperModel({ source: { kind: "file", path: plusPath }, executionProviders: ["cpu"], threads: 1, log: () => {} });
    try {
      await model.load();
      // An id far outside the embedding table: onnxruntime's Gather fails.
      await expect(model.run([1, 0, 1_000_000, 0, 2], scales, 0)).rejects.toMatchObject({
        code: "inference-failed",
        stage: "tts",
        message: expect.stringContaining("piper-plus-zero-shot-test.onnx with 5 phoneme ids"),
      });
      expect((await model.run(ids(8), scales, 0)).length).toBe(8 * 256);
      expect(model.sessionsCreated).toBe(1);
    } finally {
      await model.dispose();
    }
  });

  it("dispose waits for a run in flight, and a run after it loads a fresh session", async () => {
    const model = new PiperModel({ source: { kind: "file", path: plusPath }, executionProviders: ["cpu"], threads: 1, log: () => {} });
    try {
      await model.load();
      const inFlight = model.run(ids(200), scales, 0);
      await model.dispose();
      expect((await inFlight).length).toBe(200 * 256);
      expect((await model.run(ids(8), scales, 0)).length).toBe(8 * 256);
      expect(model.sessionsCreated).toBe(2);
    } finally {
      await model.dispose();
    }
  });

  it("reports a model onnxruntime cannot load, naming the file", async () => {
    const model = new PiperModel({ source: { kind: "file", path: models.path("tts/piper-plus-zero-shot-test.onnx.json") }, executionProviders: ["cpu"], threads: undefined, log: () => {} });
    await expect(model.load()).rejects.toMatchObject({ code: "model-load-failed", message: expect.stringContaining("piper-plus-zero-shot-test.onnx.json") });
    await model.dispose();
  });
});
