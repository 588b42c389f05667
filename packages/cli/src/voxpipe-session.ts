import {
  ConversationHistory,
  ReplyTranscript,
  convertOutput,
  textStreamLlm,
  type ConversationSettings,
  type ConversationSettingsInput,
  type LlmProvider,
  type LlmRequest,
  type OutputFormat,
  type PipelineEvent,
  type TextSource,
} from "@voxpipe/core";

/** What to ask the LLM: a prompt, or a request with chat history (`messages`) and sampling settings. */
export type VoxpipeRunRequest = string | Omit<LlmRequest, "signal">;

/** Options of one run. */
export interface VoxpipeRunOptions {
  /** Overrides the config's `pipeline.mode`. */
  mode?: "streaming" | "whole";
  /** Stops the run: the LLM, every synthesis and every timer; no events follow. */
  signal?: AbortSignal;
  /** The audio format delivered, over the config's `output` (e.g. `{ sampleRate: 48000 }`). */
  output?: OutputFormat;
}

/**
 * One listener. Its runs share the playout lead learned from its earlier
 * replies (`pipeline.playout`), so give each listener its own.
 */
export interface VoxpipeSession {
  /** Runs a prompt, or chat history (`{ messages }`), through the pipeline with the config's settings. */
  run(request: VoxpipeRunRequest, options?: VoxpipeRunOptions): AsyncGenerator<PipelineEvent>;
  /**
   * Speaks any text stream (an SDK's `textStream`, a generator, an array of
   * strings) through the segmenter, normalizer and TTS, with the same events as
   * `run`. Stopping the run calls the stream's `return()`.
   */
  speak(text: TextSource, options?: VoxpipeRunOptions): AsyncGenerator<PipelineEvent>;
}

/**
 * A conversation: a session that keeps its history. Each `reply` sends the
 * system prompt (config `conversation.system`) and the turns so far, and adds
 * the user's text and the reply to the history once the run ends. A reply
 * stopped early is kept up to the segments whose audio was delivered, marked
 * interrupted; a player that knows what was heard narrows it with
 * `history.interruptLastReply(heard)`. One reply at a time.
 */
export interface VoxpipeConversation extends VoxpipeSession {
  readonly history: ConversationHistory;
  /** Speaks the reply to what the user said, with the conversation so far as context. */
  reply(userText: string, options?: VoxpipeRunOptions): AsyncGenerator<PipelineEvent>;
  /** Forgets every turn (the system prompt stays). */
  clear(): void;
}

/** Runs one request on a given LLM with the config's settings (the caller owns the pipeline's options). */
export type RunWith = (llm: LlmProvider | undefined, request: Omit<LlmRequest, "signal">, options: VoxpipeRunOptions) => AsyncGenerator<PipelineEvent>;

/** A session over `runWith`, delivering audio in `output`'s format (the run's own `output` over it). */
export function createVoxpipeSession(runWith: RunWith, output: OutputFormat): VoxpipeSession {
  const converted = (events: AsyncGenerator<PipelineEvent>, options: VoxpipeRunOptions): AsyncGenerator<PipelineEvent> =>
    convertOutput(events, { ...output, ...definedFields(options.output) });
  return {
    run: (request, options = {}) => converted(runWith(undefined, typeof request === "string" ? { prompt: request } : request, options), options),
    // The request only has to be non-empty: the text-stream LLM ignores it.
    speak: (text, options = {}) => converted(runWith(textStreamLlm(text), { prompt: "(text stream)" }, options), options),
  };
}

/** A conversation over a new session. */
export function createVoxpipeConversation(session: VoxpipeSession, settings: ConversationSettings | ConversationSettingsInput): VoxpipeConversation {
  const history = new ConversationHistory(settings);
  let replying = false;
  async function* reply(userText: string, options: VoxpipeRunOptions = {}): AsyncGenerator<PipelineEvent> {
    if (replying) throw new Error("conversation: a reply is still in progress; stop it (abort its signal or break out of its loop) and let its loop end before the next reply.");
    replying = true;
    history.addUser(userText);
    const transcript = new ReplyTranscript();
    try {
      for await (const event of session.run({ messages: history.messages() }, options)) {
        transcript.observe(event);
        yield event;
      }
    } finally {
      replying = false;
      transcript.recordInto(history);
    }
  }
  return { ...session, history, reply, clear: () => history.clear() };
}

function definedFields(output: OutputFormat | undefined): OutputFormat {
  if (!output) return {};
  return {
    ...(output.sampleRate !== undefined ? { sampleRate: output.sampleRate } : {}),
    ...(output.channels !== undefined ? { channels: output.channels } : {}),
  };
}
