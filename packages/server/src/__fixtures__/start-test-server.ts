import { configSchema, serverConfigSchema, type LlmProvider, type ServerConfigInput, type TtsProvider, type VoxpipeConfigInput } from "@voxpipe/core";
import { createScriptedLlm } from "@voxpipe/core/testing";
import { createEspeakTts } from "@voxpipe/tts-espeak";
import OpenAI from "openai";
import { createVoiceBackends, type VoiceBackends } from "../voice-backends.js";
import { startVoxpipeServer, type VoxpipeServer } from "../voxpipe-server.js";

/** The reply the scripted LLM (a TEST DOUBLE) gives in these tests. */
export const scriptedReply = "Hello there. This is a spoken reply from voxpipe, streamed one segment at a time. It ends here.";

export interface TestServerOptions {
  /** Default: the scripted LLM (TEST DOUBLE) replaying `scriptedReply` quickly. */
  llm?: LlmProvider;
  /** Default: real eSpeak NG (in-process WebAssembly), voice en-us. */
  tts?: TtsProvider | TtsProvider[];
  server?: ServerConfigInput;
  pipeline?: VoxpipeConfigInput["pipeline"];
  apiKeys?: string[];
}

export interface TestServer {
  url: string;
  server: VoxpipeServer;
  backends: VoiceBackends;
  /** The real openai client, pointed at the server. */
  client(apiKey?: string): OpenAI;
  close(): Promise<void>;
}

/** Starts a voxpipe server on 127.0.0.1, port 0, with the given (or default) backends. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = configSchema.parse({ llm: { use: "test" }, tts: { use: "test" }, ...(options.pipeline ? { pipeline: options.pipeline } : {}) });
  const backends = createVoiceBackends({
    llm: options.llm ?? createScriptedLlm({ text: scriptedReply, tokensPerSecond: 400 }),
    tts: options.tts ?? createEspeakTts({ voice: "en-us" }),
    config,
  });
  await backends.load();
  const server = await startVoxpipeServer({
    backends,
    config: serverConfigSchema.parse({ host: "127.0.0.1", port: 0, ...options.server }),
    apiKeys: options.apiKeys ?? [],
    processMetrics: false,
  });
  return {
    url: server.url,
    server,
    backends,
    client: (apiKey = options.apiKeys?.[0] ?? "unused-key") => new OpenAI({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 0 }),
    async close() {
      await server.close();
      await backends.dispose();
    },
  };
}

/** Concatenated bytes of a streamed body. */
export async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** RMS of little-endian 16-bit PCM bytes, in [0, 1]. */
export function pcm16Rms(bytes: Buffer): number {
  let sum = 0;
  const n = Math.floor(bytes.length / 2);
  for (let i = 0; i < n; i++) sum += (bytes.readInt16LE(i * 2) / 32768) ** 2;
  return n === 0 ? 0 : Math.sqrt(sum / n);
}

/** The `data:` payloads of an SSE body. */
export function sseData(text: string): string[] {
  return text.split("\n\n").map((block) => block.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6)).join("\n")).filter((data) => data.length > 0);
}
