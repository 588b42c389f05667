import { describe, expect, it } from "vitest";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import { startReply } from "./read-reply.js";

/** A TEST DOUBLE LLM that records when its stream starts and ends, replaying `parts`. */
function recordingLlm(parts: LlmStreamPart[]) {
  const seen = { started: false, closed: false };
  const llm: LlmProvider = {
    id: "recording (test double)",
    model: "parts",
    async *stream() {
      seen.started = true;
      try {
        for (const part of parts) yield part;
        // A stream that would go on: only closing it ends it.
        await new Promise(() => undefined);
      } finally {
        seen.closed = true;
      }
    },
  };
  return { llm, seen };
}

const noTimeouts = { llmFirstTokenMs: 0, llmIdleMs: 0 };

describe("startReply", () => {
  it("asks the LLM at once; its text reaches the handlers only when read", async () => {
    const { llm, seen } = recordingLlm([{ type: "text-delta", text: "Hello" }, { type: "text-delta", text: " there." }, { type: "finish" }]);
    const reply = startReply({ llm, request: { prompt: "hi" }, signal: new AbortController().signal, timeouts: noTimeouts });
    expect(seen.started).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    const texts: string[] = [];
    const failure = await reply.read({ onText: async (text) => void texts.push(text), onReasoning: () => undefined });
    expect([failure, texts.join(""), seen.closed]).toEqual([undefined, "Hello there.", true]);
  });

  it("a handler that throws ends the read with an LLM failure and closes the stream", async () => {
    const { llm, seen } = recordingLlm([{ type: "text-delta", text: "Hello" }, { type: "text-delta", text: " again" }]);
    const reply = startReply({ llm, request: { prompt: "hi" }, signal: new AbortController().signal, timeouts: noTimeouts });
    const failure = await reply.read({
      onText: async () => {
        throw new Error("consumer broke");
      },
      onReasoning: () => undefined,
    });
    expect([failure?.stage, failure?.code, failure?.message.includes("consumer broke"), seen.closed]).toEqual(["llm", "llm-failed", true, true]);
  });

  it("an LLM whose stream() throws at once is a failure of the read, not an unhandled rejection", async () => {
    const llm: LlmProvider = {
      id: "throwing (test double)",
      model: "none",
      stream: () => {
        throw new Error("no connection");
      },
    };
    const reply = startReply({ llm, request: { prompt: "hi" }, signal: new AbortController().signal, timeouts: noTimeouts });
    await new Promise((resolve) => setImmediate(resolve));
    const failure = await reply.read({ onText: async () => undefined, onReasoning: () => undefined });
    expect([failure?.code, failure?.message.includes("no connection")]).toEqual(["llm-failed", true]);
  });

  it("the first-token limit runs from the start, not from the read", async () => {
    const { llm } = recordingLlm([]);
    const reply = startReply({ llm, request: { prompt: "hi" }, signal: new AbortController().signal, timeouts: { llmFirstTokenMs: 20, llmIdleMs: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 40));
    let settled = false;
    const reading = reply.read({ onText: async () => undefined, onReasoning: () => undefined }).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
    expect((await reading)?.code).toBe("llm-timeout");
  });
});
