import { ConversationHistory, ReplyTranscript, VoxpipeError } from "@voxpipe/core";
import type { Duplex } from "node:stream";
import type { RawData, WebSocket } from "ws";
import { encodeAudioFrame } from "./audio-frame.js";
import { closeConnection, closeForNotReading, closeForStall, closeForProtocolErrors, type ServerClose } from "./close-codes.js";
import { helloMessage } from "./hello-message.js";
import type { PlaygroundLimits } from "./limits.js";
import type { PlaygroundBackend } from "./playground-backend.js";
import { WriteBatcher } from "./write-batcher.js";
import { RateWindow } from "./rate-window.js";
import { type ClientMessage, type ClientMessageSchema, type ProtocolErrorCode, type RunEndReason, type ServerMessage } from "./protocol.js";

/** Reported when a run ends, for logs and tests. */
export interface RunEndInfo {
  sessionId: number;
  runId: number;
  reason: RunEndReason;
  /** From the stop request to the moment the pipeline had released the LLM and TTS. */
  cancelMs?: number;
}

/** Reported when the server closes a connection itself (a cap was exceeded). */
export interface ServerCloseInfo extends ServerClose {
  sessionId: number;
  /** Bytes queued for the connection at that moment (ws `bufferedAmount`). */
  queuedBytes: number;
  /** Frames queued for the connection at that moment. */
  queuedFrames: number;
}

export interface SessionHooks {
  onRunStart?(info: { sessionId: number; runId: number; mode: "streaming" | "whole" }): void;
  onRunEnd?(info: RunEndInfo): void;
  /** The server closed a connection: too many protocol errors (1008) or a client not reading (4000). */
  onServerClose?(info: ServerCloseInfo): void;
}

interface ActiveRun {
  runId: number;
  controller: AbortController;
  stopRequestedAt?: number;
  /** What the listener heard, from the stop that ended the run. */
  heardChars?: number;
  done: Promise<void>;
}

/** What a session needs; everything but the sockets is shared by the server's sessions. */
export interface SessionOptions {
  sessionId: number;
  socket: WebSocket;
  /** The TCP connection under `socket` (the `upgrade` event's socket), whose writes the session batches. */
  transport: Pick<Duplex, "cork" | "uncork">;
  backend: PlaygroundBackend;
  limits: PlaygroundLimits;
  /** Built once per server (`sharedClientMessageSchema`), never per session. */
  schema: ClientMessageSchema;
  hooks?: SessionHooks;
}

let nextRunId = 1;

/**
 * One browser session on one WebSocket, one conversation: at most one run at a
 * time, each sending the conversation so far with the new user turn, its events
 * as JSON and its audio as binary frames. Never throws into the socket's
 * event loop: bad input gets a `protocol-error` frame.
 *
 * Messages are handled in the order they arrive: a `run` right after a `stop`
 * waits (with at most `maxPendingMessages` others) until the stopped run has
 * ended, then starts. What the connection can make the server hold is capped:
 * more than `maxQueuedBytes` unread, or more than `maxProtocolErrorsPerMinute`
 * bad messages, and the server closes it.
 */
export class Session {
  private active: ActiveRun | undefined;
  /** Set while a stop is winding the active run down; messages then wait in `pending`. */
  private stopping = false;
  private readonly pending: ClientMessage[] = [];
  private readonly protocolErrors: RateWindow;
  /** Frames handed to ws and not yet written to the network (each send's callback counts it down). */
  private queuedFrames = 0;
  private readonly frameWritten = (): void => {
    this.queuedFrames--;
  };
  /** Set once the server has closed this connection; nothing more is read or sent. */
  private closedBy: ServerClose | undefined;
  private readonly sessionId: number;
  private readonly socket: WebSocket;
  private readonly writes: WriteBatcher;
  private readonly backend: PlaygroundBackend;
  /** Runs this session's prompts: the backend's per-listener runner when it has one. */
  private readonly runner: Pick<PlaygroundBackend, "run">;
  private readonly limits: PlaygroundLimits;
  private readonly schema: ClientMessageSchema;
  private readonly hooks: SessionHooks;
  private readonly history: ConversationHistory;

  constructor(options: SessionOptions) {
    const { socket, backend, limits } = options;
    this.sessionId = options.sessionId;
    this.socket = socket;
    this.writes = new WriteBatcher(options.transport);
    this.backend = backend;
    this.runner = backend.session?.() ?? backend;
    this.limits = limits;
    this.schema = options.schema;
    this.hooks = options.hooks ?? {};
    this.history = new ConversationHistory(backend.conversation);
    this.protocolErrors = new RateWindow(limits.maxProtocolErrorsPerMinute, 60_000);
    socket.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    socket.on("close", () => this.active?.controller.abort());
    socket.on("error", () => this.active?.controller.abort());
    this.send(helloMessage(backend, limits));
  }

  /** Stops the current run, if any, and resolves once it has ended. */
  async stop(heardChars?: number): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.stopRequestedAt ??= performance.now();
    if (heardChars !== undefined) run.heardChars ??= heardChars;
    run.controller.abort();
    await run.done;
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    try {
      this.handleMessage(data, isBinary);
    } catch (error) {
      this.protocolError("internal", `The server could not handle that message: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private handleMessage(data: RawData, isBinary: boolean): void {
    if (this.closedBy || this.socket.readyState !== this.socket.OPEN) return;
    if (isBinary) return this.protocolError("binary-not-accepted", "The server accepts JSON text messages only.");
    let raw: unknown;
    try {
      raw = JSON.parse(rawText(data));
    } catch {
      return this.protocolError("bad-json", 'Messages must be JSON, e.g. {"type":"run","prompt":"Hello"}.');
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
      return this.protocolError(
        "bad-message",
        `Invalid message: ${issues.join("; ")}. Expected {"type":"run","prompt":string,"mode"?:"streaming"|"whole"}, {"type":"stop","heardChars"?:number} or {"type":"new-conversation"}.`,
      );
    }
    if (this.stopping) return this.hold(parsed.data);
    this.apply(parsed.data);
  }

  /** Acts on a valid message now (no stop is winding down). */
  private apply(message: ClientMessage): void {
    if (message.type === "stop" || message.type === "new-conversation") {
      const clear = message.type === "new-conversation";
      const heardChars = message.type === "stop" ? message.heardChars : undefined;
      if (!this.active) {
        // The reply had finished on the server but was still playing: keep only what was heard.
        if (heardChars !== undefined) this.lastReplyHeard(heardChars);
        if (clear) this.clearConversation();
        return;
      }
      this.stopping = true;
      void this.stop(heardChars).then(() => {
        if (clear) this.clearConversation();
        this.stopping = false;
        this.drainPending();
      });
      return;
    }
    if (this.active) return this.protocolError("busy", `Run ${this.active.runId} is still going; send {"type":"stop"} first (one run per connection).`);
    this.startRun(message.prompt, message.mode ?? this.backend.defaultMode);
  }

  /** Keeps a message for after the stop in progress; a repeated stop adds nothing (what it heard goes to the run stopping). */
  private hold(message: ClientMessage): void {
    const last = this.pending.at(-1);
    if (message.type === "stop" && (last === undefined || last.type === "stop")) {
      if (message.heardChars !== undefined && this.active) this.active.heardChars ??= message.heardChars;
      return;
    }
    if (this.pending.length >= this.limits.maxPendingMessages) {
      return this.protocolError("busy", `Run ${this.active?.runId ?? "?"} is stopping and ${this.pending.length} messages already wait for it; wait for its run-end before sending more.`);
    }
    this.pending.push(message);
  }

  private drainPending(): void {
    while (!this.stopping && !this.closedBy) {
      const message = this.pending.shift();
      if (!message) return;
      this.apply(message);
    }
  }

  /** The last reply, finished on the server, was stopped while playing: the history keeps what was heard. */
  private lastReplyHeard(heardChars: number): void {
    const last = this.history.turns.at(-1);
    if (last?.role === "assistant" && heardChars < last.content.length) this.history.interruptLastReply(last.content.slice(0, heardChars));
  }

  private clearConversation(): void {
    this.history.clear();
    this.send({ type: "conversation-cleared" });
  }

  private startRun(prompt: string, mode: "streaming" | "whole"): void {
    const runId = nextRunId++;
    const controller = new AbortController();
    const run: ActiveRun = { runId, controller, done: Promise.resolve() };
    this.active = run;
    run.done = this.drive(run, prompt, mode)
      .catch((error: unknown) => {
        // drive() reports pipeline failures to the page itself; this is a bug (or a throwing hook), never a crash.
        process.stderr.write(`[voxpipe-playground] run ${runId} ended unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      })
      .finally(() => {
        if (this.active === run) this.active = undefined;
      });
  }

  private async drive(run: ActiveRun, prompt: string, mode: "streaming" | "whole"): Promise<void> {
    const { runId, controller } = run;
    const historyMessages = this.history.turns.length;
    this.history.addUser(prompt);
    const transcript = new ReplyTranscript();
    this.send({ type: "run-start", runId, mode, promptChars: [...prompt].length, historyMessages });
    this.hooks.onRunStart?.({ sessionId: this.sessionId, runId, mode });
    let failed = false;
    try {
      for await (const event of this.runner.run({ messages: this.history.messages() }, { mode, signal: controller.signal })) {
        if (controller.signal.aborted) break;
        transcript.observe(event);
        if (event.type === "audio") {
          const { segmentIndex, fragmentIndex, sampleRate, channels, atMs, pcm } = event;
          const words = (event.words ?? []).flatMap((word) => (word.written ? [{ startMs: word.startMs, endMs: word.endMs, start: word.written.start, end: word.written.end }] : []));
          if (words.length > 0) this.send({ type: "words", runId, segmentIndex, words });
          await this.sendBinary(encodeAudioFrame({ runId, segmentIndex, fragmentIndex, sampleRate, channels, atMs }, pcm), controller.signal);
          continue;
        }
        if (event.type === "error") failed = true;
        this.send({ ...event, runId });
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        failed = true;
        const wrapped = VoxpipeError.from(error, "pipeline");
        this.send({ type: "error", runId, stage: wrapped.stage, code: wrapped.code, message: wrapped.message, retryable: wrapped.retryable, atMs: 0 });
      }
    }
    transcript.recordInto(this.history, run.heardChars);
    const stoppedAt = run.stopRequestedAt;
    const reason: RunEndReason = this.socket.readyState !== this.socket.OPEN ? "disconnected" : controller.signal.aborted ? "stopped" : failed ? "failed" : "finished";
    const cancelMs = stoppedAt === undefined ? undefined : Math.round(performance.now() - stoppedAt);
    this.send({ type: "run-end", runId, reason, ...(cancelMs === undefined ? {} : { cancelMs }) });
    this.hooks.onRunEnd?.({ sessionId: this.sessionId, runId, reason, ...(cancelMs === undefined ? {} : { cancelMs }) });
  }

  private protocolError(code: ProtocolErrorCode, message: string): void {
    if (!this.protocolErrors.record()) return this.closeBy(closeForProtocolErrors(this.limits.maxProtocolErrorsPerMinute));
    this.send({ type: "protocol-error", code, message });
  }

  /**
   * Closes the connection from the server's side: stops the run, ignores
   * further messages, and sends the close frame after what is queued (the
   * connection is dropped if the client has not answered within `closeTimeoutMs`).
   */
  private closeBy(close: ServerClose): void {
    if (this.closedBy) return;
    this.closedBy = close;
    this.pending.length = 0;
    this.active?.controller.abort();
    const queuedBytes = this.socket.bufferedAmount;
    closeConnection(this.socket, close, this.limits.closeTimeoutMs);
    this.hooks.onServerClose?.({ sessionId: this.sessionId, ...close, queuedBytes, queuedFrames: this.queuedFrames });
  }

  /** False (and the connection is closing) when the client has left more than `maxQueuedBytes` or `maxQueuedFrames` unread. */
  private canQueue(): boolean {
    if (this.closedBy || this.socket.readyState !== this.socket.OPEN) return false;
    const { maxQueuedBytes, maxQueuedFrames } = this.limits;
    const bytes = this.socket.bufferedAmount;
    if (bytes <= maxQueuedBytes && this.queuedFrames <= maxQueuedFrames) return true;
    this.closeBy(closeForNotReading({ bytes, frames: this.queuedFrames, maxBytes: maxQueuedBytes, maxFrames: maxQueuedFrames }));
    return false;
  }

  /** Sends a JSON message once this turn's timers and messages have been handled (see WriteBatcher). */
  private send(message: ServerMessage): void {
    if (!this.canQueue()) return;
    this.writes.hold("immediate");
    this.queuedFrames++;
    this.socket.send(JSON.stringify(message), this.frameWritten);
  }

  /**
   * Sends a binary frame at once (with any JSON held before it); waits while
   * the socket has more than `maxBufferedBytes` or half of `maxQueuedFrames`
   * queued (backpressure to the pipeline), so a slow reader never reaches the caps.
   * A client whose queue does not shrink at all for `maxStallMs` while the run waits is closed (4000).
   */
  private async sendBinary(frame: Buffer, signal: AbortSignal): Promise<void> {
    if (!this.canQueue()) return;
    this.writes.hold("tick");
    this.queuedFrames++;
    const written = new Promise<void>((resolve) =>
      this.socket.send(frame, { binary: true }, () => {
        this.frameWritten();
        resolve();
      }),
    );
    const backlogged = this.socket.bufferedAmount > this.limits.maxBufferedBytes || this.queuedFrames > this.limits.maxQueuedFrames / 2;
    if (!backlogged || signal.aborted) return;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener("abort", onAbort, { once: true });
    });
    // A run that waits on a client that takes nothing holds the shared backends: when a whole
    // maxStallMs passes with no byte of the queue taken by the network, close. A slow reader makes progress.
    let stallCheck: NodeJS.Timeout | undefined;
    const stalled = new Promise<"stalled">((resolve) => {
      let queued = this.socket.bufferedAmount;
      stallCheck = setInterval(() => {
        const now = this.socket.bufferedAmount;
        if (now >= queued) resolve("stalled");
        queued = now;
      }, this.limits.maxStallMs);
    });
    try {
      if ((await Promise.race([written, aborted, stalled])) === "stalled") this.closeBy(closeForStall(this.limits.maxStallMs));
    } finally {
      clearInterval(stallCheck);
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}
