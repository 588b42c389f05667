// Live checks against a real OpenAI-compatible server: `pnpm test:live`. Reads OPENAI_BASE_URL
// (e.g. http://127.0.0.1:8000/v1; default https://api.openai.com/v1 when OPENAI_API_KEY is set),
// OPENAI_API_KEY (optional for local servers) and OPENAI_MODEL (default: the first of GET /models).
// Skips, saying why, when no server is configured or none answers.
import type { LlmStreamPart } from "@voxpipe/core";
import { describeLlmConformance } from "@voxpipe/core/conformance";
import { describe, expect, it } from "vitest";
import { createOpenAiLlm } from "./create-openai.js";

const env = process.env;

async function findTarget(): Promise<{ baseURL: string; model: string } | { skip: string }> {
  const baseURL = (env["OPENAI_BASE_URL"] || (env["OPENAI_API_KEY"] ? "https://api.openai.com/v1" : "")).replace(/\/+$/, "");
  if (!baseURL) return { skip: "set OPENAI_BASE_URL (and OPENAI_MODEL, OPENAI_API_KEY if the server needs one) to run these checks" };
  try {
    const response = await fetch(`${baseURL}/models`, { headers: env["OPENAI_API_KEY"] ? { Authorization: `Bearer ${env["OPENAI_API_KEY"]}` } : {}, signal: AbortSignal.timeout(3_000) });
    const listed = response.ok ? ((await response.json()) as { data?: { id: string }[] }).data ?? [] : [];
    const model = env["OPENAI_MODEL"] || listed[0]?.id;
    return model ? { baseURL, model } : { skip: `${baseURL}/models answered ${response.status} with no model; set OPENAI_MODEL` };
  } catch (error) {
    return { skip: `no server answered at ${baseURL} (${(error as Error).message})` };
  }
}

const target = await findTarget();

if ("skip" in target) {
  console.warn(`[llm-openai live] skipped: ${target.skip}`);
  describe("llm-openai live", () => {
    it.skip(`skipped: ${target.skip}`, () => {});
  });
} else {
  const { baseURL, model } = target;
  const request = { prompt: "Tell me a two-sentence story about a lighthouse.", maxTokens: 200 };
  describeLlmConformance({ name: `openai live (${baseURL}, ${model})`, create: () => createOpenAiLlm({ baseURL, model }, { env }), request, abortWithinMs: 1_000, timeoutMs: 120_000 });

  describe(`llm-openai live (${baseURL})`, () => {
    it("never puts the API key in an error message", async () => {
      const key = "sk-voxpipe-live-check-not-a-real-key-000";
      const parts: LlmStreamPart[] = [];
      for await (const part of createOpenAiLlm({ baseURL, model: "voxpipe-no-such-model", apiKey: key, retries: 0 }).stream({ prompt: "Hi", maxTokens: 5 })) parts.push(part);
      const last = parts.at(-1);
      // Local servers may ignore both the key and the model; then there is no error to check.
      if (last?.type === "error") {
        expect(["llm-auth", "llm-model-not-found", "llm-bad-request"]).toContain(last.error.code);
        expect(last.error.message).not.toContain(key);
      }
    });
  });
}
