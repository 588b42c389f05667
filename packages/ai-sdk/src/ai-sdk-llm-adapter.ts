import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { ConfigError, defineAdapter, type AdapterContext } from "@voxpipe/core";
import { z } from "zod";
import { llmFromAiSdk } from "./llm-from-ai-sdk.js";

/** Options of the `aiSdkLlm` adapter: an AI SDK provider package named in a voxpipe config. */
export const aiSdkLlmOptionsSchema = z
  .object({
    provider: z.string().min(1).describe('The AI SDK provider package, e.g. "@ai-sdk/anthropic" (installed beside the config), or a path to a module.'),
    model: z.string().min(1).describe('The model id, as that provider names it, e.g. "claude-sonnet-4-5".'),
    settings: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Settings for the package's create function (e.g. baseURL). Keys are best left to the environment variables the package reads."),
    system: z.string().optional().describe("A system prompt put before the conversation."),
    providerOptions: z.record(z.string(), z.record(z.string(), z.unknown())).optional().describe("Provider-specific options passed to every call, keyed by provider name."),
  })
  .strict();
export type AiSdkLlmOptions = z.input<typeof aiSdkLlmOptionsSchema>;

type ProviderLike = ((modelId: string) => LanguageModelV4) & { languageModel?: (modelId: string) => LanguageModelV4 };

const isProvider = (value: unknown): value is ProviderLike =>
  typeof value === "function" && typeof (value as { languageModel?: unknown }).languageModel === "function";

function resolveModule(specifier: string, searchFrom: readonly string[]): string | undefined {
  for (const dir of searchFrom) {
    if (specifier.startsWith(".") || path.isAbsolute(specifier)) return path.resolve(dir, specifier);
    try {
      return createRequire(path.join(dir, "noop.js")).resolve(specifier);
    } catch {
      // try the next folder
    }
  }
  return undefined;
}

function fail(message: string, cause?: unknown): never {
  throw new ConfigError(message, [message], cause);
}

/** Imports the provider package and picks its provider: `create…(settings)` when settings are given, else its default instance. */
async function loadLanguageModel(options: z.output<typeof aiSdkLlmOptionsSchema>, context: AdapterContext): Promise<LanguageModelV4> {
  const searchFrom = [context.configDir, process.cwd()];
  const resolved = resolveModule(options.provider, searchFrom);
  if (!resolved) fail(`llm.options.provider: cannot find the AI SDK provider package "${options.provider}". Looked in: ${searchFrom.join(", ")}. Install it beside your config (npm i ${options.provider}).`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    fail(`llm.options.provider: "${options.provider}" failed to load: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  const exports = Object.entries(module);
  let provider: ProviderLike | undefined;
  if (options.settings) {
    const factories = exports.filter(([name, value]) => /^create[A-Z]/.test(name) && typeof value === "function");
    if (factories.length !== 1) {
      fail(`llm.options.settings: "${options.provider}" should export one create… function to take the settings; it exports ${factories.length === 0 ? "none" : factories.map(([name]) => name).join(", ")}.`);
    }
    const made = (factories[0]![1] as (settings: unknown) => unknown)(options.settings);
    if (isProvider(made)) provider = made;
  } else {
    provider = exports.map(([, value]) => value).find(isProvider);
  }
  if (!provider) fail(`llm.options.provider: "${options.provider}" exports no AI SDK provider (a function with languageModel()); its exports are: ${exports.map(([name]) => name).join(", ") || "none"}.`);
  const model = provider.languageModel ? provider.languageModel(options.model) : provider(options.model);
  if (model.specificationVersion !== "v4") {
    fail(`llm.options.provider: "${options.provider}" gives language models of specification ${String(model.specificationVersion)}; voxpipe needs v4 (ai@7 provider packages).`);
  }
  return model;
}

/**
 * A voxpipe LLM adapter over any AI SDK provider package, for configs:
 *
 * ```yaml
 * llm: { use: "@voxpipe/ai-sdk#aiSdkLlm", options: { provider: "@ai-sdk/anthropic", model: "claude-sonnet-4-5" } }
 * ```
 */
export const aiSdkLlm = defineAdapter({
  kind: "llm",
  id: "ai-sdk",
  description: "Any AI SDK provider package (Anthropic, Google, Mistral, Groq, Bedrock, …) as the LLM",
  optionsSchema: aiSdkLlmOptionsSchema,
  async create(options, context) {
    const model = await loadLanguageModel(options, context);
    return llmFromAiSdk(model, {
      ...(options.system !== undefined ? { system: options.system } : {}),
      ...(options.providerOptions ? { providerOptions: options.providerOptions as never } : {}),
    });
  },
});
