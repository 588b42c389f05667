import { FormatConverter } from "../audio/format-converter.js";
import type { OutputFormat } from "../audio/output-format-schema.js";
import type { PipelineEvent } from "./pipeline-event.js";

/**
 * Delivers a run's audio in `output`'s format: each segment's audio goes
 * through a streaming resampler and channel mixer (state carried across
 * fragments; its tail is delivered before the segment's `segment-end`). Other
 * events and word timings pass through unchanged. With no field set, the
 * events are the run's own.
 */
export async function* convertOutput(events: AsyncIterable<PipelineEvent>, output: OutputFormat = {}): AsyncGenerator<PipelineEvent> {
  if (output.sampleRate === undefined && output.channels === undefined) {
    yield* events;
    return;
  }
  const converters = new Map<number, { converter: FormatConverter; fragments: number }>();
  try {
    for await (const event of events) {
      if (event.type === "audio") {
        let state = converters.get(event.segmentIndex);
        if (!state) {
          state = { converter: new FormatConverter({ sampleRate: output.sampleRate ?? event.sampleRate, channels: output.channels ?? event.channels }), fragments: 0 };
          converters.set(event.segmentIndex, state);
        }
        const chunk = await state.converter.convert(event);
        yield { ...event, pcm: chunk.pcm, sampleRate: chunk.sampleRate, channels: chunk.channels, fragmentIndex: state.fragments++ };
      } else if (event.type === "segment-end") {
        const state = converters.get(event.segmentIndex);
        if (state) {
          converters.delete(event.segmentIndex);
          const tail = state.converter.flush();
          state.converter.dispose();
          if (tail.pcm.length > 0) {
            yield { type: "audio", segmentIndex: event.segmentIndex, fragmentIndex: state.fragments, pcm: tail.pcm, sampleRate: tail.sampleRate, channels: tail.channels, atMs: event.atMs };
          }
        }
        yield event;
      } else {
        yield event;
      }
    }
  } finally {
    for (const { converter } of converters.values()) converter.dispose();
  }
}
