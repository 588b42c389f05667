import type {
  Experimental_SpeechModelV4StreamOptions as SpeechStreamOptions,
  Experimental_SpeechModelV4StreamPart as SpeechStreamPart,
  Experimental_SpeechModelV4StreamResult as SpeechStreamResult,
  Experimental_StreamingSpeechModelV4 as StreamingSpeechModelV4,
  SpeechModelV4CallOptions,
  SharedV4AudioFormat,
  SpeechModelV4Result,
} from "@ai-sdk/provider";
import { AbortError, VoxpipeError, createPlayoutLead, runPipeline, wavHeader, type PipelineEvent, type PlayoutLead } from "@voxpipe/core";
import { AudioEncoder, planOutput } from "./audio-output.js";
import { mapCallSettings } from "./call-settings.js";
import type { SpeechBackends } from "./speech-backends.js";
import { TextPartsSource } from "./text-parts-source.js";

/** The prompt of the pipeline's LLM stage; the stage reads the call's text stream, not a prompt. */
const STREAMED_TEXT_PROMPT = "(text streamed by the AI SDK)";

/**
 * voxpipe as an AI SDK speech model: `doStream` speaks streamed text as it
 * arrives (segmenter, bounded parallel TTS, audio in order); `doGenerate`
 * returns the whole audio of a complete text.
 */
export class VoxpipeSpeechModel implements StreamingSpeechModelV4 {
  readonly specificationVersion = "v4";
  readonly provider = "voxpipe";
  private playoutLead: number | PlayoutLead | undefined;

  constructor(
    readonly modelId: string,
    private readonly backends: () => Promise<SpeechBackends>,
  ) {}

  async doStream(options: SpeechStreamOptions): Promise<SpeechStreamResult> {
    const source = new TextPartsSource(options.text, options.voice);
    let backends: SpeechBackends;
    try {
      if (options.abortSignal?.aborted) throw options.abortSignal.reason ?? new AbortError("tts");
      backends = await this.backends();
      if (options.abortSignal?.aborted) throw options.abortSignal.reason ?? new AbortError("tts");
    } catch (error) {
      source.release(error);
      throw error;
    }
    const { config } = backends;
    const mapped = mapCallSettings(options, backends.primary);
    const plan = planOutput(options.outputFormat, backends.primary.format, "pcm");
    const warnings = [...mapped.warnings, ...plan.warnings];
    const encoder = new AudioEncoder(plan);
    const controller = new AbortController();
    const onAbort = (): void => {
      controller.abort(options.abortSignal?.reason);
      source.release(options.abortSignal?.reason);
    };
    options.abortSignal?.addEventListener("abort", onAbort, { once: true });
    this.playoutLead ??= createPlayoutLead(config.pipeline.playout);
    const events = runPipeline({
      llm: source.asLlm(),
      tts: backends.runTts(mapped.defaults),
      ...(backends.openings ? { openings: backends.openings } : {}),
      request: { prompt: STREAMED_TEXT_PROMPT },
      mode: config.pipeline.mode,
      segmenter: config.segmenter,
      normalize: config.normalize,
      ttsConcurrency: config.pipeline.ttsConcurrency,
      fragments: config.pipeline.fragments,
      maxBufferedAudioMs: config.pipeline.maxBufferedAudioMs,
      timeouts: backends.timeouts,
      pauses: backends.pauses,
      playoutLead: this.playoutLead,
      ...(backends.ttsProfile ? { ttsProfile: backends.ttsProfile } : {}),
      logger: backends.logger,
      signal: controller.signal,
    })[Symbol.asyncIterator]();
    const cleanUp = (reason?: unknown): void => {
      options.abortSignal?.removeEventListener("abort", onAbort);
      controller.abort(reason);
      source.release(reason);
      encoder.dispose();
    };

    const stream = new ReadableStream<SpeechStreamPart>({
      start: (parts) => {
        parts.enqueue({ type: "stream-start", warnings });
        parts.enqueue({ type: "response-metadata", timestamp: new Date(), modelId: this.modelId });
      },
      pull: async (parts) => {
        try {
          for (;;) {
            const next = await events.next();
            if (next.done) {
              // The run was aborted: no finish follows.
              const reason = options.abortSignal?.reason ?? new AbortError("tts", "The speech stream was aborted.");
              cleanUp(reason);
              parts.error(reason);
              return;
            }
            const part = await this.toPart(next.value, encoder, plan.audioFormat, source);
            if (part === "error") {
              const event = next.value as Extract<PipelineEvent, { type: "error" }>;
              const error = new VoxpipeError({ code: event.code, stage: event.stage, message: event.message, retryable: event.retryable });
              cleanUp(error);
              parts.error(error);
              await events.return?.(undefined);
              return;
            }
            if (part === undefined) continue;
            for (const piece of part) parts.enqueue(piece);
            if (part.some((piece) => piece.type === "finish")) {
              await events.return?.(undefined);
              cleanUp();
              parts.close();
            }
            return;
          }
        } catch (error) {
          cleanUp(error);
          parts.error(error);
        }
      },
      cancel: async (reason) => {
        cleanUp(reason);
        await events.return?.(undefined);
      },
    });
    return { stream, response: { timestamp: new Date(), modelId: this.modelId } };
  }

  async doGenerate(options: SpeechModelV4CallOptions): Promise<SpeechModelV4Result> {
    const backends = await this.backends();
    const plan = planOutput(options.outputFormat, backends.primary.format, "wav");
    const text = new ReadableStream({
      start(controller) {
        controller.enqueue({ type: "text" as const, text: options.text });
        controller.close();
      },
    });
    const { stream } = await this.doStream({
      text,
      outputFormat: { type: "audio/pcm", rate: plan.sampleRate },
      ...(options.voice !== undefined ? { voice: options.voice } : {}),
      ...(options.speed !== undefined ? { speed: options.speed } : {}),
      ...(options.language !== undefined ? { language: options.language } : {}),
      ...(options.instructions !== undefined ? { instructions: options.instructions } : {}),
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
    });
    const pieces: Uint8Array[] = [];
    const warnings = [...plan.warnings];
    let inputCharacters = 0;
    for await (const part of stream as unknown as AsyncIterable<SpeechStreamPart>) {
      if (part.type === "stream-start") warnings.push(...part.warnings);
      else if (part.type === "audio" && typeof part.audio !== "string") pieces.push(part.audio);
      else if (part.type === "finish") inputCharacters = part.usage?.inputCharacters ?? 0;
    }
    const pcm = concat(pieces);
    const audio = plan.container === "wav" ? concat([wavHeader({ sampleRate: plan.sampleRate, channels: 1 }, pcm.byteLength), pcm]) : pcm;
    return { audio, warnings, usage: { inputCharacters }, response: { timestamp: new Date(), modelId: this.modelId } };
  }

  /** The stream parts of one pipeline event; "error" for a failed run. */
  private async toPart(event: PipelineEvent, encoder: AudioEncoder, audioFormat: SharedV4AudioFormat, source: TextPartsSource): Promise<SpeechStreamPart[] | "error" | undefined> {
    switch (event.type) {
      case "audio": {
        const audio = await encoder.encode(event.pcm, event.sampleRate, event.channels);
        return audio.byteLength > 0 ? [{ type: "audio", audio, audioFormat }] : undefined;
      }
      case "error":
        return "error";
      case "finish": {
        const tail = encoder.finish();
        return [...(tail.byteLength > 0 ? [{ type: "audio" as const, audio: tail, audioFormat }] : []), { type: "finish", usage: { inputCharacters: source.inputCharacters } }];
      }
      default:
        return undefined;
    }
  }
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.byteLength;
  }
  return out;
}
