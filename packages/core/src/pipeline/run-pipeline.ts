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
import { OpeningSplitter } from "./opening-splitter.js";
import { hasPrompt, readReply } from "./read-reply.js";
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
  // Every event is observed by the metrics, then queued for the consumer (nothing is queued once the run is stopped).
  const emit = (event: PipelineEvent): Promise<void> => {
    metrics.observe(event);
    return control.stopped ? Promise.resolve() : events.push(event);
  };
  const trace = (event: RunTraceEvent): void => metrics.observe(event);
  const driving = drive(options, mode, control, metrics, emit, trace).finally(() => events.close());

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
  emit: (event: PipelineEvent) => Promise<void>,
  trace: (event: RunTraceEvent) => void,
): Promise<void> {
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
  const schedule = async (segments: Segment[], final: boolean): Promise<void> => {
    for (let i = 0; i < segments.length; i++) {
      const index = nextIndex++;
      const segment = segments[i];
      const { written, spoken } = speech.speak(index, segment?.text ?? "");
      const isFinal = final && i === segments.length - 1;
      logger.info(`Segment ${index} (len=${[...written].length}): ${JSON.stringify(written)}${spoken === written ? "" : ` spoken as ${JSON.stringify(spoken)}`}`);
      // The event is queued at once (ahead of any of its audio); the TTS starts before the consumer has seen it.
      const queued = emit({ type: "segment", index, text: written, spoken, isFinal, atMs: metrics.now() });
      scheduler.add({ index, text: spoken, ...(segment?.startsBlock ? { startsBlock: true } : {}) }, isFinal, written);
      await queued;
    }
  };

  // A TTS failure is the run's failure; RunControl then stops the LLM too (nothing more can be spoken in order).
  const delivering = scheduler.deliver().catch((error: unknown) => {
    if (!isAbortError(error)) control.fail(VoxpipeError.from(error, "tts"));
  });

  const openings = new OpeningSplitter(segmentWhole ? [] : (options.openings ?? []));
  const feed = async (split: ReturnType<OpeningSplitter["push"]>): Promise<void> => {
    if (!split) return;
    if (split.opening) await schedule([{ index: 0, text: split.opening }], false);
    if (split.rest) await schedule(segmenter.push(split.rest), false);
  };
  let reply = "";
  if (hasPrompt(options.request)) {
    const llmFailure = await readReply({
      llm: options.llm,
      request: options.request,
      signal: control.llmSignal,
      timeouts: options.timeouts ?? {},
      onText: async (text) => {
        // Queued at once; the segment it completes is cut and sent to TTS before waiting for room (backpressure).
        const queued = emit({ type: "text-delta", text, atMs: metrics.now() });
        // Until the first segment is cut, the LLM's rate so far (the metrics saw the text-delta) decides whether it may end early.
        const llmCharsPerSecond = nextIndex === 0 ? metrics.llmCharsPerSecond() : null;
        if (llmCharsPerSecond !== null) segmenter.updateRates({ llmCharsPerSecond });
        if (segmentWhole) reply += text;
        else await feed(openings.push(text));
        await queued;
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
      const text = [...wholeSegmenter.push(reply), ...wholeSegmenter.end()].map((s) => s.text).join(" ");
      if (text) await schedule([{ index: 0, text }], true);
    } else {
      await feed(openings.end());
      await schedule(segmenter.end(), true);
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
