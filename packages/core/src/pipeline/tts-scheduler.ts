import { VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import type { Logger } from "../logging/logger.js";
import type { MetricsRecorder } from "../metrics/metrics-recorder.js";
import type { Segment } from "../segmenter/segment.js";
import { audioDurationMs, type AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { AudioCache } from "../cache/audio-cache.js";
import type { TtsFailover } from "./tts-failover.js";
import { Fragmenter } from "../audio/fragmenter.js";
import { FormatConverter } from "../audio/format-converter.js";
import { iterateWithLimits, timeoutError } from "./iterate-with-limits.js";
import type { PipelineEvent } from "./pipeline-event.js";
import type { FragmentOptions } from "./pipeline-options.js";
import { SegmentJob } from "./segment-job.js";
import { SignalBoard } from "./signal-board.js";
import { abortableSleep } from "../util/abortable-sleep.js";

export interface TtsSchedulerOptions {
  /** The backends, primary first; the run's format is the primary's. */
  failover: TtsFailover;
  /** Whole-segment audio cache and the namespace (backend, voice, options) its keys use. */
  cache: { store: AudioCache; namespace: string } | undefined;
  concurrency: number;
  fragments: FragmentOptions | undefined;
  maxBufferedAudioMs: number;
  segmentTimeoutMs: number | undefined;
  /** Hold each segment's audio until its synthesis is complete (whole-reply mode, and failover: so a failed segment can be re-spoken without repeating words). */
  holdUntilDone: boolean;
  signal: AbortSignal;
  metrics: MetricsRecorder;
  logger: Logger;
  emit: (event: PipelineEvent) => Promise<void>;
  onSegmentEnd: () => void;
  /** Hold the run's first audio this long, in ms (the playout lead). */
  playoutLeadMs: number;
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

  constructor(private readonly options: TtsSchedulerOptions) {}

  add(segment: Segment, isFinal: boolean): void {
    this.jobs.push(new SegmentJob(segment, isFinal));
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
    const { emit, metrics, signal, logger } = this.options;
    const wake = (): void => this.changes.notify();
    signal.addEventListener("abort", wake, { once: true });
    try {
      await this.deliverAll(emit, metrics, signal, logger);
    } finally {
      signal.removeEventListener("abort", wake);
    }
  }

  private async deliverAll(emit: TtsSchedulerOptions["emit"], metrics: MetricsRecorder, signal: AbortSignal, logger: Logger): Promise<void> {
    for (this.head = 0; ; this.head++) {
      this.changes.notify();
      while (this.head >= this.jobs.length && !this.closed && !signal.aborted) await this.changes.wait();
      const job = this.jobs[this.head];
      if (!job || signal.aborted) return;
      logger.debug(`Processing segment ${job.segment.index} (len=${[...job.segment.text].length})`);
      const fragmenter = this.options.fragments?.enabled ? new Fragmenter(this.options.fragments.intervalMs) : undefined;
      let fragmentIndex = 0;
      const started = performance.now();
      const send = async (chunk: AudioChunk): Promise<void> => {
        if (!this.firstAudioSent) {
          this.firstAudioSent = true;
          const lead = this.options.playoutLeadMs;
          if (lead > 0) {
            await abortableSleep(lead, signal, "pipeline");
            metrics.playoutHeld(lead);
          }
        }
        metrics.audioDelivered(audioDurationMs(chunk));
        await emit({
          type: "audio",
          segmentIndex: job.segment.index,
          fragmentIndex: fragmentIndex++,
          pcm: chunk.pcm,
          sampleRate: chunk.sampleRate,
          channels: chunk.channels,
          ...(chunk.words ? { words: chunk.words } : {}),
          atMs: metrics.now(),
        });
      };
      for (;;) {
        await job.changed();
        if (signal.aborted) return;
        if (this.options.holdUntilDone) await job.ended;
        if (signal.aborted) return;
        const chunk = job.chunks.shift();
        if (chunk) {
          job.queuedMs -= audioDurationMs(chunk);
          job.delivered++;
          this.changes.notify();
          if (fragmenter) for (const fragment of fragmenter.push(chunk)) await send(fragment);
          else await send(chunk);
          continue;
        }
        if (job.done) break;
      }
      if (fragmenter) for (const fragment of fragmenter.flush()) await send(fragment);
      if (job.error) throw job.error;
      logger.debug(`Streamed ${fragmentIndex} fragments in ${((performance.now() - started) / 1000).toFixed(3)}s`);
      const segmentMetrics = metrics.segment(job.segment.index);
      await emit({
        type: "segment-end",
        segmentIndex: job.segment.index,
        synthesisMs: segmentMetrics?.synthesisMs ?? 0,
        audioMs: job.producedMs,
        backend: segmentMetrics?.backend ?? this.options.failover.primary.id,
        atMs: metrics.now(),
      });
      this.jobs[this.head] = undefined;
      metrics.segmentDelivered(job.segment.index);
      this.options.onSegmentEnd();
    }
  }

  private startMore(): void {
    while (this.running < this.options.concurrency && this.nextToStart < this.jobs.length) {
      const job = this.jobs[this.nextToStart++];
      if (!job) break;
      this.running++;
      void this.synthesize(job).finally(() => {
        this.running--;
        this.startMore();
        this.changes.notify();
      });
    }
  }

  private async synthesize(job: SegmentJob): Promise<void> {
    const { failover, metrics, signal, cache, logger } = this.options;
    const index = job.segment.index;
    const key = cache ? AudioCache.key(cache.namespace, job.segment.text) : undefined;
    const cached = key ? cache?.store.get(key) : undefined;
    metrics.cacheLookup(index, cached !== undefined);
    if (cached) {
      metrics.synthesisStarted(index, `${failover.primary.id} (cache)`);
      for (const chunk of cached) {
        metrics.audioProduced(index);
        job.push(chunk, audioDurationMs(chunk));
      }
      metrics.synthesisEnded(index, job.producedMs);
      job.finish();
      return;
    }
    let failure: VoxpipeError | undefined;
    let previous: TtsProvider | undefined;
    for (const tts of failover.order()) {
      if (signal.aborted) break;
      if (previous) {
        if (job.delivered > 0) break; // audio of this segment was heard: re-speaking it would repeat words
        logger.warn(`TTS backend ${previous.id} failed on segment ${index} (${failure?.message}); continuing on ${tts.id}.`);
        job.discard();
      }
      const recorded: AudioChunk[] | undefined = key ? [] : undefined;
      failure = await this.synthesizeWith(tts, job, recorded);
      if (!failure) {
        failover.markSucceeded(tts);
        // The key's namespace is the primary's: a fallback's audio stored under it would replay in the wrong voice, labelled as the primary's.
        if (key && recorded && tts === failover.primary) cache?.store.set(key, recorded);
        job.finish();
        return;
      }
      if (signal.aborted) break;
      failover.markFailed(tts);
      previous = tts;
    }
    // With fallbacks only whole segments are promised: a segment no backend could finish releases nothing of itself.
    if (this.options.holdUntilDone) job.discard();
    job.finish(signal.aborted ? undefined : failure);
  }

  /** One attempt on one backend; resolves to the failure, or undefined on success or abort. */
  private async synthesizeWith(tts: TtsProvider, job: SegmentJob, recorded: AudioChunk[] | undefined): Promise<VoxpipeError | undefined> {
    const { metrics, signal } = this.options;
    const index = job.segment.index;
    metrics.synthesisStarted(index, tts.id);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    const timeoutMs = this.options.segmentTimeoutMs;
    const deadline = timeoutMs ? performance.now() + timeoutMs : undefined;
    const converter = new FormatConverter(this.options.failover.primary.format);
    try {
      const chunks = iterateWithLimits(tts.synthesize({ text: job.segment.text, signal: controller.signal }), controller.signal, "tts", () =>
        deadline === undefined
          ? undefined
          : { ms: Math.max(1, deadline - performance.now()), error: () => timeoutError("tts", "tts-timeout", `TTS backend ${tts.id} took longer than ${timeoutMs} ms (pipeline.timeouts.ttsSegmentMs) to synthesize segment ${index}.`) },
      );
      const accept = async (chunk: AudioChunk): Promise<void> => {
        if (chunk.pcm.length === 0) return;
        metrics.audioProduced(index);
        // A copy: the consumer may change the delivered samples in place before the segment is stored.
        recorded?.push({ ...chunk, pcm: chunk.pcm.slice() });
        job.push(chunk, audioDurationMs(chunk));
        while (!signal.aborted && this.mustWait(job)) await this.changes.wait();
      };
      for await (const raw of chunks) {
        this.warnOnFormat(raw, tts);
        await accept(await converter.convert(raw));
      }
      await accept(converter.flush());
      if (job.producedMs === 0 && job.segment.text.trim().length > 0 && !signal.aborted) {
        throw new VoxpipeError({ code: "tts-no-audio", stage: "tts", message: `TTS backend ${tts.id} returned no audio for segment ${index} ("${job.segment.text.slice(0, 40)}").` });
      }
      metrics.synthesisEnded(index, job.producedMs);
      return undefined;
    } catch (error) {
      controller.abort();
      metrics.synthesisEnded(index, job.producedMs);
      if (isAbortError(error) && signal.aborted) return undefined;
      return VoxpipeError.from(error, "tts", "tts-failed");
    } finally {
      converter.dispose();
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** Backpressure: the job being delivered is paced by the consumer; jobs ahead share a budget. */
  private mustWait(job: SegmentJob): boolean {
    const isHead = this.jobs[this.head] === job;
    if (isHead) return job.queuedMs > HEAD_QUEUE_MS && !this.options.holdUntilDone;
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
