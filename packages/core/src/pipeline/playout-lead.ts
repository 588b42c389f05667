/** Added to the largest lead a recent reply needed, so timer jitter does not reopen a gap. */
export const LEAD_MARGIN_RATIO = 0.1;
export const LEAD_MARGIN_MS = 10;

export interface PlayoutLeadOptions {
  /** Never hold the first audio longer than this, in ms. Default 1000. */
  maxLeadMs?: number;
  /** How many recent replies the lead is learned from. Default 5. */
  memory?: number;
}

/**
 * A playout lead learned over a session: how long to hold a reply's first
 * audio so that the rest plays without a gap (a jitter buffer, sized from
 * what earlier replies needed).
 *
 * Why it is needed: a TTS slower than real time (real-time factor above 1)
 * produces each segment's audio slower than it plays, however many segments
 * run at once, so a listener who starts at the first audio catches up with
 * the producer inside the first segments. With one producer, the next
 * segment's first-chunk latency can also outlast what the previous segment
 * had buffered. Only starting later removes those waits.
 *
 * Each finished reply reports `RunMetrics.requiredLeadMs`, the lead that
 * would have made it gapless (its lead plus its gaps, or less when it had
 * slack). The next reply's lead is the largest of the last `memory` of
 * those, plus a 10 % + 10 ms margin, capped at `maxLeadMs`; 0 while no
 * recent reply needed one. A fast TTS therefore costs no time to first
 * audio at all, and a slow one pays only what it needs.
 *
 * The session's first reply has nothing to learn from: with a `TtsProfile`
 * measured before it (`PipelineOptions.ttsProfile`), its lead is predicted
 * at its first audio from the segments cut so far (`predictedLeadMs`).
 */
export class PlayoutLead {
  readonly #maxLeadMs: number;
  readonly #memory: number;
  readonly #required: number[] = [];

  constructor(options: PlayoutLeadOptions = {}) {
    this.#maxLeadMs = Math.max(0, options.maxLeadMs ?? 1000);
    this.#memory = Math.max(1, Math.floor(options.memory ?? 5));
  }

  /** The lead for the next reply, in ms. */
  get leadMs(): number {
    const worst = Math.max(0, ...this.#required);
    if (worst <= 0) return 0;
    return Math.min(this.#maxLeadMs, worst * (1 + LEAD_MARGIN_RATIO) + LEAD_MARGIN_MS);
  }

  /** True once a reply has been recorded (the lead is then learned, not predicted). */
  get learned(): boolean {
    return this.#required.length > 0;
  }

  /**
   * The lead for a session's first reply, from a prediction (`first-reply-lead.ts`, on the TTS's
   * measured profile): the same 10 % + 10 ms margin and cap as a learned lead; 0 when none is needed.
   */
  predictedLeadMs(predictedMs: number): number {
    if (!Number.isFinite(predictedMs) || predictedMs <= 0) return 0;
    return Math.min(this.#maxLeadMs, predictedMs * (1 + LEAD_MARGIN_RATIO) + LEAD_MARGIN_MS);
  }

  /** A reply finished; `requiredLeadMs` is what it needed. Non-finite values are ignored. */
  record(requiredLeadMs: number): void {
    if (!Number.isFinite(requiredLeadMs)) return;
    this.#required.push(Math.max(0, requiredLeadMs));
    if (this.#required.length > this.#memory) this.#required.shift();
  }
}

/** The config's `pipeline.playout` setting. */
export interface PlayoutSetting {
  lead: "auto" | number;
  maxLeadMs: number;
}

/** What one session passes as `PipelineOptions.playoutLead`: a fresh learner for "auto", else the fixed lead. */
export function createPlayoutLead(setting: PlayoutSetting): number | PlayoutLead {
  return setting.lead === "auto" ? new PlayoutLead({ maxLeadMs: setting.maxLeadMs }) : setting.lead;
}
