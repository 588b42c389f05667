import { VoxpipeError, defaultAdapterContext, type AdapterContext, type LlmProvider, type LlmRequest, type LlmStreamPart } from "@voxpipe/core";
import { parseAdapterOptions } from "@voxpipe/core/adapter-kit";
import { generate, type GenerationOutcome } from "./generate.js";
import { llamaCppOptionsSchema, type LlamaCppOptions } from "./llama-cpp-options.js";
import { loadRuntime, type LlamaRuntime } from "./llama-runtime.js";
import { parseModelSource } from "./model-source.js";
import { PartChannel } from "./part-channel.js";
import { RequestQueue } from "./request-queue.js";
import { samplingFor } from "./request-input.js";
import type { SortedText } from "./generate.js";

/** What `load()` evaluates to warm the model up (four tokens are generated and discarded). */
const WARM_UP_PROMPT = "Hello there. Tell me a short story about a cat.";

/** The llama.cpp provider: an `LlmProvider` whose `dispose` is always there. */
export interface LlamaCppProvider extends LlmProvider {
  /**
   * Loads the model and context now instead of on the first request (a
   * warm-up: the first `stream` then starts generating at once). Rejects with
   * the same `VoxpipeError` the first request would report.
   */
  load(): Promise<void>;
  dispose(): Promise<void>;
}

function disposedError(): VoxpipeError {
  return new VoxpipeError({ code: "llm-provider-disposed", stage: "llm", message: "llama-cpp: the provider was disposed while this request was running or waiting; create a new one to generate again." });
}

/** Waits for `promise`, or rejects as soon as `signal` fires (the promise itself keeps running). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Creates the llama.cpp provider. Nothing is loaded until the first request;
 * then the model and one context are loaded once and reused. Requests take
 * turns on the context's single sequence (first in, first out). `dispose`
 * stops running requests and frees the model and context.
 */
export function createLlamaCppLlm(input: LlamaCppOptions = {}, context: AdapterContext = defaultAdapterContext()): LlamaCppProvider {
  const options = parseAdapterOptions("@voxpipe/llm-llama-cpp", llamaCppOptionsSchema, input);
  const source = parseModelSource(options.model);
  const disposal = new AbortController();
  const queue = new RequestQueue();
  const running = new Set<Promise<unknown>>();
  let runtimePromise: Promise<LlamaRuntime> | undefined;

  function runtime(): Promise<LlamaRuntime> {
    if (!runtimePromise) {
      const loading = loadRuntime(options, context, disposal.signal);
      runtimePromise = loading;
      // A failed load is tried again by the next request (e.g. after the file was fixed).
      loading.catch(() => {
        if (runtimePromise === loading) runtimePromise = undefined;
      });
    }
    return runtimePromise;
  }

  async function* stream(request: LlmRequest): AsyncGenerator<LlmStreamPart> {
    const signal = request.signal;
    if (signal?.aborted) {
      yield { type: "finish", reason: "abort" };
      return;
    }
    if (disposal.signal.aborted) {
      yield { type: "error", error: disposedError() };
      return;
    }
    const waitSignal = signal ? AbortSignal.any([signal, disposal.signal]) : disposal.signal;
    let loaded: LlamaRuntime;
    let release: () => void;
    try {
      loaded = await untilAborted(runtime(), waitSignal);
      release = await queue.acquire(waitSignal);
    } catch (error) {
      if (signal?.aborted) yield { type: "finish", reason: "abort" };
      else if (disposal.signal.aborted) yield { type: "error", error: disposedError() };
      else yield { type: "error", error: VoxpipeError.from(error, "llm", "llm-failed") };
      return;
    }

    const stop = new AbortController(); // the consumer stopped reading
    const generationSignal = AbortSignal.any(signal ? [stop.signal, disposal.signal, signal] : [stop.signal, disposal.signal]);
    const channel = new PartChannel<SortedText>();
    let outcome: GenerationOutcome | undefined;
    let failure: unknown;
    const sampling = samplingFor(request, options);
    const generation = generate(loaded, request, sampling, options.systemPrompt, generationSignal, (part) => {
      if (part.text) channel.push(part);
    }).then((result) => (outcome = result), (error: unknown) => (failure = error))
      .finally(() => channel.close());
    running.add(generation);
    try {
      for await (const part of channel) {
        // Once aborted, nothing but the final part goes out.
        if (generationSignal.aborted) continue;
        yield part;
      }
      await generation;
      if (signal?.aborted) yield { type: "finish", reason: "abort", usage: { outputTokens: outcome?.outputTokens } };
      else if (disposal.signal.aborted) yield { type: "error", error: disposedError() };
      else if (failure !== undefined || !outcome) yield { type: "error", error: VoxpipeError.from(failure, "llm", "llm-generation-failed") };
      else yield { type: "finish", reason: outcome.reason, usage: { inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens } };
    } finally {
      stop.abort();
      await generation;
      running.delete(generation);
      release();
    }
  }

  return {
    id: "llama-cpp",
    model: source.fileName ?? options.model,
    stream,
    async load() {
      if (disposal.signal.aborted) throw disposedError();
      await runtime();
      // A few tokens from a short prompt: llama.cpp sizes its compute buffers on the first evaluation, which
      // otherwise lands on the first reply (stories260K: first token 4.9 ms after a bare load, 1.9 ms after
      // this warm-up, 0.8 ms warm).
      for await (const part of stream({ prompt: WARM_UP_PROMPT, maxTokens: 4 })) {
        if (part.type === "error") throw part.error;
      }
    },
    async dispose() {
      if (disposal.signal.aborted) return;
      disposal.abort();
      await Promise.all(running);
      const loaded = await runtimePromise?.catch(() => undefined);
      runtimePromise = undefined;
      await loaded?.dispose();
    },
  };
}

/** @deprecated Renamed {@link createLlamaCppLlm}; this alias goes in the next release. */
export const createLlamaCpp = createLlamaCppLlm;
