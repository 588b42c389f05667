import type { Logger } from "../logging/logger.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmRequest } from "../llm/llm-request.js";
import type { SegmenterOptions } from "../segmenter/segmenter-options.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { PauseOptions } from "./pause-options.js";
import type { PlayoutLead } from "./playout-lead.js";
import type { TtsProfile } from "./tts-profile.js";
import type { PipelineNormalizeOptions } from "../normalize/segment-speech.js";

/** Re-cutting of audio into fixed-length fragments (the seed's RETURN_FRAGMENT / FRAGMENT_INTERVAL). */
export interface FragmentOptions {
  /** When false, the backend's own chunks pass through. */
  enabled: boolean;
  /** Fragment duration in ms. Default 300. */
  intervalMs: number;
}

/** Time limits that turn a stalled backend into an error instead of silence. 0 or undefined = no limit. */
export interface PipelineTimeouts {
  /** Longest wait for the LLM's first text. */
  llmFirstTokenMs?: number;
  /** Longest gap between two LLM parts once text has started. */
  llmIdleMs?: number;
  /** Longest time one segment's synthesis may take. */
  ttsSegmentMs?: number;
}

/** Everything one pipeline run needs. */
export interface PipelineOptions {
  llm: LlmProvider;
  /**
   * The TTS provider: an adapter, or wrappers around adapters —
   * `createTtsFailover(primary, ...fallbacks)` for fallbacks,
   * `createTtsCache(tts, { store })` for the audio cache. Its `format` is the
   * run's. Which backend spoke each segment, and cache hits, come from the
   * wrappers' reports (`segment-end.backend`, `finish.metrics`).
   */
  tts: TtsProvider;
  /**
   * The voice every TTS request of the run asks for (`TtsRequest.voice`): a
   * name the backend knows, e.g. eSpeak NG's `en-gb`, a Piper speaker, a
   * Kokoro voice. Default: each backend's configured voice.
   */
  voice?: string;
  /**
   * Known openings ("Sure!", "Let me check that."): a reply that starts with
   * one speaks it as its own segment, so an opening warmed into the audio
   * cache plays at once. Streaming mode only. Default none.
   */
  openings?: readonly string[];
  /** What to ask the LLM (its `signal` is ignored; pass `signal` below). */
  request: Omit<LlmRequest, "signal">;
  /** `streaming` speaks segments as they are cut; `whole` waits for the full reply and its full render (the baseline). Default `streaming`. */
  mode?: "streaming" | "whole";
  /** Segmenter options; `enabled: false` speaks the reply as one segment once it is complete. */
  segmenter?: SegmenterOptions & { enabled?: boolean };
  /**
   * Text normalization of each segment before TTS (on by default, English): numbers, money, dates,
   * units… as words, and a lexicon. Categories the TTS declares in `normalization.handles` are left
   * to it; lexicon phonemes are used when it declares `normalization.phonemes` (with fallbacks: only what
   * every backend declares).
   */
  normalize?: PipelineNormalizeOptions;
  /** Segments synthesized at once. Default 2. Audio still comes out in segment order. */
  ttsConcurrency?: number;
  /** Fragment re-cutting. Default off. */
  fragments?: FragmentOptions;
  /** Audio that segments ahead of the one being delivered may hold, in ms. Default 30000. */
  maxBufferedAudioMs?: number;
  /** Events buffered for a consumer that is not reading (backpressure). Default 64. */
  maxQueuedEvents?: number;
  timeouts?: PipelineTimeouts;
  /**
   * Pauses at segment joins (streaming mode): each join's silence is made the pause its text calls
   * for — after a sentence end, a clause mark, before a new paragraph or list item — counting the
   * silence already in the audio on both sides; a cut for length gets no pause (only a fade where it
   * cuts through sound). The pause is audio in the `audio` events. Lengths: an option here, else
   * `learned` (`measurePauseProfile`), else 350 / 150 / 550 ms. `false`: every segment's audio is
   * exactly what the TTS produced. Default on, with the defaults.
   */
  pauses?: PauseOptions | false;
  /**
   * Holds the first audio this long (ms), or by what a PlayoutLead learned
   * from the session's earlier replies (this run's `requiredLeadMs` is then
   * recorded into it), so the rest of the reply plays without gaps when the
   * TTS is slower than real time. Streaming mode only. Default 0.
   */
  playoutLead?: number | PlayoutLead;
  /**
   * The TTS's speed measured before any reply (`measureTtsProfile`, after `load()`). With it, the
   * first reply can start sooner (an early first segment when the LLM is also fast) and a session's
   * first reply gets a predicted playout lead instead of none. Optional.
   */
  ttsProfile?: TtsProfile;
  /** Cancels the run: stops the LLM, every TTS call and every timer; no events follow. */
  signal?: AbortSignal;
  logger?: Logger;
}
