import type { LlmProvider, TtsProvider } from "@voxpipe/core";

/** When a provider's work was cancelled: the time each request's signal fired (performance.now()). */
export interface CancelWatch {
  llmAbortedAt: number[];
  ttsAbortedAt: number[];
  llmRequests: number;
  ttsRequests: number;
}

/** Wraps an LLM and a TTS (TEST DOUBLES or real) to record when their requests' signals fire. */
export function watchCancellation(llm: LlmProvider, tts: TtsProvider): { llm: LlmProvider; tts: TtsProvider; watch: CancelWatch } {
  const watch: CancelWatch = { llmAbortedAt: [], ttsAbortedAt: [], llmRequests: 0, ttsRequests: 0 };
  return {
    watch,
    llm: {
      id: llm.id,
      model: llm.model,
      stream(request) {
        watch.llmRequests++;
        request.signal?.addEventListener("abort", () => watch.llmAbortedAt.push(performance.now()), { once: true });
        return llm.stream(request);
      },
    },
    tts: {
      id: tts.id,
      voice: tts.voice,
      format: tts.format,
      streaming: tts.streaming,
      synthesize(request) {
        watch.ttsRequests++;
        request.signal?.addEventListener("abort", () => watch.ttsAbortedAt.push(performance.now()), { once: true });
        return tts.synthesize(request);
      },
    },
  };
}
