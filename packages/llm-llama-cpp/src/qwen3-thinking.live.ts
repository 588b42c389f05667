import { describe, expect, it } from "vitest";
import type { LlmStreamPart } from "@voxpipe/core";
import { createLlamaCppLlm } from "./index.js";

// The Qwen3 thinking switch against a real Qwen3 model. Opt-in, because the
// model is 640 MB: set VOXPIPE_LLAMA_LIVE_MODEL to a Qwen3 GGUF file or URI, e.g.
//   VOXPIPE_LLAMA_LIVE_MODEL=hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf pnpm test:live
// (a URI is downloaded once into the cache, ~/.cache/voxpipe/models).
const model = process.env.VOXPIPE_LLAMA_LIVE_MODEL;
const skipReason = "set VOXPIPE_LLAMA_LIVE_MODEL to a Qwen3 GGUF path or hf: URI to run it; skipped";
if (!model) console.warn(`@voxpipe/llm-llama-cpp: Qwen3 live test: ${skipReason}.`);

async function run(thinking: boolean): Promise<LlmStreamPart[]> {
  const llm = createLlamaCppLlm({ model: model!, thinking, temperature: 0, contextSize: 2048, gpu: "auto" }, {
    configDir: process.cwd(),
    env: process.env,
    log: (level, message) => {
      if (level !== "debug") console.log(message);
    },
  });
  try {
    const parts: LlmStreamPart[] = [];
    for await (const part of llm.stream({ prompt: "In one short sentence: why is the sky blue?", maxTokens: 400 })) parts.push(part);
    return parts;
  } finally {
    await llm.dispose();
  }
}

const joined = (parts: LlmStreamPart[], type: "text-delta" | "reasoning-delta") =>
  parts.map((part) => (part.type === type ? part.text : "")).join("");

describe.skipIf(!model)(model ? "llama-cpp: Qwen3 thinking switch (live)" : `llama-cpp: Qwen3 thinking switch (live) — ${skipReason}`, () => {
  it("thinking off: an answer and no reasoning", async () => {
    const parts = await run(false);
    expect(parts.at(-1)?.type).toBe("finish");
    expect(joined(parts, "text-delta")).toMatch(/\w{3,}/);
    expect(joined(parts, "text-delta")).not.toMatch(/<\/?think>/);
    expect(joined(parts, "reasoning-delta").trim()).toBe("");
  }, 300_000);

  it("thinking on: reasoning parts first, then the answer, and no tags in the text", async () => {
    const parts = await run(true);
    expect(parts.at(-1)?.type).toBe("finish");
    expect(joined(parts, "reasoning-delta").trim().length).toBeGreaterThan(0);
    expect(joined(parts, "text-delta")).not.toMatch(/<\/?think>/);
    const firstText = parts.findIndex((part) => part.type === "text-delta" && part.text.trim() !== "");
    const lastReasoning = parts.findLastIndex((part) => part.type === "reasoning-delta");
    if (firstText >= 0) expect(lastReasoning).toBeLessThan(firstText);
  }, 300_000);
});
