// Wrappers that time what the backends really did, so each floor is measured
// in the same run instead of taken from nominal settings (timer jitter and
// model speed then land in the floor, not in the pipeline's overhead).

const now = () => performance.now();

/** The provider with one method replaced; every other property is read from (and bound to) the original. */
function withOverride(target, name, replacement) {
  return new Proxy(target, {
    get(object, prop) {
      if (prop === name) return replacement;
      const value = Reflect.get(object, prop, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

/**
 * Wraps an LlmProvider. Each `stream()` call appends a record:
 * `{ startAt, tokens: [{ at, text }], outputTokens, endAt }` — `startAt` when the backend's
 * generator started, each `at` when the backend handed a text part over.
 * `active` counts streams whose backend generator has not finished.
 */
export function instrumentLlm(llm) {
  const state = { runs: [], active: 0 };
  async function* stream(request) {
    const record = { startAt: now(), tokens: [], endAt: null };
    state.runs.push(record);
    state.active++;
    try {
      for await (const part of llm.stream(request)) {
        if (part.type === "text-delta" && part.text) record.tokens.push({ at: now(), text: part.text });
        else if (part.type === "finish") record.outputTokens = part.usage?.outputTokens ?? null;
        yield part;
      }
    } finally {
      record.endAt = now();
      state.active--;
    }
  }
  return { provider: withOverride(llm, "stream", stream), state };
}

/**
 * Wraps a TtsProvider. Each `synthesize()` call appends
 * `{ text, calledAt, startAt, firstChunkAt, endAt }`: called by the pipeline,
 * backend generator started, first chunk handed over, finished.
 * `active` counts synthesis calls whose backend generator has not finished.
 */
export function instrumentTts(tts) {
  const state = { requests: [], active: 0 };
  async function* run(request, record) {
    record.startAt = now();
    state.active++;
    try {
      for await (const chunk of tts.synthesize(request)) {
        record.firstChunkAt ??= now();
        yield chunk;
      }
    } finally {
      record.endAt = now();
      state.active--;
    }
  }
  const synthesize = (request) => {
    const record = { text: request.text, calledAt: now(), startAt: null, firstChunkAt: null, endAt: null };
    state.requests.push(record);
    return run(request, record);
  };
  return { provider: withOverride(tts, "synthesize", synthesize), state };
}

/**
 * The floor of one streaming run from its records: how long the LLM took to
 * hand over the text that completed the first segment (the last text part it
 * emitted before the pipeline called the TTS for segment 0), plus how long the
 * TTS took from starting that request to its first chunk.
 */
export function measuredFloor(llmRun, ttsRequest) {
  if (!llmRun || !ttsRequest || ttsRequest.firstChunkAt === null || ttsRequest.startAt === null) return null;
  let cut = null;
  for (const token of llmRun.tokens) {
    if (token.at <= ttsRequest.calledAt) cut = token;
    else break;
  }
  if (!cut) return null;
  const llmMs = cut.at - llmRun.startAt;
  const ttsMs = ttsRequest.firstChunkAt - ttsRequest.startAt;
  return { llmMs, ttsMs, floorMs: llmMs + ttsMs };
}

/**
 * Runs a pipeline and consumes every event (or stops after the first audio
 * with `stopAtFirstAudio`). Times are taken on the consumer's side, from just
 * before the run was started: the consumer is where a listener's audio begins.
 */
export async function drain(runPipeline, options, { stopAtFirstAudio = false } = {}) {
  const startAt = now();
  let firstAudioAt = null;
  let firstSegment = null;
  let metrics = null;
  let error = null;
  let audioEvents = 0;
  for await (const event of runPipeline(options)) {
    if (event.type === "audio") {
      audioEvents++;
      if (firstAudioAt === null) {
        firstAudioAt = now();
        if (stopAtFirstAudio) break;
      }
    } else if (event.type === "segment") {
      firstSegment ??= event.text;
    } else if (event.type === "error") {
      error = `${event.stage}/${event.code}: ${event.message}`;
    } else if (event.type === "finish") {
      metrics = event.metrics;
    }
  }
  const endAt = now();
  return { startAt, endAt, ttfaMs: firstAudioAt === null ? null : firstAudioAt - startAt, firstAudioAt, firstSegment, metrics, error, audioEvents };
}
