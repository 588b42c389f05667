import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { TtsRequest } from "../tts/tts-request.js";
import { createLogger } from "../logging/logger.js";
import { Redactor } from "./redactor.js";
import { redactingLlm, redactingLogger, redactingTts } from "./redacting-providers.js";

const key = "key-0123456789";
const redactor = new Redactor([key]);
const leak = (code: string): VoxpipeError => new VoxpipeError({ code, stage: "llm", message: `server echoed ${key}` });

// Test doubles: providers that leak the key in everything they report.
const leakyLlm: LlmProvider = {
  id: "leaky",
  model: `model-${key}`,
  async *stream() {
    yield { type: "text-delta", text: "Hi." };
    yield { type: "error", error: leak("llm-auth") };
  },
  load: async () => Promise.reject(leak("llm-load")),
};

class LeakyTts implements TtsProvider {
  readonly id = "leaky";
  readonly voice = "v";
  readonly format = { sampleRate: 16000, channels: 1 };
  readonly streaming = "fragments" as const;
  readonly #calls: string[] = [];
  async *synthesize(_request: TtsRequest) {
    this.#calls.push("synthesize");
    yield { pcm: new Float32Array(4), sampleRate: 16000, channels: 1 };
    throw leak("tts-auth");
  }
  calls(): number {
    return this.#calls.length;
  }
}

describe("redactingLlm / redactingTts / redactingLogger", () => {
  it("masks error parts, thrown errors and names, and passes other parts through", async () => {
    const llm = redactingLlm(leakyLlm, redactor);
    const parts: LlmStreamPart[] = [];
    for await (const part of llm.stream({ prompt: "x" })) parts.push(part);
    expect(parts[0]).toEqual({ type: "text-delta", text: "Hi." });
    expect(parts[1]?.type === "error" && parts[1].error.message).toBe("server echoed ***");
    expect(llm.model).toBe("model-***");
    await expect(llm.load!()).rejects.toThrow("server echoed ***");
  });

  it("keeps a class-based provider's other members working (private fields included)", async () => {
    const inner = new LeakyTts();
    const tts = redactingTts(inner, redactor) as LeakyTts;
    const chunks: unknown[] = [];
    await expect(async () => {
      for await (const chunk of tts.synthesize({ text: "x" })) chunks.push(chunk);
    }).rejects.toThrow("server echoed ***");
    expect(chunks).toHaveLength(1);
    expect(tts.calls()).toBe(1);
    expect(tts).toBeInstanceOf(LeakyTts);
  });

  it("masks every log line", () => {
    const lines: string[] = [];
    redactingLogger(createLogger("debug", (line) => lines.push(line)), redactor).warn(`retrying with ${key}`);
    expect(lines).toEqual(["[voxpipe] warn: retrying with ***"]);
  });
});
