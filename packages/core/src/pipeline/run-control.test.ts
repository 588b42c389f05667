import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { RunControl } from "./run-control.js";

const failure = (stage: "llm" | "tts", code = `${stage}-failed`) => new VoxpipeError({ code, stage, message: `${stage} broke` });

describe("RunControl", () => {
  it("the caller's abort stops the run, the LLM and every TTS call, and the listener is removed on dispose", () => {
    const caller = new AbortController();
    const control = new RunControl(caller.signal);
    const call = control.ttsCall();
    caller.abort();
    expect([control.stopped, control.llmSignal.aborted, control.ttsSignal.aborted, call.signal.aborted]).toEqual([true, true, true, true]);
    expect(control.failure).toBeUndefined();
    expect(control.ttsCall().signal.aborted).toBe(true);
    const other = new AbortController();
    const disposed = new RunControl(other.signal);
    disposed.dispose();
    other.abort();
    expect(disposed.stopped).toBe(false);
  });

  it("the first failure wins; a TTS failure stops the LLM and the TTS calls", () => {
    const control = new RunControl(undefined);
    const call = control.ttsCall();
    control.fail(failure("tts"));
    control.fail(failure("llm"));
    expect(control.failure?.stage).toBe("tts");
    expect([control.llmSignal.aborted, call.signal.aborted, control.stopped]).toEqual([true, true, false]);
  });

  it("an LLM failure stops the LLM but lets the segments already cut be spoken", () => {
    const control = new RunControl(undefined);
    const call = control.ttsCall();
    control.fail(failure("llm"));
    expect([control.llmSignal.aborted, call.signal.aborted, control.ttsSignal.aborted]).toEqual([true, false, false]);
  });

  it("a released call is no longer reached; one call can be stopped alone", () => {
    const control = new RunControl(undefined);
    const released = control.ttsCall();
    released.release();
    const alone = control.ttsCall();
    alone.abort();
    const other = control.ttsCall();
    control.stopTts();
    expect([released.signal.aborted, alone.signal.aborted, other.signal.aborted]).toEqual([false, true, true]);
  });

  it("a failure after a stop is ignored: the run was stopped, not failed", () => {
    const control = new RunControl(undefined);
    control.stop();
    control.fail(failure("tts"));
    expect(control.failure).toBeUndefined();
  });

  it("a call prepared ahead is the next call's, and is stopped with the run like any other", () => {
    const control = new RunControl(undefined);
    control.prepareTtsCall();
    const prepared = control.ttsCall();
    const fresh = control.ttsCall();
    expect([prepared.signal.aborted, fresh.signal.aborted, prepared.signal === fresh.signal]).toEqual([false, false, false]);
    control.stop();
    expect([prepared.signal.aborted, fresh.signal.aborted]).toEqual([true, true]);
    const stopped = new RunControl(undefined);
    stopped.prepareTtsCall();
    stopped.stopTts();
    expect(stopped.ttsCall().signal.aborted).toBe(true);
  });
});
