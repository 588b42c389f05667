import type { Experimental_SpeechModelV4StreamTextPart as SpeechTextPart } from "@ai-sdk/provider";
import { VoxpipeError, type LlmProvider, type LlmStreamPart } from "@voxpipe/core";

/**
 * The text stream of a speech call, read as voxpipe's LLM stage: each text
 * part becomes a `text-delta`, so the text goes through the segmenter and the
 * bounded TTS scheduler as if a model were generating it.
 *
 * It owns the caller's stream (as the speech model spec asks): `release()`
 * cancels it on every path that does not read it to the end — abort, a
 * consumer cancel, a failure — and is safe to call more than once.
 */
export class TextPartsSource {
  /** Code points of text read so far (the call's `usage.inputCharacters`). */
  inputCharacters = 0;
  private reader: ReadableStreamDefaultReader<SpeechTextPart> | undefined;
  private released = false;
  private finished = false;

  constructor(
    private readonly text: ReadableStream<SpeechTextPart>,
    /** The call's voice; a part asking for another one fails the stream (one voice per stream). */
    private readonly callVoice: string | undefined,
  ) {}

  /** Cancels the caller's stream unless it was read to the end. */
  release(reason?: unknown): void {
    if (this.released || this.finished) return;
    this.released = true;
    const cancelling = this.reader ? this.reader.cancel(reason) : this.text.cancel(reason);
    cancelling.catch(() => {
      // the caller's stream may already be errored; there is nothing left to release
    });
  }

  /** The LLM stage of the pipeline run. */
  asLlm(): LlmProvider {
    return {
      id: "ai-sdk-text",
      model: "text stream",
      stream: (request) => this.parts(request.signal),
    };
  }

  private async *parts(signal: AbortSignal | undefined): AsyncGenerator<LlmStreamPart> {
    if (this.released) return;
    const reader = (this.reader = this.text.getReader());
    // A pending read does not watch the signal: cancelling the reader settles it.
    const onAbort = (): void => this.release(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await reader.read();
        } catch (error) {
          yield { type: "error", error: VoxpipeError.from(error, "llm", "text-stream-failed") };
          return;
        }
        if (next.done) {
          if (this.released) yield { type: "finish", reason: "abort" };
          else {
            this.finished = true;
            yield { type: "finish", reason: "stop" };
          }
          return;
        }
        const part = next.value;
        if (part.voice !== undefined && part.voice !== this.callVoice) {
          this.release();
          yield {
            type: "error",
            error: new VoxpipeError({
              code: "voice-change-unsupported",
              stage: "llm",
              message: `A text part asks for the voice "${part.voice}" but this stream speaks ${this.callVoice === undefined ? "the default voice" : `"${this.callVoice}"`}: voxpipe speaks one voice per stream. Set \`voice\` on the call instead, or start one stream per voice.`,
            }),
          };
          return;
        }
        if (part.text.length === 0) continue;
        this.inputCharacters += [...part.text].length;
        yield { type: "text-delta", text: part.text };
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      // Stopped early by the pipeline (abort, a TTS failure): the rest of the text will not be read.
      if (!this.finished) this.release(signal?.reason);
    }
  }
}
