import { VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import { silentLogger } from "../logging/logger.js";
import { MetricsRecorder } from "../metrics/metrics-recorder.js";
import { createSegmenter } from "../segmenter/create-segmenter.js";
import { DEFAULT_MAX_LENGTH } from "../segmenter/segmenter-options-schema.js";
import type { Segment } from "../segmenter/segment.js";
import { BoundedQueue } from "./bounded-queue.js";
import type { PipelineEvent } from "./pipeline-event.js";
import type { PipelineOptions } from "./pipeline-options.js";
import { withPipelineDefaults } from "./pipeline-settings-schema.js";
import { OpeningSplitter, type OpeningSplit } from "./opening-splitter.js";
import { hasPrompt, startReply } from "./read-reply.js";
import { RunControl } from "./run-control.js";
import type { RunTraceEvent } from "./run-trace.js";
import { TtsScheduler } from "./tts-scheduler.js";
import { PlayoutLead } from "./playout-lead.js";
import { firstReplyLeadMs, type KnownSegment } from "./first-reply-lead.js";
import { SegmentSpeech } from "../normalize/segment-speech.js";
import { joinSettings } from "./pause-options.js";

/**
 * Runs LLM → segmenter → TTS and yields the run's events as they happen.
 *
 * In `streaming` mode each segment goes to TTS as soon as it is cut and its
 * audio is yielded as soon as it is produced, in segment order. In `whole`
 * mode the reply is collected first and spoken as one segment whose audio is
 * released only when its synthesis is complete — the baseline to compare with.
 *
 * Options are checked against the same schemas as the config's `pipeline`
 * and `segmenter` keys, with the same defaults; an impossible value throws a
 * VoxpipeError naming it (`invalid-pipeline-options`,
 * `invalid-segmenter-options`) before anything starts.
 *
 * Stopping early (break, or `options.signal`) cancels the LLM, every TTS call
 * and every timer; after an abort no further events are yielded.
 */
export async function* runPipeline(input: PipelineOptions): AsyncGenerator<PipelineEvent> {
  const options = withPipelineDefaults(input);
  if (options.signal?.aborted) return;
  const mode = options.mode;
  const control = new RunControl(options.signal);
  const { tts, llm } = options;
  const metrics = new MetricsRecorder({ mode, llm: `${llm.id}:${llm.model}`, tts: `${tts.id}:${tts.voice}` }, tts.id);
  const events = new BoundedQueue<PipelineEvent>(options.maxQueuedEvents ?? 64);
  // Events are queued for the consumer until the run is stopped.
  const queue = (event: PipelineEvent): Promise<void> => (control.stopped ? Promise.resolve() : events.push(event));
  const driving = drive(options, mode, control, metrics, queue).finally(() => events.close());

  // A stop empties the queue and wakes the consumer at once. (Racing each
  // shift() against one long-lived "stopped" promise would add a reaction to it
  // per event: a leak that grows with the length of the run.)
  const dropQueued = (): void => events.cancel();
  control.signal.addEventListener("abort", dropQueued, { once: true });
  try {
    for (;;) {
      const event = await events.shift();
      if (event === undefined || control.stopped) return;
      yield event;
    }
  } finally {
    control.stop();
    events.cancel();
    control.signal.removeEventListener("abort", dropQueued);
    control.dispose();
    await driving;
  }
}

async function drive(
  options: PipelineOptions,
  mode: "streaming" | "whole",
  control: RunControl,
  metrics: MetricsRecorder,
  queue: (event: PipelineEvent) => Promise<void>,
): Promise<void> {
  // Every event is observed by the metrics, then queued for the consumer.
  const emit = (event: PipelineEvent): Promise<void> => {
    metrics.observe(event);
    return queue(event);
  };
  const trace = (event: RunTraceEvent): void => metrics.observe(event);
  // The LLM is asked first: the rest of the run is built while its first token is on its way.
  const reply = hasPrompt(options.request)
    ? startReply({ llm: options.llm, request: options.request, signal: control.llmSignal, timeouts: options.timeouts ?? {} })
    : undefined;
  control.prepareTtsCall();

  const logger = options.logger ?? silentLogger;
  const segmenterOptions = options.segmenter ?? {};
  const segmentWhole = mode === "whole" || segmenterOptions.enabled === false;
  const segmenter = createSegmenter(segmenterOptions);
  // segment → normalize → TTS request: the TTS gets the spoken form; events keep both.
  const speech = new SegmentSpeech(options.normalize, options.tts);
  const learnedLead = options.playoutLead instanceof PlayoutLead ? options.playoutLead : undefined;
  const fixedLead = typeof options.playoutLead === "number" ? options.playoutLead : 0;
  const profile = options.ttsProfile;
  const concurrency = Math.max(1, options.ttsConcurrency ?? 2);
  // A session's first reply: its lead is predicted at the first audio from the TTS's measured profile.
  const predictLead = (): number => {
    if (!learnedLead || !profile) return 0;
    const known: KnownSegment[] = [];
    for (let i = 0; ; i++) {
      const segment = metrics.segment(i);
      if (!segment) break;
      known.push({ chars: segment.chars, readyAtMs: segment.synthesisStartMs });
    }
    // The reply may go on with a segment not cut yet: assume one of maxLength, cut now.
    known.push({ chars: segmenterOptions.maxLength ?? DEFAULT_MAX_LENGTH, readyAtMs: metrics.now() });
    return learnedLead.predictedLeadMs(firstReplyLeadMs(profile, concurrency, known, metrics.now()));
  };
  const playoutLeadMs =
    mode === "whole" ? 0 : learnedLead ? (learnedLead.learned || !profile ? learnedLead.leadMs : predictLead) : Math.max(0, fixedLead);
  if (profile) segmenter.updateRates({ ttsRealTimeFactor: profile.realTimeFactor });
  const scheduler = new TtsScheduler({
    tts: options.tts,
    ...(options.voice !== undefined ? { voice: options.voice } : {}),
    playoutLeadMs,
    concurrency,
    fragments: options.fragments,
    maxBufferedAudioMs: options.maxBufferedAudioMs ?? 30_000,
    segmentTimeoutMs: options.timeouts?.ttsSegmentMs,
    wholeSegments: mode === "whole",
    joins: mode === "whole" || options.pauses === false ? undefined : joinSettings(options.pauses),
    control,
    logger,
    now: () => metrics.now(),
    emit: (event) => emit(speech.mapEvent(event)),
    trace,
    onSegmentEnd: () => {
      const rates = { llmCharsPerSecond: metrics.llmCharsPerSecond(), ttsRealTimeFactor: metrics.ttsRealTimeFactor() };
      segmenter.updateRates({
        ...(rates.llmCharsPerSecond !== null ? { llmCharsPerSecond: rates.llmCharsPerSecond } : {}),
        ...(rates.ttsRealTimeFactor !== null ? { ttsRealTimeFactor: rates.ttsRealTimeFactor } : {}),
        bufferedAudioMs: metrics.bufferedAudioMs(),
      });
    },
  });

  let nextIndex = 0;
  /**
   * Sends each segment to TTS, then queues `queued` (the text that completed them, observed
   * already) and their events for the consumer: the TTS starts first, the consumer still sees
   * every event ahead of any of its audio. Resolves when the consumer has room (backpressure).
   */
  const speak = (segments: readonly Segment[], final: boolean, queued: PipelineEvent[] = []): Promise<void> => {
    for (let i = 0; i < segments.length; i++) {
      const index = nextIndex++;
      const segment = segments[i]!;
      const { written, spoken } = speech.speak(index, segment.text);
      const isFinal = final && i === segments.length - 1;
      const event: PipelineEvent = { type: "segment", index, text: written, spoken, isFinal, atMs: metrics.now() };
      metrics.observe(event);
      scheduler.add({ index, text: spoken, ...(segment.startsBlock ? { startsBlock: true } : {}) }, isFinal, written);
      queued.push(event);
      logger.info(`Segment ${index} (len=${[...written].length}): ${JSON.stringify(written)}${spoken === written ? "" : ` spoken as ${JSON.stringify(spoken)}`}`);
    }
    // The queue takes items in order and lets each wait until it is within its bound: room for the last is room for all.
    let room = Promise.resolve();
    for (const event of queued) room = queue(event);
    return room;
  };

  // A TTS failure is the run's failure; RunControl then stops the LLM too (nothing more can be spoken in order).
  const delivering = scheduler.deliver().catch((error: unknown) => {
    if (!isAbortError(error)) control.fail(VoxpipeError.from(error, "tts"));
  });

  const openings = new OpeningSplitter(segmentWhole ? [] : (options.openings ?? []));
  /** The segments a split of the reply completes: its opening (a cached one), then what the segmenter cuts. */
  const cut = (split: OpeningSplit | undefined): Segment[] => {
    if (!split) return [];
    const segments = split.rest ? segmenter.push(split.rest) : [];
    return split.opening ? [{ index: 0, text: split.opening }, ...segments] : segments;
  };
  let replyText = "";
  if (reply) {
    const llmFailure = await reply.read({
      onText: (text) => {
        const delta: PipelineEvent = { type: "text-delta", text, atMs: metrics.now() };
        metrics.observe(delta);
        if (segmentWhole) {
          replyText += text;
          return queue(delta);
        }
        // Until the first segment is cut, the LLM's rate so far (the metrics saw the text) decides whether it may end early.
        const llmCharsPerSecond = nextIndex === 0 ? metrics.llmCharsPerSecond() : null;
        if (llmCharsPerSecond !== null) segmenter.updateRates({ llmCharsPerSecond });
        return speak(cut(openings.push(text)), false, [delta]);
      },
      onReasoning: (text) => trace({ type: "reasoning-delta", chars: text.length, atMs: metrics.now() }),
    });
    if (llmFailure) control.fail(llmFailure);
  } else {
    control.fail(new VoxpipeError({ code: "empty-prompt", stage: "pipeline", message: "The prompt is empty (or only whitespace): give the LLM something to answer." }));
  }

  if (!control.stopped && !control.failure) {
    if (segmentWhole) {
      const wholeSegmenter = createSegmenter({ ...segmenterOptions, maxLength: Number.MAX_SAFE_INTEGER });
      const text = [...wholeSegmenter.push(replyText), ...wholeSegmenter.end()].map((s) => s.text).join(" ");
      if (text) await speak([{ index: 0, text }], true);
    } else {
      await speak(cut(openings.end()), false);
      await speak(segmenter.end(), true);
    }
  }
  scheduler.close();
  await delivering;
  control.stopTts();

  if (control.stopped) {
    trace({ type: "run-stopped", atMs: metrics.now() });
    return;
  }
  const failure = control.failure;
  if (failure) {
    logger.error(`${failure.stage} failed: ${failure.message}`);
    await emit({ type: "error", stage: failure.stage, code: failure.code, message: failure.message, retryable: failure.retryable, atMs: metrics.now() });
  }
  const snapshot = metrics.snapshot();
  if (learnedLead && mode === "streaming" && !failure) learnedLead.record(snapshot.requiredLeadMs);
  logger.info(
    `Run done: ttfa=${snapshot.ttfaMs?.toFixed(0) ?? "-"} ms (lead ${snapshot.playoutLeadMs.toFixed(0)} ms), ${snapshot.segmentCount} segments, ${(snapshot.audioMs / 1000).toFixed(2)} s audio, gap ${snapshot.gapMs.toFixed(0)} ms`,
  );
  await emit({ type: "finish", metrics: snapshot, atMs: metrics.now() });
}
