import { once } from "node:events";
import { runPipeline } from "@voxpipe/core";
import { createScriptedLlm, createSyntheticTts, type ScriptedLlmOptions, type SyntheticTtsOptions } from "@voxpipe/core/testing";
import WebSocket from "ws";
import type { PlaygroundBackend } from "../playground-backend.js";
import type { ServerMessage } from "../protocol.js";

/** A playground backend made of core's test doubles: fast by default. */
export function testBackend(llm: Partial<ScriptedLlmOptions> = {}, tts: SyntheticTtsOptions = {}): PlaygroundBackend {
  const llmProvider = createScriptedLlm({ text: "Hello there. This is a short reply. It has three sentences.", tokensPerSecond: 200, ...llm });
  const ttsProvider = createSyntheticTts({ sampleRate: 16000, realTimeFactor: 0.2, ...tts });
  return {
    llm: llmProvider,
    tts: ttsProvider,
    defaultMode: "streaming",
    configName: "test",
    run: (request, options) => runPipeline({ llm: llmProvider, tts: ttsProvider, request, mode: options.mode, signal: options.signal, segmenter: { minLength: 5, firstMinLength: 5 } }),
  };
}

/** A WebSocket client that collects JSON messages and binary frames. */
export class TestClient {
  readonly messages: ServerMessage[] = [];
  readonly frames: Buffer[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data, isBinary) => {
      if (isBinary) this.frames.push(data as Buffer);
      else this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(url: string, origin?: string): Promise<TestClient> {
    const socket = new WebSocket(url, origin ? { origin } : {});
    const client = new TestClient(socket);
    await once(socket, "open");
    await client.next((message) => message.type === "hello");
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Resolves with the first message (already received or future) matching `predicate`. */
  async next<T extends ServerMessage>(predicate: (message: ServerMessage) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found as T;
      if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms; got ${this.messages.map((m) => m.type).join(", ")}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
