import type { VoxpipeError } from "../errors/voxpipe-error.js";
import type { Segment } from "../segmenter/segment.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { EndingClass } from "./join-class.js";

/** One segment's synthesis: the audio it has produced and not yet delivered, and how it ended. */
export class SegmentJob {
  readonly chunks: AudioChunk[] = [];
  /** Audio held in `chunks`, in ms. */
  queuedMs = 0;
  /** All audio produced, in ms. */
  producedMs = 0;
  /** Who spoke it, for `segment-end`: the backend's id, with " (cache)" when the audio came from the cache. */
  backend: string;
  /** Synthesis wall time, from its (last) start to its end. */
  synthesisMs = 0;
  done = false;
  error: VoxpipeError | undefined;
  private wake: (() => void) | undefined;
  private resolveEnded!: () => void;
  /** Resolves when synthesis has ended, successfully or not. */
  readonly ended = new Promise<void>((resolve) => {
    this.resolveEnded = resolve;
  });

  /** `ending`: the class of the segment's written ending (the pause after it). */
  constructor(readonly segment: Segment, readonly isFinal: boolean, backend: string, readonly ending: EndingClass = "none") {
    this.backend = backend;
  }

  push(chunk: AudioChunk, durationMs: number): void {
    this.chunks.push(chunk);
    this.queuedMs += durationMs;
    this.producedMs += durationMs;
    this.notify();
  }

  finish(error?: VoxpipeError): void {
    this.done = true;
    this.error = error;
    this.notify();
    this.resolveEnded();
  }

  /** Resolves when a chunk arrives or the job ends. */
  changed(): Promise<void> {
    if (this.chunks.length > 0 || this.done) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
