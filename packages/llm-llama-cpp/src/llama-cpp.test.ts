import { copyFile, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelNotFoundError, VoxpipeError, type AdapterContext, type LlmProvider, type LlmRequest, type LlmStreamPart } from "@voxpipe/core";
import { describeLlmConformance } from "@voxpipe/core/conformance";
import { modelFiles } from "@voxpipe/core/testing";
import { createLlamaCppLlm, type LlamaCppOptions } from "./index.js";
import adapter from "./index.js";
import { collect } from "@voxpipe/core/testing";

// Real-model tests: stories260K (no chat template, so completion mode) from $VOXPIPE_MODELS_DIR.
const models = modelFiles(["llm/stories260K.gguf", "llm/llama-2-tiny-random.gguf", "tts/piper-test-voice-silent.onnx.json"]);
const modelsDir = models.dir;
const testOptions = { model: "llm/stories260K.gguf", contextSize: 512, threads: 1, gpu: false, build: "never" } satisfies LlamaCppOptions;

function contextFor(logs: string[] = []): AdapterContext {
  return { configDir: "/nonexistent-config-dir", env: { VOXPIPE_MODELS_DIR: modelsDir, HOME: tmpdir() }, log: (level, message) => logs.push(`${level}: ${message}`) };
}

function stories(options: Partial<LlamaCppOptions> = {}, logs?: string[]) {
  return createLlamaCppLlm({ ...testOptions, ...options }, contextFor(logs));
}

const textOf = (parts: LlmStreamPart[]) => parts.map((p) => (p.type === "text-delta" ? p.text : "")).join("");

/**
 * A provider that fails mid-stream for real: after the first text it disposes
 * the llama.cpp provider under the running generation, which must end that
 * stream with an `error` part (stage `llm`) after the text already sent.
 */
function disposedMidStream(): LlmProvider {
  const inner = stories();
  return {
    id: inner.id,
    model: inner.model,
    async *stream(request: LlmRequest) {
      let disposing: Promise<void> | undefined;
      for await (const part of inner.stream(request)) {
        yield part;
        if (part.type === "text-delta") disposing ??= inner.dispose();
      }
      await disposing;
    },
    dispose: () => inner.dispose(),
  };
}

describe.skipIf(models.skipReason)(models.title("llama-cpp conformance"), () => {
  describeLlmConformance({
    name: "llama-cpp (stories260K, completion mode)",
    create: () => stories(),
    createFailing: disposedMidStream,
    request: { prompt: "Once upon a time", maxTokens: 64 },
  });
});

describe.skipIf(models.skipReason)(models.title("llama-cpp on stories260K"), () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "voxpipe-llama-test-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("writes real story text, deterministically when greedy", async () => {
    const provider = stories({ temperature: 0 });
    try {
      const first = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 60 }));
      const second = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 60 }));
      expect(textOf(first)).toMatch(/^, there was a little girl named Lily\./);
      expect(textOf(second)).toBe(textOf(first));
      expect(first.at(-1)).toEqual({ type: "finish", reason: "length", usage: { inputTokens: expect.any(Number), outputTokens: 60 } });
    } finally {
      await provider.dispose();
    }
  });

  it("streams token by token, not in sentences", async () => {
    const provider = stories();
    try {
      const parts = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 40 }));
      const texts = parts.filter((p) => p.type === "text-delta");
      expect(texts.length).toBeGreaterThan(20);
    } finally {
      await provider.dispose();
    }
  });

  it("abort mid-generation: stops at once, nothing after, finish reason abort, and the provider works again", async () => {
    const provider = stories();
    try {
      const controller = new AbortController();
      const parts: LlmStreamPart[] = [];
      for await (const part of provider.stream({ prompt: "Once upon a time", maxTokens: 400, signal: controller.signal })) {
        parts.push(part);
        if (part.type === "text-delta" && parts.length === 5) controller.abort();
      }
      // Nothing after the abort but the finish; the next request runs (the context was not kept busy by the first).
      expect(parts).toHaveLength(6);
      expect(parts.at(-1)).toMatchObject({ type: "finish", reason: "abort" });
      const again = await collect(provider.stream({ prompt: "One day", maxTokens: 10 }));
      expect(again.at(-1)).toMatchObject({ type: "finish", reason: "length" });
    } finally {
      await provider.dispose();
    }
  });

  it("a consumer that stops reading (break) stops generation and frees the turn", async () => {
    const provider = stories();
    try {
      for await (const part of provider.stream({ prompt: "Once upon a time", maxTokens: 400 })) {
        if (part.type === "text-delta") break;
      }
      const next = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 5 }));
      expect(next.at(-1)).toMatchObject({ type: "finish", reason: "length" });
    } finally {
      await provider.dispose();
    }
  });

  it("bad path: one error part whose message lists every place looked in", async () => {
    const provider = stories({ model: "models/no-such-model.gguf" });
    try {
      const parts = await collect(provider.stream({ prompt: "Once upon a time" }));
      expect(parts).toHaveLength(1);
      const part = parts[0];
      if (part?.type !== "error") throw new Error(`expected an error part, got ${part?.type}`);
      expect(part.error).toBeInstanceOf(ModelNotFoundError);
      expect(part.error.stage).toBe("llm");
      expect(part.error.message).toContain("/nonexistent-config-dir/models/no-such-model.gguf");
      expect(part.error.message).toContain(models.path("llm/no-such-model.gguf"));
      expect(part.error.message).toContain(path.join(tmpdir(), ".cache", "voxpipe", "models", "no-such-model.gguf"));
      expect(part.error.message).toContain("hf:");
    } finally {
      await provider.dispose();
    }
  });

  it("truncated model: an error naming the file, no crash or hang, and the next request fails the same way", async () => {
    const truncated = path.join(scratch, "stories260K-truncated.gguf");
    const source = await open(models.path("llm/stories260K.gguf"));
    const half = Buffer.alloc(600_000);
    await source.read(half, 0, half.length, 0);
    await source.close();
    const target = await open(truncated, "w");
    await target.write(half);
    await target.close();
    const provider = stories({ model: truncated });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const parts = await collect(provider.stream({ prompt: "Once upon a time" }));
        expect(parts).toHaveLength(1);
        const part = parts[0];
        if (part?.type !== "error") throw new Error(`expected an error part, got ${part?.type}`);
        expect(VoxpipeError.isInstance(part.error)).toBe(true);
        expect(part.error.code).toBe("llm-invalid-model");
        expect(part.error.message).toContain(truncated);
        expect(part.error.message).toMatch(/truncated/);
      }
    } finally {
      await provider.dispose();
    }
  });

  it("a file that is not GGUF at all: an error naming the file", async () => {
    const notGguf = path.join(scratch, "voice.gguf");
    await copyFile(models.path("tts/piper-test-voice-silent.onnx.json"), notGguf);
    const provider = stories({ model: notGguf });
    try {
      const parts = await collect(provider.stream({ prompt: "Once upon a time" }));
      expect(parts[0]).toMatchObject({ type: "error", error: { code: "llm-invalid-model" } });
      if (parts[0]?.type === "error") expect(parts[0].error.message).toContain(notGguf);
    } finally {
      await provider.dispose();
    }
  });

  it("two concurrent requests queue on the one sequence: both complete, the second starts after the first ends", async () => {
    const provider = stories({ temperature: 0 });
    try {
      const events: string[] = [];
      const run = async (name: string, prompt: string) => {
        const parts: LlmStreamPart[] = [];
        for await (const part of provider.stream({ prompt, maxTokens: 30 })) {
          if (parts.length === 0) events.push(`${name}:first`);
          parts.push(part);
        }
        events.push(`${name}:end`);
        return parts;
      };
      const [a, b] = await Promise.all([run("a", "Once upon a time"), run("b", "One day")]);
      expect(a.at(-1)).toMatchObject({ type: "finish", reason: "length" });
      expect(b.at(-1)).toMatchObject({ type: "finish", reason: "length" });
      expect(textOf(a)).toMatch(/^, there was a little girl named Lily/);
      expect(textOf(b).length).toBeGreaterThan(20);
      expect(events).toEqual(["a:first", "a:end", "b:first", "b:end"]);
      // The same prompts alone give the same text: queued requests do not disturb each other.
      expect(textOf(await collect(provider.stream({ prompt: "One day", maxTokens: 30 })))).toBe(textOf(b));
    } finally {
      await provider.dispose();
    }
  });

  it("a queued request aborted while waiting ends at once and does not block the queue", async () => {
    const provider = stories();
    try {
      const controller = new AbortController();
      const first = collect(provider.stream({ prompt: "Once upon a time", maxTokens: 200 }));
      const second = collect(provider.stream({ prompt: "One day", maxTokens: 200, signal: controller.signal }));
      controller.abort();
      expect(await second).toEqual([{ type: "finish", reason: "abort" }]);
      expect((await first).at(-1)).toMatchObject({ type: "finish", reason: "length" });
    } finally {
      await provider.dispose();
    }
  });

  it("loads the model once and reuses it across requests", async () => {
    const logs: string[] = [];
    const provider = stories({}, logs);
    try {
      await Promise.all([collect(provider.stream({ prompt: "A", maxTokens: 5 })), collect(provider.stream({ prompt: "B", maxTokens: 5 }))]);
      for (let i = 0; i < 3; i++) await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 5 }));
      expect(logs.filter((line) => line.includes("loaded model"))).toHaveLength(1);
    } finally {
      await provider.dispose();
    }
  });

  it("load() warms up: the model loads before the first request, and only once", async () => {
    const logs: string[] = [];
    const provider = stories({}, logs);
    try {
      await provider.load();
      expect(logs.filter((line) => line.includes("loaded model"))).toHaveLength(1);
      const parts = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 5 }));
      expect(parts.at(-1)).toMatchObject({ type: "finish" });
      expect(logs.filter((line) => line.includes("loaded model"))).toHaveLength(1);
      await expect(stories({ model: "missing.gguf" }).load()).rejects.toMatchObject({ code: "model-not-found" });
    } finally {
      await provider.dispose();
    }
  });

  it("memory stays flat over 50 sequential requests", async () => {
    const provider = stories();
    try {
      for (let i = 0; i < 5; i++) await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 50 }));
      const before = process.memoryUsage().rss;
      for (let i = 0; i < 50; i++) {
        const parts = await collect(provider.stream({ prompt: `Once upon a time ${i}`, maxTokens: 50 }));
        expect(parts.at(-1)?.type).toBe("finish");
      }
      const growthMb = (process.memoryUsage().rss - before) / 1024 / 1024;
      expect(growthMb).toBeLessThan(64);
    } finally {
      await provider.dispose();
    }
  }, 60_000);

  it("dispose frees the model; a later request gets an error part, and dispose is idempotent", async () => {
    const provider = stories();
    await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 5 }));
    await provider.dispose();
    await provider.dispose();
    const parts = await collect(provider.stream({ prompt: "Once upon a time" }));
    expect(parts).toMatchObject([{ type: "error", error: { code: "llm-provider-disposed", stage: "llm" } }]);
  });

  it("conversation messages: completion mode continues their text", async () => {
    const provider = stories({ temperature: 0, systemPrompt: "not used by a base model" });
    try {
      const fromMessages = await collect(provider.stream({ messages: [{ role: "system", content: "Tell stories." }, { role: "user", content: "Once upon a time" }], maxTokens: 20 }));
      const fromPrompt = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 20 }));
      expect(textOf(fromMessages)).toBe(textOf(fromPrompt));
    } finally {
      await provider.dispose();
    }
  });

  it("chat mode when forced (`chatTemplate: llama2Chat`): streams text through LlamaChatSession", async () => {
    const logs: string[] = [];
    const provider = stories({ chatTemplate: "llama2Chat", systemPrompt: "You tell stories." }, logs);
    try {
      const parts = await collect(provider.stream({ prompt: "Tell me a story about a cat.", maxTokens: 30 }));
      expect(parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(1);
      expect(parts.at(-1)?.type).toBe("finish");
      expect(logs.some((line) => line.includes("Llama2Chat format"))).toBe(true);
    } finally {
      await provider.dispose();
    }
  });

  it("never emits a split or invalid character (llama-2-tiny-random: 32,000-token multilingual vocabulary, random weights)", async () => {
    const provider = stories({ model: "llm/llama-2-tiny-random.gguf", temperature: 1.5, topK: 32_000, topP: 1 });
    try {
      let nonAscii = 0;
      for (let seed = 1; seed <= 3; seed++) {
        const parts = await collect(provider.stream({ prompt: "こんにちは、世界。Ünïcödé ", maxTokens: 120, seed }));
        expect(parts.at(-1)?.type).toBe("finish");
        for (const part of parts) if (part.type === "text-delta") expect(part.text).not.toMatch(/\uFFFD/);
        nonAscii += [...textOf(parts)].filter((char) => char.codePointAt(0)! > 127).length;
      }
      expect(nonAscii).toBeGreaterThan(0);
    } finally {
      await provider.dispose();
    }
  });

  it("the adapter definition validates options and creates the same provider", async () => {
    expect(adapter.kind).toBe("llm");
    expect(adapter.id).toBe("llama-cpp");
    const options = adapter.optionsSchema.parse(testOptions);
    expect(options).toMatchObject({ build: "never", gpu: false, chatTemplate: "auto", thinking: false, download: "auto" });
    const provider = await adapter.create(options, contextFor());
    try {
      const parts = await collect(provider.stream({ prompt: "Once upon a time", maxTokens: 10 }));
      expect(parts.at(-1)).toMatchObject({ type: "finish" });
      expect(provider.model).toBe("stories260K.gguf");
    } finally {
      await provider.dispose?.();
    }
  });
});
