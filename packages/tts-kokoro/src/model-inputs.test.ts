import { describe, expect, it } from "vitest";
import type { ModelSignature } from "@voxpipe/onnx-worker";
import { audioFromOutput, buildFeeds, planInputs } from "./model-inputs.js";

const tensor = (name: string, type: string, shape: (number | string)[]) => ({ name, isTensor: true, type, shape });
const v1: ModelSignature = {
  inputNames: ["input_ids", "style", "speed"],
  inputMetadata: [tensor("input_ids", "int64", [1, "tokens"]), tensor("style", "float32", [1, 256]), tensor("speed", "float32", [1])],
  outputNames: ["waveform"],
};

describe("the Kokoro interface", () => {
  it("plans the v1.0 export's inputs and feeds ids with a 0 pad at both ends", () => {
    const plan = planInputs(v1, "m.onnx");
    expect(plan).toEqual({ idsName: "input_ids", speedType: "float32", outputName: "waveform" });
    const feeds = buildFeeds(plan, [50, 83, 54], new Float32Array(256).fill(0.5), 1.25);
    expect(Array.from(feeds.input_ids?.data ?? [])).toEqual([0n, 50n, 83n, 54n, 0n]);
    expect(feeds.input_ids?.dims).toEqual([1, 5]);
    expect(feeds.style?.dims).toEqual([1, 256]);
    expect(Array.from(feeds.speed?.data ?? [])).toEqual([1.25]);
  });

  it("accepts kokoro-onnx's exports: tokens in, audio out, an int32 speed (rounded)", () => {
    const plan = planInputs(
      {
        inputNames: ["tokens", "style", "speed"],
        inputMetadata: [tensor("tokens", "int64", [1, "n"]), tensor("style", "float32", [1, 256]), tensor("speed", "int32", [1])],
        outputNames: ["audio"],
      },
      "m.onnx",
    );
    expect(plan).toEqual({ idsName: "tokens", speedType: "int32", outputName: "audio" });
    const feeds = buildFeeds(plan, [1], new Float32Array(256), 1.4);
    expect(feeds.tokens?.type).toBe("int64");
    expect(feeds.speed).toMatchObject({ type: "int32", dims: [1] });
    expect(Array.from(feeds.speed?.data ?? [])).toEqual([1]);
  });

  it("names what does not fit, and what a Kokoro model takes", () => {
    expect(() => planInputs({ ...v1, inputNames: ["input", "style", "speed"] }, "m.onnx")).toThrow(/the model m\.onnx has no "input_ids" input \(it declares inputs "input", "style", "speed"\)\. A Kokoro v1\.0 model takes/);
    expect(() => planInputs({ ...v1, inputNames: [...v1.inputNames, "sid"] }, "m.onnx")).toThrow(/requires input\(s\) voxpipe cannot fill: "sid"/);
    expect(() => planInputs({ ...v1, inputMetadata: [tensor("input_ids", "int32", [1, "n"])] }, "m.onnx")).toThrow(/declares "input_ids" as int32, not int64/);
    expect(() => planInputs({ ...v1, inputMetadata: [tensor("style", "float32", [1, 128])] }, "m.onnx")).toThrow(/declares "style" 128 wide, not 256/);
    expect(() => planInputs({ ...v1, inputMetadata: [tensor("style", "float16", [1, 256])] }, "m.onnx")).toThrow(/declares "style" as float16, not float32/);
  });

  it("reads audio of shape [n], [1, n] or [1, 1, n], clamped to [-1, 1]", () => {
    for (const dims of [[3], [1, 3], [1, 1, 3]]) {
      expect(Array.from(audioFromOutput({ type: "float32", data: Float32Array.of(0.5, 2, Number.NaN), dims }, "m.onnx"))).toEqual([0.5, 1, 0]);
    }
    expect(() => audioFromOutput({ type: "float32", data: new Float32Array(6), dims: [2, 3] }, "m.onnx")).toThrow(/returned audio of type float32 and shape \[2, 3\]/);
    expect(() => audioFromOutput(undefined, "m.onnx")).toThrow(/returned no audio output/);
  });
});
