import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { collect } from "./collect.js";
import { errorPartOf, streamFailure, thrownBy } from "./error-matchers.js";

async function* yieldThenThrow(error: unknown): AsyncGenerator<number> {
  yield 1;
  yield 2;
  throw error;
}

async function* count(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

describe("test helpers", () => {
  it("collect reads a stream to its end, in order", async () => {
    expect(await collect(count(3))).toEqual([0, 1, 2]);
    expect(await collect(count(0))).toEqual([]);
  });

  it("streamFailure gives the VoxpipeError and what came before it; says what happened otherwise", async () => {
    const received: number[] = [];
    const error = await streamFailure(yieldThenThrow(new VoxpipeError({ code: "x-failed", stage: "tts", message: "boom" })), received);
    expect(error).toMatchObject({ code: "x-failed", stage: "tts" });
    expect(received).toEqual([1, 2]);
    await expect(streamFailure(count(2))).rejects.toThrow("expected a failure, but the call succeeded");
    await expect(streamFailure(yieldThenThrow(new TypeError("plain")))).rejects.toThrow("threw TypeError: plain");
  });

  it("thrownBy catches sync throws and rejections, and fails when nothing throws", async () => {
    expect(await thrownBy(() => JSON.parse("{"))).toBeInstanceOf(SyntaxError);
    expect(await thrownBy(() => Promise.reject(new Error("later")))).toMatchObject({ message: "later" });
    await expect(thrownBy(() => 1)).rejects.toThrow(/succeeded/);
  });

  it("errorPartOf returns the last part's error, or names the part that ended the stream", () => {
    const error = new VoxpipeError({ code: "llm-timeout", stage: "llm", message: "slow" });
    expect(errorPartOf([{ type: "text-delta", text: "hi" }, { type: "error", error }])).toBe(error);
    expect(() => errorPartOf([{ type: "finish", reason: "stop" }])).toThrow(/got {"type":"finish","reason":"stop"}/);
  });
});
