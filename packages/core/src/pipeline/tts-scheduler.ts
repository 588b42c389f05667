import type { Logger } from "../logging/logger.js";
import type { Segment } from "../segmenter/segment.js";
import { audioDurationMs, type AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { Fragmenter } from "../audio/fragmenter.js";
import { endingClass } from "./join-class.js";
import { JoinShaper, type JoinShaperSettings, type NextSegment } from "./join-shaper.js";
import type { PipelineEvent } from "./pipeline-event.js";
import type { FragmentOptions } from "./pipeline-options.js";
import type { RunControl } from "./run-control.js";
import type { RunTraceEvent } from "./run-trace.js";
import { SegmentJob } from "./segment-job.js";
import { SignalBoard } from "./signal-board.js";
import { synthesizeSegment } from "./synthesize-segment.js";
import { abortableSleep } from "../util/abortable-sleep.js";

export interface TtsSchedulerOptions {
  /** The run's TTS provider (failover and cache are wrappers around the backends); its format is the run's. */
  tts: TtsProvider;
  /** The voice every segment asks for; the backend's configured voice when omitted. */
  voice?: string;
  concurrency: number;
  fragments: FragmentOptions | undefined;
  maxBufferedAudioMs: number;
  segmentTimeoutMs: number | undefined;
  /** Release each segment's audio only once its synthesis is complete (whole-reply mode). */
  wholeSegments: boolean;
  /** Shape the silence at segment joins into pauses (see JoinShaper); undefined: audio exactly as the TTS produced it. */
  joins: Omit<JoinShaperSettings, "format"> | undefined;
  /** Hold the run's first audio this long, in ms (the playout lead); a function is asked when the first audio is ready. */
  playoutLeadMs: number | (() => number);
  control: RunControl;
  logger: Logger;
  /** Ms since the run started. */
  now: () => number;
  emit: (event: PipelineEvent) => Promise<void>;
  trace: (event: RunTraceEvent) => void;
  onSegmentEnd: () => void;
}

/** Audio the segment being delivered may hold ahead of the consumer, in ms. */
const HEAD_QUEUE_MS = 2000;

/**
 * Synthesizes up to `concurrency` segments at once and delivers their audio
 * strictly in segment order. Segments ahead of the one being delivered hold at
 * most `maxBufferedAudioMs` of audio between them; the one being delivered is
 * paced by the consumer. `deliver()` resolves when every added segment has been
 * delivered, or rejects with the first synthesis failure.
 */
export class TtsScheduler {
  /** Every segment added, by index; a delivered segment's slot is emptied so a long run holds only what is pending. */
  private readonly jobs: (SegmentJob | undefined)[] = [];
  private nextToStart = 0;
  private running = 0;
  private head = 0;
  private closed = false;
  private readonly changes = new SignalBoard();
  private warnedFormat = false;
  private firstAudioSent = false;
  private readonly shaper: JoinShaper | undefined;

  constructor(private readonly options: TtsSchedulerOptions) {
    this.shaper = options.joins ? new JoinShaper({ ...options.joins, format: options.tts.format }) : undefined;
  }

  /** Adds a segment to speak; `written` is its text as written (its ending decides the pause after it). */
  add(segment: Segment, isFinal: boolean, written: string = segment.text): void {
    this.jobs.push(new SegmentJob(segment, isFinal, this.options.tts.id, endingClass(written)));
    this.startMore();
    this.changes.notify();
  }

  /** No more segments will be added. */
  close(): void {
    this.closed = true;
    this.changes.notify();
  }

  /** Delivers audio in order until all segments are done. Rejects with the first failure. */
  async deliver(): Promise<void> {
    const signal = this.options.control.ttsSignal;
    const wake = (): void => this.changes.notify();
    signal.addEventListener("abort", wake, { once: true });
    try {
      for (this.head = 0; ; this.head++) {
        this.changes.notify();
        while (this.head >= this.jobs.length && !this.closed && !signal.aborted) await this.changes.wait();
        const job = this.jobs[this.head];
        if (!job || signal.aborted) return;
        if (!(await this.deliverSegment(job, signal))) return;
        this.jobs[this.head] = undefined;
        this.options.onSegmentEnd();
      }
    } finally {
      signal.removeEventListener("abort", wake);
    }
  }

  /** Delivers one segment's audio, then its `segment-end`; false when TTS was stopped first. */
  private async deliverSegment(job: SegmentJob, signal: AbortSignal): Promise<boolean> {
    const { emit, now, logger } = this.options;
    logger.debug(`Processing segment ${job.segment.index} (len=${[...job.segment.text].length})`);
    const fragmenter = this.options.fragments?.enabled ? new Fragmenter(this.options.fragments.intervalMs) : undefined;
    let fragmentIndex = 0;
    let deliveredMs = 0;
    const started = performance.now();
    const send = async (chunk: AudioChunk): Promise<void> => {
      if (!this.firstAudioSent) {
        this.firstAudioSent = true;
        const setting = this.options.playoutLeadMs;
        const lead = typeof setting === "number" ? setting : setting();
        if (lead > 0) await this.holdFirstAudio(lead, signal);
      }
      deliveredMs += audioDurationMs(chunk);
      await emit({
        type: "audio",
        segmentIndex: job.segment.index,
        fragmentIndex: fragmentIndex++,
        pcm: chunk.pcm,
        sampleRate: chunk.sampleRate,
        channels: chunk.channels,
        ...(chunk.words ? { words: chunk.words } : {}),
        atMs: now(),
      });
    };
    // One chunk to the consumer: as it is, or re-cut into fragments.
    const deliver = fragmenter
      ? async (chunk: AudioChunk): Promise<void> => {
          for (const fragment of fragmenter.push(chunk)) await send(fragment);
        }
      : send;
    const shaper = this.shaper;
    shaper?.start({ ending: job.ending, ...(job.segment.startsBlock ? { startsBlock: true } : {}) });
    for (;;) {
      await job.changed();
      if (this.options.wholeSegments) await job.ended;
      if (signal.aborted) return false;
      const chunk = job.chunks.shift();
      if (chunk) {
        job.queuedMs -= audioDurationMs(chunk);
        this.changes.notify();
        if (shaper) for (const shaped of shaper.push(chunk)) await deliver(shaped);
        else await deliver(chunk);
        continue;
      }
      if (job.done) break;
    }
    // The join's pause: the audio held at the segment's end, with the silence the next segment calls for.
    if (shaper) for (const shaped of shaper.end(job.error ? "last" : this.nextSegment(job))) await deliver(shaped);
    if (fragmenter) for (const fragment of fragmenter.flush()) await send(fragment);
    if (job.error) throw job.error;
    logger.debug(`Streamed ${fragmentIndex} fragments in ${((performance.now() - started) / 1000).toFixed(3)}s`);
    // The audio delivered (the pause included); without shaping that is exactly what the TTS produced.
    const audioMs = shaper ? deliveredMs : job.producedMs;
    await emit({ type: "segment-end", segmentIndex: job.segment.index, synthesisMs: job.synthesisMs, audioMs, backend: job.backend, atMs: now() });
    return true;
  }

  /** What follows the segment being delivered, as far as it is known now. */
  private nextSegment(job: SegmentJob): NextSegment {
    if (job.isFinal) return "last";
    const next = this.jobs[this.head + 1];
    if (next) return next.segment.startsBlock ? { startsBlock: true } : {};
    return this.closed ? "last" : "unknown";
  }

  /** Holds the run's first audio for the playout lead. */
  private async holdFirstAudio(lead: number, signal: AbortSignal): Promise<void> {
    await abortableSleep(lead, signal, "pipeline");
    this.options.trace({ type: "playout-held", ms: lead, atMs: this.options.now() });
  }

  private startMore(): void {
    const { tts, voice, control, segmentTimeoutMs, logger, trace, now } = this.options;
    while (this.running < this.options.concurrency && this.nextToStart < this.jobs.length) {
      const job = this.jobs[this.nextToStart++];
      if (!job) break;
      this.running++;
      const room = async (waiting: SegmentJob): Promise<void> => {
        while (!control.ttsSignal.aborted && this.mustWait(waiting)) await this.changes.wait();
      };
      const warnOnFormat = (chunk: AudioChunk, backend: TtsProvider): void => this.warnOnFormat(chunk, backend);
      void synthesizeSegment(job, { tts, ...(voice !== undefined ? { voice } : {}), call: control.ttsCall(), segmentTimeoutMs, logger, trace, now, room, warnOnFormat }).finally(() => {
        this.running--;
        this.startMore();
        this.changes.notify();
      });
    }
  }

  /** Backpressure: the job being delivered is paced by the consumer; jobs ahead share a budget. */
  private mustWait(job: SegmentJob): boolean {
    const isHead = this.jobs[this.head] === job;
    if (isHead) return job.queuedMs > HEAD_QUEUE_MS && !this.options.wholeSegments;
    let ahead = 0;
    // Only started segments hold audio: at most `concurrency` of them.
    for (let i = this.head + 1; i < this.nextToStart; i++) ahead += this.jobs[i]?.queuedMs ?? 0;
    return ahead > this.options.maxBufferedAudioMs;
  }

  /** A backend that sends another format than it declared is warned about once (the audio is converted either way). */
  private warnOnFormat(chunk: AudioChunk, tts: TtsProvider): void {
    if (this.warnedFormat || (chunk.sampleRate === tts.format.sampleRate && chunk.channels === tts.format.channels)) return;
    this.warnedFormat = true;
    this.options.logger.warn(`TTS backend ${tts.id} declared ${tts.format.sampleRate} Hz × ${tts.format.channels} but sent ${chunk.sampleRate} Hz × ${chunk.channels}; converting.`);
  }
}
