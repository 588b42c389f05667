import type { VoxpipeError } from "../errors/voxpipe-error.js";

/** A signal for one TTS call, linked to the run's TTS signal; `release()` it when the call is over. */
export interface TtsCallSignal {
  readonly signal: AbortSignal;
  /** Stops this call alone (a timeout, or the consumer left this segment). */
  abort(): void;
  /** The call is over: the run no longer needs to reach it. */
  release(): void;
}

/**
 * Owns one run's cancellation. The run is stopped by the caller's signal or
 * by `stop()` (the consumer left); a failure is recorded by `fail()`, and the
 * first one wins. Stages get linked child signals: `llmSignal` for the LLM
 * call, and one `ttsCall()` per TTS call, all aborted when the run stops.
 *
 * A failure stops the LLM (nothing after it could be spoken in order). A TTS
 * or pipeline failure stops every TTS call too; after an LLM failure the
 * segments already cut are still spoken, so the TTS calls go on.
 *
 * Nothing below the run builds its own chain of controllers: one listener on
 * the caller's signal, removed by `dispose()`.
 */
export class RunControl {
  private readonly run = new AbortController();
  private readonly llm = new AbortController();
  private readonly tts = new AbortController();
  private readonly ttsCalls = new Set<AbortController>();
  /** The next TTS call's controller, built ahead by `prepareTtsCall()`. */
  private spareCall: AbortController | undefined;
  private firstFailure: VoxpipeError | undefined;
  private readonly onCallerAbort = (): void => this.stop();

  constructor(private readonly caller: AbortSignal | undefined) {
    if (caller?.aborted) this.stop();
    else caller?.addEventListener("abort", this.onCallerAbort, { once: true });
  }

  /** Aborted when the run was stopped by the caller or the consumer (not by a failure): no events follow. */
  get signal(): AbortSignal {
    return this.run.signal;
  }

  get stopped(): boolean {
    return this.run.signal.aborted;
  }

  /** The LLM call's signal: aborted when the run stops or fails. */
  get llmSignal(): AbortSignal {
    return this.llm.signal;
  }

  /** The failure that ended the run, the first one recorded. */
  get failure(): VoxpipeError | undefined {
    return this.firstFailure;
  }

  /** Aborted when TTS is stopped: the run stopped or failed in TTS, or is over. The scheduler waits on it. */
  get ttsSignal(): AbortSignal {
    return this.tts.signal;
  }

  /** A signal for one TTS call; already aborted when TTS has been stopped. */
  ttsCall(): TtsCallSignal {
    const call = this.spareCall ?? new AbortController();
    this.spareCall = undefined;
    if (this.tts.signal.aborted) call.abort();
    else this.ttsCalls.add(call);
    return {
      signal: call.signal,
      abort: () => call.abort(),
      release: () => this.ttsCalls.delete(call),
    };
  }

  /**
   * Builds the next TTS call's controller and signal now, while the run waits for its first token:
   * they take tens of microseconds to build, time that would sit between the first segment's cut
   * and its TTS request. (Node builds a controller's signal on its first read.)
   */
  prepareTtsCall(): void {
    if (this.spareCall) return;
    this.spareCall = new AbortController();
    void this.spareCall.signal;
  }

  /** Records a failure (the first wins) and stops what it makes useless (see the class comment). */
  fail(error: VoxpipeError): void {
    if (this.firstFailure || this.stopped) return;
    this.firstFailure = error;
    this.llm.abort();
    if (error.stage !== "llm") this.stopTts();
  }

  /** The caller or the consumer stopped the run: everything stops at once. */
  stop(): void {
    if (this.stopped) return;
    this.run.abort();
    this.llm.abort();
    this.stopTts();
  }

  /** Aborts every TTS call still running (also used when the run is over). */
  stopTts(): void {
    this.tts.abort();
    for (const call of this.ttsCalls) call.abort();
    this.ttsCalls.clear();
  }

  /** Removes the listener on the caller's signal. */
  dispose(): void {
    this.caller?.removeEventListener("abort", this.onCallerAbort);
  }
}
