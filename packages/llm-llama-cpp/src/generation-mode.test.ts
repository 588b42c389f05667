import { describe, expect, it } from "vitest";
import { resolveChatWrapper, specializedChatWrapperTypeNames, LlamaText } from "node-llama-cpp";
import { chooseGenerationMode, planThinking, promptSuffix } from "./generation-mode.js";
import { chatWrapperNames, llamaCppOptionsSchema } from "./llama-cpp-options.js";

describe("chooseGenerationMode", () => {
  it("runs a GGUF without a chat template (a base model) in completion mode", () => {
    expect(chooseGenerationMode("auto", false)).toEqual({ kind: "completion" });
  });
  it("chats with the detected template when the GGUF has one", () => {
    expect(chooseGenerationMode("auto", true)).toEqual({ kind: "chat", wrapper: "auto" });
  });
  it("obeys an explicit choice either way", () => {
    expect(chooseGenerationMode("completion", true)).toEqual({ kind: "completion" });
    expect(chooseGenerationMode("llama2Chat", false)).toEqual({ kind: "chat", wrapper: "llama2Chat" });
  });
});

describe("chat wrapper names", () => {
  it("match the wrappers node-llama-cpp can resolve", () => {
    expect([...chatWrapperNames].sort()).toEqual([...specializedChatWrapperTypeNames, "jinjaTemplate"].sort());
  });
  it("are the only chatTemplate values the schema accepts", () => {
    expect(llamaCppOptionsSchema.safeParse({ chatTemplate: "qwen" }).success).toBe(true);
    expect(llamaCppOptionsSchema.safeParse({ chatTemplate: "qwen3" }).success).toBe(false);
  });
});

/** The text a chat wrapper renders for one user turn, special tokens as plain text. */
function render(thinking: boolean): string {
  const wrapper = resolveChatWrapper({ type: "qwen", customWrapperSettings: { qwen: planThinking(thinking).wrapperSettings.qwen } });
  if (!wrapper) throw new Error("no Qwen wrapper");
  const { contextText } = wrapper.generateContextState({ chatHistory: [{ type: "user", text: "Tell me a story." }, { type: "model", response: [] }] });
  return LlamaText(contextText).toString();
}

describe("Qwen3 thinking switch", () => {
  it("thinking off: the prompt ends with an empty think block, as Qwen3's template renders enable_thinking=false", () => {
    expect(render(false)).toMatch(/<\|im_start\|>assistant\n<think>\n\n<\/think>\n\n$/);
  });
  it("thinking on: the model is left free to open its own think block", () => {
    expect(render(true)).toMatch(/<\|im_start\|>assistant\n$/);
  });
  it("thinking off also caps thought segments at 0 tokens; on keeps the library's budget", () => {
    expect(planThinking(false).thoughtTokens).toBe(0);
    expect(planThinking(true).thoughtTokens).toBeUndefined();
  });
  it("adds Qwen3's /no_think soft switch only where the chat format has no flag", () => {
    expect(promptSuffix(false, "ChatML", "qwen3")).toBe(" /no_think");
    expect(promptSuffix(false, "Qwen", "qwen3")).toBe("");
    expect(promptSuffix(false, "JinjaTemplate", "qwen3")).toBe("");
    expect(promptSuffix(true, "ChatML", "qwen3")).toBe("");
    expect(promptSuffix(false, "ChatML", "llama")).toBe("");
  });
});
