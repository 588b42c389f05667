import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config-schema.js";
import { formatIssues } from "../config/format-issues.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { resolveSegmenterOptions } from "../segmenter/resolve-options.js";
import { createScriptedLlm } from "../testing/scripted-llm.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import type { PipelineOptions } from "./pipeline-options.js";
import { withPipelineDefaults } from "./pipeline-settings-schema.js";
import { runPipeline } from "./run-pipeline.js";

const base = (): PipelineOptions => ({ llm: createScriptedLlm({ text: "Hi there." }), tts: createSyntheticTts(), request: { prompt: "x" } });

describe("one schema per option set: the library and the config share every default", () => {
  it("runPipeline's defaults are the config's", () => {
    const { playout: _playout, pauses: configPauses, ...fromConfig } = configSchema.parse({}).pipeline;
    const { llm: _llm, tts: _tts, request: _request, maxQueuedEvents, pauses, ...fromLibrary } = withPipelineDefaults(base());
    expect(fromLibrary).toEqual(fromConfig);
    expect(maxQueuedEvents).toBe(64);
    // Pauses on, no length set (learned or built-in) on both sides; the config adds whether to learn.
    expect(pauses).toEqual({});
    expect(configPauses).toEqual({ enabled: true, learn: true });
  });

  it("the config's pipeline.pauses: every bad key reported in one pass, naming it", () => {
    const parsed = configSchema.safeParse({ pipeline: { pauses: { sentenceMs: -5, clauseMs: "x", bogus: 1 } } }, { reportInput: true });
    expect(parsed.success).toBe(false);
    expect(formatIssues(parsed.error?.issues ?? [])).toEqual([
      "pipeline.pauses.sentenceMs: expected a number of at least 0, received -5",
      'pipeline.pauses.clauseMs: expected a number, received "x"',
      expect.stringMatching(/^pipeline\.pauses\.bogus: unknown key/),
    ]);
  });

  it("createSegmenter's defaults are the config's", () => {
    const { enabled: _enabled, ...fromConfig } = configSchema.parse({}).segmenter;
    const { hardLimit: _hardLimit, ...fromLibrary } = resolveSegmenterOptions();
    expect(fromLibrary).toEqual({ ...fromConfig, firstMinLength: 10 });
    expect(fromLibrary).toMatchObject({ eagerFirstSegment: true, adaptive: true });
  });

  it.each([
    [{ ttsConcurrency: 0 }, "Invalid pipeline options: ttsConcurrency: expected a number of at least 1, received 0."],
    [{ mode: "fast" }, 'Invalid pipeline options: mode: expected one of "streaming", "whole", received "fast".'],
    [{ fragments: { enabled: true, intervalMs: 5 } }, "Invalid pipeline options: fragments.intervalMs: expected a number of at least 20, received 5."],
    [{ pauses: { sentenceMs: -1 } }, "Invalid pipeline options: pauses.sentenceMs: expected a number of at least 0, received -1."],
  ])("runPipeline refuses %j before anything starts, naming the option", async (bad, message) => {
    const events = runPipeline({ ...base(), ...(bad as Partial<PipelineOptions>) });
    const error = await events.next().then(() => undefined, (caught: unknown) => caught);
    expect(VoxpipeError.isInstance(error)).toBe(true);
    expect((error as VoxpipeError).code).toBe("invalid-pipeline-options");
    expect((error as Error).message).toBe(message);
  });
});
