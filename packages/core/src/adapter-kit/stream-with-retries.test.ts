import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import { streamWithRetries } from "./stream-with-retries.js";
import { collect } from "../testing/collect.js";

const policy = { retries: 2, retryDelayMs: 1, maxRetryDelayMs: 1_000 };
const failure = (retryable: boolean): LlmStreamPart => ({ type: "error", error: new VoxpipeError({ code: "llm-server-error", stage: "llm", message: "boom.", retryable }) });

describe("streamWithRetries", () => {
  it("retries a retryable failure before anything was streamed, and logs it", async () => {
    const logs: string[] = [];
    const attempts: LlmStreamPart[][] = [[failure(true)], [{ type: "text-delta", text: "hi" }, { type: "finish", reason: "stop" }]];
    const parts = await collect(streamWithRetries(async function* (index) { yield* attempts[index] ?? []; }, policy, undefined, (_level, message) => logs.push(message)));
    expect(parts.map((part) => part.type)).toEqual(["text-delta", "finish"]);
    expect(logs).toEqual(["boom. Retrying in 1 ms (attempt 2 of 3)."]);
  });

  it("reports the failure once a part went out, or when it is not retryable", async () => {
    const midway = await collect(streamWithRetries(async function* () { yield { type: "text-delta", text: "a" }; yield failure(true); }, policy, undefined, () => {}));
    expect(midway.map((part) => part.type)).toEqual(["text-delta", "error"]);
    let calls = 0;
    const final = await collect(streamWithRetries(async function* () { calls++; yield failure(false); }, policy, undefined, () => {}));
    expect(final.map((part) => part.type)).toEqual(["error"]);
    expect(calls).toBe(1);
  });

  it("ends with an abort finish when the signal fires during the backoff", async () => {
    const controller = new AbortController();
    const parts = streamWithRetries(async function* () { controller.abort(); yield failure(true); }, { ...policy, retryDelayMs: 500 }, controller.signal, () => {});
    expect(await collect(parts)).toEqual([{ type: "finish", reason: "abort" }]);
  });
});
