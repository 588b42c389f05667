import { VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import { silentLogger } from "../logging/logger.js";
import { MetricsRecorder } from "../metrics/metrics-recorder.js";
import { createSegmenter } from "../segmenter/create-segmenter.js";
import type { Segment } from "../segmenter/segment.js";
import { BoundedQueue } from "./bounded-queue.js";
import type { PipelineEvent } from "./pipeline-event.js";
import type { PipelineOptions } from "./pipeline-options.js";
import { withPipelineDefaults } from "./pipeline-settings-schema.js";
import { OpeningSplitter } from "./opening-splitter.js";
import { hasPrompt, readReply } from "./read-reply.js";
import { TtsFailover } from "./tts-failover.js";
import { TtsScheduler } from "./tts-scheduler.js";
import { PlayoutLead } from "./playout-lead.js";
import { SegmentSpeech } from "../normalize/segment-speech.js";

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
  const mode = options.mode;
  const controller = new AbortController();
  const external = options.signal;
  const onExternalAbort = (): void => controller.abort();
  if (external?.aborted) return;
  external?.addEventListener("abort", onExternalAbort, { once: true });

  const failover = options.tts instanceof TtsFailover ? options.tts : new TtsFailover([options.tts]);
  const metrics = new MetricsRecorder({ mode, llm: `${options.llm.id}:${options.llm.model}`, tts: `${failover.primary.id}:${failover.primary.voice}` });
  const events = new BoundedQueue<PipelineEvent>(options.maxQueuedEvents ?? 64);
  const emit = (event: PipelineEvent): Promise<void> => (controller.signal.aborted ? Promise.resolve() : events.push(event));
  const driving = drive(options, failover, mode, controller.signal, metrics, emit).finally(() => events.close());

  // An abort empties the queue and wakes the consumer at once. (Racing each
  // shift() against one long-lived "aborted" promise would add a reaction to it
  // per event: a leak that grows with the length of the run.)
  const dropQueued = (): void => events.cancel();
  controller.signal.addEventListener("abort", dropQueued, { once: true });
  try {
    for (;;) {
      const event = await events.shift();
      if (event === undefined || controller.signal.aborted) return;
      yield event;
    }
  } finally {
    controller.abort();
    events.cancel();
    external?.removeEventListener("abort", onExternalAbort);
    controller.signal.removeEventListener("abort", dropQueued);
    await driving;
  }
}

async function drive(
  options: PipelineOptions,
  failover: TtsFailover,
  mode: "streaming" | "whole",
  signal: AbortSignal,
  metrics: MetricsRecorder,
  emit: (event: PipelineEvent) => Promise<void>,
): Promise<void> {
  const logger = options.logger ?? silentLogger;
  const segmenterOptions = options.segmenter ?? {};
  const segmentWhole = mode === "whole" || segmenterOptions.enabled === false;
  const segmenter = createSegmenter(segmenterOptions);
  // Stops every synthesis when the run is aborted or has failed.
  const ttsController = new AbortController();
  const stopTts = (): void => ttsController.abort();
  signal.addEventListener("abort", stopTts, { once: true });
  // segment → normalize → TTS request: the TTS gets the spoken form; events keep both.
  const speech = new SegmentSpeech(options.normalize, failover.providers);
  const learnedLead = options.playoutLead instanceof PlayoutLead ? options.playoutLead : undefined;
  const fixedLead = typeof options.playoutLead === "number" ? options.playoutLead : 0;
  const playoutLeadMs = mode === "whole" ? 0 : Math.max(0, learnedLead ? learnedLead.leadMs : fixedLead);
  const scheduler = new TtsScheduler({
    playoutLeadMs,
    failover,
    cache: options.cache,
    concurrency: Math.max(1, options.ttsConcurrency ?? 2),
    fragments: options.fragments,
    maxBufferedAudioMs: options.maxBufferedAudioMs ?? 30_000,
    segmentTimeoutMs: options.timeouts?.ttsSegmentMs,
    holdUntilDone: mode === "whole" || failover.providers.length > 1,
    signal: ttsController.signal,
    metrics,
    logger,
    emit: (event) => emit(speech.mapEvent(event)),
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
      const { written, spoken } = speech.speak(index, segments[i]?.text ?? "");
      const isFinal = final && i === segments.length - 1;
      metrics.segmentCut(index, [...written].length, failover.primary.id);
      logger.info(`Segment ${index} (len=${[...written].length}): ${JSON.stringify(written)}${spoken === written ? "" : ` spoken as ${JSON.stringify(spoken)}`}`);
      await emit({ type: "segment", index, text: written, spoken, isFinal, atMs: metrics.now() });
      scheduler.add({ index, text: spoken }, isFinal);
    }
  };

  let failure: VoxpipeError | undefined;
  const fail = (error: VoxpipeError): void => {
    failure ??= error;
  };
  const delivering = scheduler.deliver().catch((error: unknown) => {
    if (!isAbortError(error)) fail(VoxpipeError.from(error, "tts"));
  });

  // A TTS failure stops the LLM too: nothing more can be spoken in order.
  const llmController = new AbortController();
  const stopLlm = (): void => llmController.abort();
  signal.addEventListener("abort", stopLlm, { once: true });
  void delivering.then(() => {
    if (failure) {
      llmController.abort();
      ttsController.abort();
    }
  });

  const openings = new OpeningSplitter(segmentWhole ? [] : (options.cache?.openings ?? []));
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
      signal: llmController.signal,
      timeouts: options.timeouts ?? {},
      onText: async (text) => {
        metrics.text(text.length);
        await emit({ type: "text-delta", text, atMs: metrics.now() });
        if (segmentWhole) reply += text;
        else await feed(openings.push(text));
      },
      onReasoning: (text) => metrics.reasoning(text.length),
    });
    if (llmFailure) fail(llmFailure);
  } else {
    fail(new VoxpipeError({ code: "empty-prompt", stage: "pipeline", message: "The prompt is empty (or only whitespace): give the LLM something to answer." }));
  }
  signal.removeEventListener("abort", stopLlm);

  if (!signal.aborted && !failure) {
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
  ttsController.abort();
  signal.removeEventListener("abort", stopTts);

  if (signal.aborted) {
    metrics.markAborted();
    return;
  }
  if (failure) {
    metrics.failed({ stage: failure.stage, code: failure.code, message: failure.message });
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

