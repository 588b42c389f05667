// Live checks against a real Ollama server: `pnpm test:live`. Reads OLLAMA_HOST (default
// http://127.0.0.1:11434) and OLLAMA_MODEL (default: the first model the server lists).
// Skips, saying why, when no server answers or it has no model.
import type { LlmStreamPart } from "@voxpipe/core";
import { describeLlmConformance } from "@voxpipe/core/conformance";
import { describe, expect, it } from "vitest";
import { createOllamaLlm, normalizeHost } from "./create-ollama.js";

const host = normalizeHost(process.env["OLLAMA_HOST"] || "http://127.0.0.1:11434");

async function findTarget(): Promise<{ model: string } | { skip: string }> {
  try {
    const response = await fetch(`${host}/api/tags`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return { skip: `${host}/api/tags answered ${response.status}` };
    const models = ((await response.json()) as { models?: { name: string }[] }).models ?? [];
    const model = process.env["OLLAMA_MODEL"] || models[0]?.name;
    return model ? { model } : { skip: `Ollama at ${host} has no models (run \`ollama pull llama3.2\` or set OLLAMA_MODEL)` };
  } catch (error) {
    return { skip: `no Ollama server answered at ${host} (${(error as Error).message}); start \`ollama serve\` or set OLLAMA_HOST` };
  }
}

const target = await findTarget();

if ("skip" in target) {
  console.warn(`[llm-ollama live] skipped: ${target.skip}`);
  describe("llm-ollama live", () => {
    it.skip(`skipped: ${target.skip}`, () => {});
  });
} else {
  const request = { prompt: "Tell me a two-sentence story about a lighthouse.", maxTokens: 200 };
  describeLlmConformance({ name: `ollama live (${host}, ${target.model})`, create: () => createOllamaLlm({ host, model: target.model }), request, abortWithinMs: 1_000, timeoutMs: 180_000 });

  describe(`llm-ollama live (${host})`, () => {
    it("reports an unknown model as llm-model-not-found with `ollama pull`", async () => {
      const parts: LlmStreamPart[] = [];
      for await (const part of createOllamaLlm({ host, model: "voxpipe-no-such-model:404", retries: 0 }).stream({ prompt: "Hi" })) parts.push(part);
      const last = parts.at(-1);
      expect(last?.type).toBe("error");
      if (last?.type === "error") {
        expect(last.error.code).toBe("llm-model-not-found");
        expect(last.error.message).toContain("ollama pull voxpipe-no-such-model:404");
      }
    });
  });
}
