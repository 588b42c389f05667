import { describe, expect, it } from "vitest";
import type { LlamaChatResponseChunk } from "node-llama-cpp";
import { finishReason, generate, withoutInvalidBytes } from "./generate.js";
import { planThinking } from "./generation-mode.js";
import type { LlamaRuntime } from "./llama-runtime.js";
import type { SortedText } from "./generate.js";

const sampling = { temperature: 0, topP: 1, topK: 1, maxTokens: 50, seed: undefined };

function textChunk(text: string): LlamaChatResponseChunk {
  return { type: undefined, segmentType: undefined, text, tokens: [1 as never] };
}
function thoughtChunk(text: string): LlamaChatResponseChunk {
  return { type: "segment", segmentType: "thought", text, tokens: [1 as never], segmentStartTime: undefined, segmentEndTime: undefined } as LlamaChatResponseChunk;
}

/** A chat runtime whose session replays chunks the way a Qwen3 model with a think block would stream them. */
function fakeChatRuntime(chunks: LlamaChatResponseChunk[], thinking: boolean, suffix = "") {
  const calls: { history: unknown[]; prompt: string; options: Record<string, unknown> }[] = [];
  let history: unknown[] = [];
  const session = {
    setChatHistory: (items: unknown[]) => (history = items),
    promptWithMeta: async (prompt: string, options: { onResponseChunk: (chunk: LlamaChatResponseChunk) => void } & Record<string, unknown>) => {
      calls.push({ history, prompt, options });
      for (const chunk of chunks) options.onResponseChunk(chunk);
      return { stopReason: "eogToken" };
    },
  };
  const runtime = { generator: { kind: "chat", session, wrapperName: "Qwen", thinking: planThinking(thinking), promptSuffix: suffix } } as unknown as LlamaRuntime;
  return { runtime, calls };
}

describe("generate (chat mode, reasoning models)", () => {
  it("sends thought segments as reasoning, never as text", async () => {
    const { runtime } = fakeChatRuntime([thoughtChunk("The user wants "), thoughtChunk("a story."), textChunk("Once upon"), textChunk(" a time.")], true);
    const parts: SortedText[] = [];
    const outcome = await generate(runtime, { prompt: "Tell me a story." }, sampling, undefined, new AbortController().signal, (part) => parts.push(part));
    expect(parts.filter((p) => p.type === "text-delta").map((p) => p.text).join("")).toBe("Once upon a time.");
    expect(parts.filter((p) => p.type === "reasoning-delta").map((p) => p.text).join("")).toBe("The user wants a story.");
    expect(outcome).toEqual({ reason: "stop", inputTokens: undefined, outputTokens: 4 });
  });

  it("also catches a leading <think> block that arrives as plain text (a format without thought segments)", async () => {
    const { runtime } = fakeChatRuntime([textChunk("<thi"), textChunk("nk>hmm</think>\n\nHello"), textChunk("!")], true);
    const parts: SortedText[] = [];
    await generate(runtime, { prompt: "Hi" }, sampling, undefined, new AbortController().signal, (part) => parts.push(part));
    // core's ThinkTagSplitter, as in the server adapters: the whitespace after the block is dropped, so the first text is the answer.
    expect(parts.filter((p) => p.type === "text-delta").map((p) => p.text).join("")).toBe("Hello!");
    expect(parts.filter((p) => p.type === "reasoning-delta").map((p) => p.text).join("")).toBe("hmm");
  });

  it("thinking off: asks for a 0-token thought budget and appends the model's soft switch", async () => {
    const { runtime, calls } = fakeChatRuntime([textChunk("Hi.")], false, " /no_think");
    await generate(runtime, { messages: [{ role: "user", content: "Say hi." }] }, sampling, "Be brief.", new AbortController().signal, () => {});
    expect(calls[0]?.prompt).toBe("Say hi. /no_think");
    expect(calls[0]?.options.budgets).toEqual({ thoughtTokens: 0 });
    expect(calls[0]?.history).toEqual([{ type: "system", text: "Be brief." }]);
  });

  it("passes the conversation before the last user message as history", async () => {
    const { runtime, calls } = fakeChatRuntime([textChunk("Fine.")], false);
    await generate(runtime, {
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "Hello" },
        { role: "assistant", content: "Hi." },
        { role: "user", content: "How are you?" },
      ],
    }, sampling, "ignored: the request has its own", new AbortController().signal, () => {});
    expect(calls[0]?.history).toEqual([
      { type: "system", text: "You are terse." },
      { type: "user", text: "Hello" },
      { type: "model", response: ["Hi."] },
    ]);
    expect(calls[0]?.prompt).toBe("How are you?");
    expect(calls[0]?.options).toMatchObject({ stopOnAbortSignal: true, maxTokens: 50, temperature: 0 });
  });
});

describe("finishReason", () => {
  it("maps node-llama-cpp stop reasons", () => {
    expect(finishReason("eogToken")).toBe("stop");
    expect(finishReason("stopGenerationTrigger")).toBe("stop");
    expect(finishReason("maxTokens")).toBe("length");
    expect(finishReason("abort")).toBe("abort");
    expect(finishReason("functionCalls")).toBe("other");
  });
});

describe("withoutInvalidBytes", () => {
  it("drops the replacement character a non-UTF-8 byte decodes to, and keeps real multi-byte text", () => {
    expect(withoutInvalidBytes("\uFFFDCD")).toBe("CD");
    expect(withoutInvalidBytes("こんにちは Ünïcödé 😀")).toBe("こんにちは Ünïcödé 😀");
  });
});
