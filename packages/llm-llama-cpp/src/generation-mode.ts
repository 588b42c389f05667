import type { ChatWrapperName } from "./llama-cpp-options.js";

/** How requests are turned into model input. */
export type GenerationMode =
  /** Continue the prompt text (base models without a chat template). */
  | { kind: "completion" }
  /** Format messages with a chat wrapper; `auto` picks it from the GGUF's template. */
  | { kind: "chat"; wrapper: "auto" | ChatWrapperName };

/**
 * Picks the mode from the `chatTemplate` option and whether the GGUF has a
 * chat template (`tokenizer.chat_template`). A base model has none: it is run
 * in completion mode, since a made-up chat format only confuses it.
 */
export function chooseGenerationMode(chatTemplate: "auto" | "completion" | ChatWrapperName, ggufHasChatTemplate: boolean): GenerationMode {
  if (chatTemplate === "completion") return { kind: "completion" };
  if (chatTemplate === "auto") return ggufHasChatTemplate ? { kind: "chat", wrapper: "auto" } : { kind: "completion" };
  return { kind: "chat", wrapper: chatTemplate };
}

/** The settings that turn a reasoning model's thinking on or off. */
export interface ThinkingPlan {
  /** Passed to node-llama-cpp's `resolveChatWrapper` as `customWrapperSettings`. */
  wrapperSettings: {
    qwen: { thoughts: "auto" | "discourage" };
    jinjaTemplate: { reasoning: boolean };
    seed: { thinkingBudget: number | null };
  };
  /** `budgets.thoughtTokens` for each prompt: 0 closes any thought segment at once; undefined keeps the library default. */
  thoughtTokens: number | undefined;
}

/**
 * Thinking on or off, using each model's own switch: Qwen3's template flag
 * (an empty `<think></think>` block before the answer, what `enable_thinking:
 * false` renders), a Jinja template's `enable_thinking`, Seed's thinking budget,
 * and for every wrapper a thought budget of 0 tokens as a backstop.
 */
export function planThinking(thinking: boolean): ThinkingPlan {
  return {
    wrapperSettings: {
      qwen: { thoughts: thinking ? "auto" : "discourage" },
      jinjaTemplate: { reasoning: thinking },
      seed: { thinkingBudget: thinking ? null : 0 },
    },
    thoughtTokens: thinking ? undefined : 0,
  };
}

/** Wrappers whose thinking switch {@link planThinking} sets through the template. */
const wrappersWithThinkingFlag = new Set(["Qwen", "JinjaTemplate", "Seed"]);

/**
 * Text to append to the user's message: Qwen3's soft switch ` /no_think`, for
 * a Qwen3 model run with a chat format that has no thinking flag (e.g. a forced
 * `chatML`). Empty otherwise.
 */
export function promptSuffix(thinking: boolean, wrapperName: string, architecture: string | undefined): string {
  if (thinking || wrappersWithThinkingFlag.has(wrapperName)) return "";
  return architecture?.toLowerCase().startsWith("qwen3") ? " /no_think" : "";
}
