import { describe, expect, it } from "vitest";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";

/** The `splitThinkTags` values a server adapter accepts (see ContentSplitter). */
export type SplitThinkTags = boolean | "starts-inside";

/** How to run the inline-`<think>` suite against one server adapter. */
export interface InlineThinkConformanceOptions {
  /** Suite title, e.g. the adapter id. */
  name: string;
  /**
   * Starts a server whose reply content arrives as exactly these pieces (one
   * chunk each, `delayMs` apart) and returns a provider for it, created with
   * `splitThinkTags` (left out: the adapter's default).
   */
  serveContent: (pieces: readonly string[], options: { delayMs?: number; splitThinkTags?: SplitThinkTags }) => Promise<LlmProvider>;
  /**
   * Starts a server that sends its reasoning in its own field (not inline)
   * and returns a provider created with `splitThinkTags: "starts-inside"`,
   * with the reasoning and answer text the server sends.
   */
  serveSeparateReasoning: () => Promise<{ provider: LlmProvider; reasoning: string; text: string }>;
  /** Per-test timeout. Default 10 s. */
  timeoutMs?: number;
}

const thought = "Okay, the user asks about colour.\n";
const answer = "Rayleigh scattering makes the daytime sky look blue.";
const inline = `<think>\n${thought}</think>\n\n${answer}`;

async function collectTimed(stream: AsyncIterable<LlmStreamPart>): Promise<{ parts: LlmStreamPart[]; at: number[] }> {
  const started = performance.now();
  const parts: LlmStreamPart[] = [];
  const at: number[] = [];
  for await (const part of stream) {
    parts.push(part);
    at.push(performance.now() - started);
  }
  return { parts, at };
}

const text = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.text : "")).join("");
const reasoning = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "reasoning-delta" ? part.text : "")).join("");
/** Part types with repeats collapsed: ["reasoning-delta", "text-delta", "finish"]. */
const kinds = (parts: LlmStreamPart[]): string[] => parts.map((part) => part.type).filter((type, i, all) => type !== all[i - 1]);

/**
 * Checks that a server adapter splits reasoning sent inline in the content as
 * `<think>…</think>` (servers without a reasoning parser) into
 * `reasoning-delta` parts, so the first `text-delta` is the answer.
 */
export function describeInlineThinkConformance(options: InlineThinkConformanceOptions): void {
  const timeout = options.timeoutMs ?? 10_000;
  const stream = async (pieces: readonly string[], serve: { delayMs?: number; splitThinkTags?: SplitThinkTags } = {}) =>
    collectTimed((await options.serveContent(pieces, serve)).stream({ prompt: "Why is the sky blue?" }));

  describe(`${options.name}: reasoning inline in the content as <think>…</think>`, () => {
    it.each([
      ["as a model streams it", ["<think>", "\n", ...thought.split(/(?<= )/), "</think>", "\n\n", "Rayleigh", ` ${answer.slice("Rayleigh ".length)}`]],
      ["with the tags cut across chunks", ["<thi", "nk>", `\n${thought}</`, "think", ">\n", "\nRay", answer.slice(3)]],
      ["one character per chunk", [...inline]],
      ["all in one chunk", [inline]],
    ])("streams the block as reasoning-delta parts, then the answer as text-delta parts, %s", async (_label, pieces) => {
      const { parts } = await stream(pieces);
      expect(kinds(parts)).toEqual(["reasoning-delta", "text-delta", "finish"]);
      expect(reasoning(parts)).toBe(thought);
      expect(text(parts)).toBe(answer);
    }, timeout);

    it("delivers the first text-delta when the answer starts, not when the think text does", async () => {
      const delayMs = 15;
      const pieces = ["<think>", "\n", ...thought.split(/(?<= )/), "</think>", "\n\n", "Rayleigh", ` ${answer.slice("Rayleigh ".length)}`];
      const { parts, at } = await stream(pieces, { delayMs });
      const firstText = parts.findIndex((part) => part.type === "text-delta");
      expect(parts[firstText]).toEqual({ type: "text-delta", text: "Rayleigh" });
      expect(at[firstText]).toBeGreaterThanOrEqual(pieces.indexOf("Rayleigh") * delayMs * 0.9);
      expect(at[parts.findIndex((part) => part.type === "reasoning-delta")]).toBeLessThan(at[firstText] as number);
    }, timeout);

    it("leaves a `<think>` later in the answer as text", async () => {
      const content = "Use the <think> tag. <think>x</think>";
      const { parts } = await stream([...content]);
      expect(text(parts)).toBe(content);
      expect(reasoning(parts)).toBe("");
    }, timeout);

    it("passes the content through as text with splitThinkTags: false", async () => {
      const { parts } = await stream([inline], { splitThinkTags: false });
      expect(text(parts)).toBe(inline);
      expect(reasoning(parts)).toBe("");
    }, timeout);

    it('takes the content up to </think> as reasoning with splitThinkTags: "starts-inside" (the template opened the block)', async () => {
      const { parts } = await stream([`${thought}</think>`, "\n\n", answer], { splitThinkTags: "starts-inside" });
      expect(reasoning(parts)).toBe(thought);
      expect(text(parts)).toBe(answer);
    }, timeout);

    it('does not swallow the answer with "starts-inside" when the server streams reasoning in its own field', async () => {
      const served = await options.serveSeparateReasoning();
      const { parts } = await collectTimed(served.provider.stream({ prompt: "Why is the sky blue?" }));
      expect(reasoning(parts)).toBe(served.reasoning);
      expect(text(parts)).toBe(served.text);
    }, timeout);
  });
}
