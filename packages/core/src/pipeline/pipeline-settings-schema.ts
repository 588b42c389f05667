import { z } from "zod";
import { formatIssues } from "../config/format-issues.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { deepFreeze } from "../util/deep-freeze.js";
import { memoizeByJson } from "../util/parse-memo.js";
import type { PauseOptions } from "./pause-options.js";
import { pauseOptionsSchema } from "./pause-settings-schema.js";
import type { FragmentOptions, PipelineOptions, PipelineTimeouts } from "./pipeline-options.js";

/**
 * The pipeline's plain settings, one field each, with their defaults: the one
 * source of every default, used by `runPipeline` and the config's `pipeline`
 * key.
 */
export const pipelineSettingsShape = {
  mode: z.enum(["streaming", "whole"]).default("streaming").describe("streaming: speak as segments are cut. whole: wait for the full reply (the baseline). Env: VOXPIPE_MODE, LLM_ENABLE_STREAMING."),
  ttsConcurrency: z.number().int().min(1).max(16).default(2).describe("Segments synthesized at once; audio stays in order. Env: VOXPIPE_TTS_CONCURRENCY."),
  fragments: z
    .strictObject({
      enabled: z.boolean().default(false).describe("Re-cut audio into fixed-length fragments. Env: RETURN_FRAGMENT."),
      intervalMs: z.number().int().min(20).max(10_000).default(300).describe("Fragment length in ms. Env: FRAGMENT_INTERVAL (seconds)."),
    })
    .default({ enabled: false, intervalMs: 300 })
    .describe("Re-cutting of audio into fixed-length fragments."),
  maxBufferedAudioMs: z.number().int().min(1000).default(30_000).describe("Audio segments ahead may buffer for a slow consumer, in ms."),
  timeouts: z
    .strictObject({
      llmFirstTokenMs: z.number().int().min(0).default(0).describe("Fail when the LLM sends no text for this long (0: no limit)."),
      llmIdleMs: z.number().int().min(0).default(0).describe("Fail when the LLM stalls this long mid-reply (0: no limit)."),
      ttsSegmentMs: z.number().int().min(0).default(0).describe("Fail when one segment's synthesis takes this long (0: no limit)."),
    })
    .default({ llmFirstTokenMs: 0, llmIdleMs: 0, ttsSegmentMs: 0 })
    .describe("Time limits that turn a stalled backend into an error instead of silence."),
};

/** The settings `runPipeline` reads, with the library-only `maxQueuedEvents` and `pauses` (the config's `pipeline.pauses` is `pausesConfigSchema`). */
export const pipelineSettingsSchema = z.object({
  ...pipelineSettingsShape,
  maxQueuedEvents: z.number().int().min(1).default(64).describe("Events buffered for a consumer that is not reading (backpressure)."),
  pauses: pauseOptionsSchema.default({}).describe("Pauses at segment joins; false: none shaped."),
});

/** Pipeline settings after defaults. */
export interface ResolvedPipelineSettings {
  mode: "streaming" | "whole";
  ttsConcurrency: number;
  fragments: FragmentOptions;
  maxBufferedAudioMs: number;
  maxQueuedEvents: number;
  timeouts: Required<PipelineTimeouts>;
  pauses: PauseOptions | false;
}

/**
 * `options` with every plain setting checked and its default filled in, from
 * the same schema the config uses.
 *
 * @throws VoxpipeError (`invalid-pipeline-options`) naming each bad option.
 */
export function withPipelineDefaults<T extends PipelineOptions>(options: T): T & ResolvedPipelineSettings {
  const given: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const value = (options as unknown as Record<string, unknown>)[key];
    if (value !== undefined) given[key] = value;
  }
  // Object.assign, not a spread: spreading an object over another that shares keys takes V8's slow path (~8 µs a run).
  return Object.assign({}, options, resolvePipelineSettings(given));
}

const settingKeys = Object.keys(pipelineSettingsSchema.shape);

/** The plain settings checked and completed; remembered, since every run passes the same few. */
const resolvePipelineSettings = memoizeByJson((given: Record<string, unknown>): ResolvedPipelineSettings => {
  const parsed = pipelineSettingsSchema.safeParse(given, { reportInput: true });
  if (!parsed.success) {
    const issues = formatIssues(parsed.error.issues);
    throw new VoxpipeError({ code: "invalid-pipeline-options", stage: "pipeline", message: `Invalid pipeline options: ${issues.join("; ")}.` });
  }
  return deepFreeze(parsed.data);
});
