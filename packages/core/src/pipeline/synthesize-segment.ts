import { FormatConverter } from "../audio/format-converter.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { Logger } from "../logging/logger.js";
import { audioDurationMs, type AudioChunk } from "../tts/audio-chunk.js";
import type { TtsReport } from "../tts/tts-report.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { iterateWithLimits, timeoutError } from "./iterate-with-limits.js";
import type { TtsCallSignal } from "./run-control.js";
import type { RunTraceEvent } from "./run-trace.js";
import type { SegmentJob } from "./segment-job.js";

export interface SegmentSynthesisContext {
  tts: TtsProvider;
  /** The voice to ask for (`TtsRequest.voice`); the backend's configured voice when omitted. */
  voice?: string;
  /** This call's signal, linked to the run's TTS signal. */
  call: TtsCallSignal;
  segmentTimeoutMs: number | undefined;
  logger: Logger;
  trace: (event: RunTraceEvent) => void;
  now: () => number;
  /** Resolves when the job may take more audio (backpressure). */
  room: (job: SegmentJob) => Promise<void>;
  /** Warns once per run when a backend sends another format than it declared. */
  warnOnFormat: (chunk: AudioChunk, tts: TtsProvider) => void;
}

/**
 * Speaks one segment with the run's TTS provider into its job: audio in the
 * provider's declared format, within the segment's time limit, with the
 * provider's reports (attempts, failovers, cache lookups) turned into trace
 * events. Ends the job with the failure, or with none on success or abort.
 */
export async function synthesizeSegment(job: SegmentJob, context: SegmentSynthesisContext): Promise<void> {
  const { tts, call, trace, now } = context;
  const index = job.segment.index;
  let startedAt = now();
  trace({ type: "synthesis-start", segmentIndex: index, backend: tts.id, atMs: startedAt });
  const onReport = (report: TtsReport): void => {
    switch (report.type) {
      case "attempt":
        // Each attempt (a failover's next backend) restarts the segment's timing.
        startedAt = now();
        job.backend = report.backend.id;
        trace({ type: "synthesis-start", segmentIndex: index, backend: report.backend.id, atMs: startedAt });
        break;
      case "failover":
        context.logger.warn(`TTS backend ${report.backend.id} failed on segment ${index} (${report.error.message}); continuing on ${report.next.id}.`);
        break;
      case "cache-lookup":
        if (report.hit) job.backend = `${report.backend.id} (cache)`;
        trace({ type: "cache-lookup", segmentIndex: index, hit: report.hit, backend: report.backend.id, atMs: now() });
        break;
    }
  };
  const timeoutMs = context.segmentTimeoutMs;
  const deadline = timeoutMs ? performance.now() + timeoutMs : undefined;
  const converter = new FormatConverter(tts.format);
  const accept = async (chunk: AudioChunk): Promise<void> => {
    if (chunk.pcm.length === 0) return;
    if (job.producedMs === 0) trace({ type: "first-audio-produced", segmentIndex: index, atMs: now() });
    job.push(chunk, audioDurationMs(chunk));
    await context.room(job);
  };
  const end = (error?: VoxpipeError): void => {
    const at = now();
    job.synthesisMs = at - startedAt;
    trace({ type: "synthesis-end", segmentIndex: index, audioMs: job.producedMs, atMs: at });
    job.finish(error);
  };
  try {
    const chunks = iterateWithLimits(tts.synthesize({ text: job.segment.text, ...(context.voice !== undefined ? { voice: context.voice } : {}), signal: call.signal, onReport }), call.signal, "tts", () =>
      deadline === undefined
        ? undefined
        : { ms: Math.max(1, deadline - performance.now()), error: () => timeoutError("tts", "tts-timeout", `TTS backend ${tts.id} took longer than ${timeoutMs} ms (pipeline.timeouts.ttsSegmentMs) to synthesize segment ${index}.`) },
    );
    for await (const raw of chunks) {
      context.warnOnFormat(raw, tts);
      await accept(converter.passes(raw) ? raw : await converter.convert(raw));
    }
    await accept(converter.flush());
    if (job.producedMs === 0 && job.segment.text.trim().length > 0 && !call.signal.aborted) {
      throw new VoxpipeError({ code: "tts-no-audio", stage: "tts", message: `TTS backend ${tts.id} returned no audio for segment ${index} ("${job.segment.text.slice(0, 40)}").` });
    }
    end();
  } catch (error) {
    const stopped = call.signal.aborted; // whatever a stopped backend throws is not a failure
    call.abort();
    end(stopped ? undefined : VoxpipeError.from(error, "tts", "tts-failed"));
  } finally {
    converter.dispose();
    call.release();
  }
}
