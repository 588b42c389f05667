import { describe, expect, it } from "vitest";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmRequest } from "../llm/llm-request.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { collect } from "../testing/collect.js";

/** How to run the LLM conformance suite against one adapter. */
export interface LlmConformanceOptions {
  /** Suite title, e.g. the adapter id. */
  name: string;
  /** Builds a provider that streams a reply of at least a few dozen characters. */
  create: () => LlmProvider | Promise<LlmProvider>;
  /** The request to send; defaults to a short prompt. */
  request?: Omit<LlmRequest, "signal">;
  /**
   * Builds a provider whose stream fails after some text (a dropped
   * connection). When omitted, the mid-stream failure check is skipped.
   */
  createFailing?: () => LlmProvider | Promise<LlmProvider>;
  /** Longest time an aborted stream may take to end. Default 500 ms. */
  abortWithinMs?: number;
  /** Per-test timeout. Default 30 s. */
  timeoutMs?: number;
}

/** Registers the LLM conformance tests (vitest) that every LLM adapter must pass. */
export function describeLlmConformance(options: LlmConformanceOptions): void {
  const request = options.request ?? { prompt: "Once upon a time", maxTokens: 64 };
  const timeout = options.timeoutMs ?? 30_000;
  describe(`LLM conformance: ${options.name}`, () => {
    it("streams text deltas, then exactly one finish", async () => {
      const provider = await options.create();
      try {
        const parts = await collect(provider.stream({ ...request }));
        const texts = parts.filter((p) => p.type === "text-delta");
        expect(texts.length).toBeGreaterThan(1);
        expect(texts.map((p) => p.text).join("").trim().length).toBeGreaterThan(0);
        const last = parts.at(-1);
        expect(last?.type).toBe("finish");
        expect(parts.filter((p) => p.type === "finish" || p.type === "error")).toHaveLength(1);
        for (const part of texts) expect(part.text).not.toMatch(/\uFFFD/);
      } finally {
        await provider.dispose?.();
      }
    }, timeout);

    it("honours abort promptly and produces nothing after it", async () => {
      const provider = await options.create();
      try {
        const controller = new AbortController();
        const parts: LlmStreamPart[] = [];
        let abortedAt = 0;
        for await (const part of provider.stream({ ...request, signal: controller.signal })) {
          parts.push(part);
          if (part.type === "text-delta" && abortedAt === 0) {
            abortedAt = performance.now();
            controller.abort();
          } else if (abortedAt > 0) {
            expect(part.type === "finish" || part.type === "error").toBe(true);
          }
        }
        expect(abortedAt).toBeGreaterThan(0);
        expect(performance.now() - abortedAt).toBeLessThan(options.abortWithinMs ?? 500);
        const last = parts.at(-1);
        if (last?.type === "finish") expect(last.reason).toBe("abort");
      } finally {
        await provider.dispose?.();
      }
    }, timeout);

    it("ends at once when the signal has already fired", async () => {
      const provider = await options.create();
      try {
        const controller = new AbortController();
        controller.abort();
        const parts = await collect(provider.stream({ ...request, signal: controller.signal }));
        expect(parts.filter((p) => p.type === "text-delta")).toHaveLength(0);
      } finally {
        await provider.dispose?.();
      }
    }, timeout);

    it.skipIf(!options.createFailing)("reports a mid-stream failure as an error part after the text", async () => {
      const provider = await options.createFailing!();
      try {
        const parts = await collect(provider.stream({ ...request }));
        const last = parts.at(-1);
        expect(last?.type).toBe("error");
        if (last?.type === "error") {
          expect(VoxpipeError.isInstance(last.error)).toBe(true);
          expect(last.error.stage).toBe("llm");
        }
        expect(parts.some((p) => p.type === "text-delta")).toBe(true);
      } finally {
        await provider.dispose?.();
      }
    }, timeout);
  });
}
