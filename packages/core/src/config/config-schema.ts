import { z } from "zod";
import { outputFormatSchema } from "../audio/output-format-schema.js";
import { conversationConfigSchema } from "../conversation/conversation-config-schema.js";
import { normalizeConfigSchema } from "../normalize/normalize-config-schema.js";
import { pausesConfigSchema } from "../pipeline/pause-settings-schema.js";
import { pipelineSettingsShape } from "../pipeline/pipeline-settings-schema.js";
import { checkSegmentLengths, segmenterOptionsShape } from "../segmenter/segmenter-options-schema.js";
import { serverConfigSchema } from "./server-config-schema.js";

/** One backend: the module that provides it and its options (validated by the adapter's own schema). */
export const adapterEntrySchema = z
  .object({
    use: z.string().min(1).describe('Module specifier of the adapter, e.g. "@voxpipe/tts-espeak"; "<specifier>#<export>" picks a named export.'),
    options: z.record(z.string(), z.unknown()).default({}).describe("Options for the adapter; see its README."),
  })
  .strict();
export type AdapterEntry = z.output<typeof adapterEntrySchema>;

/** The config's `segmenter` key: the segmenter's own options (same defaults as `createSegmenter`) and `enabled`. */
export const segmenterConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Cut the reply into segments as it streams (false: speak it as one piece once complete). Env: ENABLE_INTERNAL_SEGMENTATION."),
    ...segmenterOptionsShape,
  })
  .superRefine(checkSegmentLengths);

/** The config's `pipeline` key: the pipeline's settings (same defaults as `runPipeline`) and the playout lead. */
export const pipelineConfigSchema = z
  .object({
    ...pipelineSettingsShape,
    playout: z
      .object({
        lead: z
          .union([z.literal("auto"), z.number().int().min(0).max(10_000)], { error: 'expected "auto" or a whole number of ms from 0 to 10000' })
          .default("auto")
          .describe(
            'How long to hold a reply\'s first audio so the rest plays without gaps. "auto": learned per session from its earlier replies (0 while the TTS keeps up with playback); a number: that many ms; 0: never hold.',
          ),
        maxLeadMs: z.number().int().min(0).max(10_000).default(1000).describe('Upper bound of the "auto" lead, in ms.'),
        measureTts: z
          .boolean()
          .default(true)
          .describe(
            "Measure the TTS's speed once after loading (one short sentence), so a session's first reply gets a predicted \"auto\" lead and, with a fast LLM, an early first segment. Off: the first reply plays with no lead, and the TTS's requests are only the replies' segments.",
          ),
      })
      .strict()
      .default({ lead: "auto", maxLeadMs: 1000, measureTts: true })
      .describe("Playout lead (jitter buffer) for TTS backends slower than real time."),
    pauses: pausesConfigSchema,
  })
  .strict();

/** The whole voxpipe config file. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    llm: adapterEntrySchema.default({ use: "@voxpipe/llm-llama-cpp", options: {} }).describe("The LLM backend."),
    tts: z
      .union([adapterEntrySchema, z.array(adapterEntrySchema).min(1)], { error: "expected a backend ({ use, options }) or a list of them" })
      .default({ use: "@voxpipe/tts-espeak", options: {} })
      .describe("The TTS backend, or a list: the first is primary, the rest are fallbacks."),
    segmenter: segmenterConfigSchema.default(segmenterConfigSchema.parse({})),
    pipeline: pipelineConfigSchema.default(pipelineConfigSchema.parse({})),
    normalize: normalizeConfigSchema.default(normalizeConfigSchema.parse({})).describe("Text normalization and the pronunciation lexicon."),
    failover: z
      .object({ cooldownMs: z.number().int().min(0).default(30_000).describe("How long a TTS backend that failed is skipped before it is tried again.") })
      .strict()
      .default({ cooldownMs: 30_000 })
      .describe("TTS failover, when `tts` is a list."),
    cache: z
      .object({
        enabled: z.boolean().default(false).describe("Cache synthesized audio of whole segments (and the openings below)."),
        maxBytes: z.number().int().min(1024).default(32 * 1024 * 1024).describe("Memory cap for cached audio, in bytes."),
        openings: z.array(z.string().min(1)).default(["Sure!", "Of course.", "Let me check that.", "Good question."]).describe("Common openings synthesized at start-up."),
      })
      .strict()
      .default({ enabled: false, maxBytes: 32 * 1024 * 1024, openings: ["Sure!", "Of course.", "Let me check that.", "Good question."] }),
    server: serverConfigSchema.default(serverConfigSchema.parse({})).describe("`voxpipe serve`: the OpenAI-compatible HTTP server."),
    conversation: conversationConfigSchema
      .default(conversationConfigSchema.parse({}))
      .describe("Conversations (the playground's, the library's conversation()): the system prompt and how much history is kept."),
    output: outputFormatSchema.default({}).describe("The audio format runs deliver (sample rate, channels), converted from the TTS's own."),
    log: z
      .object({ level: z.enum(["silent", "error", "warn", "info", "debug"]).default("warn").describe("Env: VOXPIPE_LOG_LEVEL.") })
      .strict()
      .default({ level: "warn" }),
  })
  .strict();

export type VoxpipeConfig = z.output<typeof configSchema>;
export type VoxpipeConfigInput = z.input<typeof configSchema>;
