import { VoxpipeError } from "@voxpipe/core";
import type { Duplex } from "node:stream";
import type { RawData, WebSocket } from "ws";
import { encodeAudioFrame } from "./audio-frame.js";
import type { PlaygroundLimits } from "./limits.js";
import type { PlaygroundBackend } from "./playground-backend.js";
import { WriteBatcher } from "./write-batcher.js";
import { PROTOCOL_VERSION, type ClientMessageSchema, type ProtocolErrorCode, type RunEndReason, type ServerMessage } from "./protocol.js";

/** Reported when a run ends, for logs and tests. */
export interface RunEndInfo {
  sessionId: number;
  runId: number;
  reason: RunEndReason;
  /** From the stop request to the moment the pipeline had released the LLM and TTS. */
  cancelMs?: number;
}

export interface SessionHooks {
  onRunStart?(info: { sessionId: number; runId: number; mode: "streaming" | "whole" }): void;
  onRunEnd?(info: RunEndInfo): void;
}

interface ActiveRun {
  runId: number;
  controller: AbortController;
  stopRequestedAt?: number;
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
 * One browser session on one WebSocket: at most one run at a time, its events
 * as JSON and its audio as binary frames. Never throws into the socket's
 * event loop: bad input gets a `protocol-error` frame.
 */
export class Session {
  private active: ActiveRun | undefined;
  private readonly sessionId: number;
  private readonly socket: WebSocket;
  private readonly writes: WriteBatcher;
  private readonly backend: PlaygroundBackend;
  /** Runs this session's prompts: the backend's per-listener runner when it has one. */
  private readonly runner: Pick<PlaygroundBackend, "run">;
  private readonly limits: PlaygroundLimits;
  private readonly schema: ClientMessageSchema;
  private readonly hooks: SessionHooks;

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
    socket.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    socket.on("close", () => this.active?.controller.abort());
    socket.on("error", () => this.active?.controller.abort());
    this.send({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      backends: {
        llm: { id: backend.llm.id, model: backend.llm.model },
        tts: {
          id: backend.tts.id,
          voice: backend.tts.voice,
          sampleRate: backend.tts.format.sampleRate,
          channels: backend.tts.format.channels,
          streaming: backend.tts.streaming,
        },
        mode: backend.defaultMode,
        config: backend.configName,
      },
      limits: { maxPromptChars: limits.maxPromptChars, maxMessageBytes: limits.maxMessageBytes },
    });
  }

  /** Stops the current run, if any, and resolves once it has ended. */
  async stop(): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.stopRequestedAt ??= performance.now();
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
      return this.protocolError("bad-message", `Invalid message: ${issues.join("; ")}. Expected {"type":"run","prompt":string,"mode"?:"streaming"|"whole"} or {"type":"stop"}.`);
    }
    const message = parsed.data;
    if (message.type === "stop") {
      void this.stop();
      return;
    }
    if (this.active) return this.protocolError("busy", `Run ${this.active.runId} is still going; send {"type":"stop"} first (one run per connection).`);
    this.startRun(message.prompt, message.mode ?? this.backend.defaultMode);
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
    this.send({ type: "run-start", runId, mode, promptChars: [...prompt].length });
    this.hooks.onRunStart?.({ sessionId: this.sessionId, runId, mode });
    let failed = false;
    try {
      for await (const event of this.runner.run(prompt, { mode, signal: controller.signal })) {
        if (controller.signal.aborted) break;
        if (event.type === "audio") {
          const { segmentIndex, fragmentIndex, sampleRate, channels, atMs, pcm } = event;
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
    const stoppedAt = run.stopRequestedAt;
    const reason: RunEndReason = this.socket.readyState !== this.socket.OPEN ? "disconnected" : controller.signal.aborted ? "stopped" : failed ? "failed" : "finished";
    const cancelMs = stoppedAt === undefined ? undefined : Math.round(performance.now() - stoppedAt);
    this.send({ type: "run-end", runId, reason, ...(cancelMs === undefined ? {} : { cancelMs }) });
    this.hooks.onRunEnd?.({ sessionId: this.sessionId, runId, reason, ...(cancelMs === undefined ? {} : { cancelMs }) });
  }

  private protocolError(code: ProtocolErrorCode, message: string): void {
    this.send({ type: "protocol-error", code, message });
  }

  /** Sends a JSON message once this turn's timers and messages have been handled (see WriteBatcher). */
  private send(message: ServerMessage): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.writes.hold("immediate");
    this.socket.send(JSON.stringify(message));
  }

  /** Sends a binary frame at once (with any JSON held before it); waits while the socket has more than `maxBufferedBytes` queued (backpressure to the pipeline). */
  private async sendBinary(frame: Buffer, signal: AbortSignal): Promise<void> {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.writes.hold("tick");
    const written = new Promise<void>((resolve) => this.socket.send(frame, { binary: true }, () => resolve()));
    if (this.socket.bufferedAmount <= this.limits.maxBufferedBytes || signal.aborted) return;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([written, aborted]);
    } finally {
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}
