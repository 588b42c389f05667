import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, createProvider, resolveAdapters, runPipeline, validateConfig, type LlmProvider, type TtsProvider } from "@voxpipe/core";
import { describe, expect, it } from "vitest";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__");
const context = { configDir: fixtures, env: {}, log: () => {} };

async function llmFromConfig(options: Record<string, unknown>): Promise<LlmProvider> {
  const config = validateConfig({ llm: { use: "@voxpipe/ai-sdk#aiSdkLlm", options }, tts: { use: "@voxpipe/core/testing#syntheticTts" } }, "test config");
  const resolved = await resolveAdapters(config, { searchFrom: [fixtures] });
  return createProvider<LlmProvider>(resolved.llm, context);
}

async function replyOf(llm: LlmProvider): Promise<string> {
  let text = "";
  for await (const part of llm.stream({ prompt: "hi" })) if (part.type === "text-delta") text += part.text;
  return text;
}

describe("the aiSdkLlm config adapter", () => {
  it("loads a provider package by name and uses its default instance", async () => {
    const llm = await llmFromConfig({ provider: "./mock-ai-sdk-provider.mjs", model: "mock-large" });
    expect(llm).toMatchObject({ id: "ai-sdk:mock-ai", model: "mock-large" });
    expect(await replyOf(llm)).toBe("Hello from the mock provider.");
  });

  it("calls the package's create… function with `settings`", async () => {
    const llm = await llmFromConfig({ provider: "./mock-ai-sdk-provider.mjs", model: "m", settings: { reply: "Configured reply." } });
    expect(await replyOf(llm)).toBe("Configured reply.");
  });

  it("runs a whole pipeline from the config", async () => {
    const config = validateConfig({ llm: { use: "@voxpipe/ai-sdk#aiSdkLlm", options: { provider: "./mock-ai-sdk-provider.mjs", model: "m" } }, tts: { use: "@voxpipe/core/testing#syntheticTts" } }, "test config");
    const resolved = await resolveAdapters(config, { searchFrom: [fixtures] });
    const llm = await createProvider<LlmProvider>(resolved.llm, context);
    const tts = await createProvider<TtsProvider>(resolved.tts[0]!, context);
    const types = new Set<string>();
    for await (const event of runPipeline({ llm, tts, request: { prompt: "hi" } })) types.add(event.type);
    expect([...types]).toEqual(expect.arrayContaining(["segment", "audio", "finish"]));
    expect(types.has("error")).toBe(false);
  });

  it("says to install a provider package it cannot find", async () => {
    const error = await llmFromConfig({ provider: "@ai-sdk/not-installed", model: "m" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/cannot find the AI SDK provider package "@ai-sdk\/not-installed".*npm i @ai-sdk\/not-installed/);
  });

  it("rejects a misspelt option with the key path", async () => {
    const error = await llmFromConfig({ provider: "./mock-ai-sdk-provider.mjs", modle: "m" }).catch((e: unknown) => e);
    expect((error as ConfigError).issues.join("\n")).toMatch(/llm\.options/);
  });
});
