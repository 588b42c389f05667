import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type LlmStreamPart, type PipelineEvent } from "@voxpipe/core";
import { createOllamaLlm } from "@voxpipe/llm-ollama";
import { createOpenAiLlm } from "@voxpipe/llm-openai";
import { WEBSOCKET_PATH, openPlaygroundBackend, startPlayground, type ServerMessage } from "@voxpipe/playground";
import { createGptSovitsTts } from "@voxpipe/tts-gpt-sovits";
import { createOpenAiTts } from "@voxpipe/tts-openai";
import { main, openVoxpipe } from "voxpipe";
import WebSocket from "ws";
import { startEchoServer, type EchoServer, type EchoShape } from "./echo-server.js";

// Every secret a config can hold, each distinct so a leak names itself.
const S = {
  apiKey: "sk-live-APIKEY-7f3a9c",
  xApiKey: "XAPIKEY-51b2e8",
  azureKey: "AZUREKEY-c0ffee",
  bearer: "PROXYBEARER-9d8e7f",
  custom: "CUSTOMSECRET-4242",
  queryKey: "QUERYKEY-a1b2c3",
  queryToken: "QUERYTOKEN-d4e5f6",
  password: "URLPASSWORD-77aa",
};
const all = Object.values(S);

/** Everything a failure exposes: message, stack, code, and the cause chain, as one string. */
function exposed(value: unknown, depth = 0): string {
  if (depth > 6 || value === undefined || value === null) return "";
  if (value instanceof Error) return [value.message, value.stack ?? "", JSON.stringify(value), exposed(value.cause, depth + 1)].join("\n");
  if (typeof value === "object") return JSON.stringify(value, (_key, item: unknown) => (item instanceof Error ? exposed(item, depth + 1) : item));
  return String(value);
}

function expectNoSecret(text: string, where: string): void {
  for (const secret of all) expect(text, `${where} shows ${secret}`).not.toContain(secret);
}

/** The secrets the server actually received (so a test cannot pass because a secret never left the adapter). */
function received(server: EchoServer): string[] {
  const seen = server.echoes.join("\n");
  return all.filter((secret) => seen.includes(secret));
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function echo(shape: EchoShape, status = 401): Promise<EchoServer> {
  const server = await startEchoServer(shape, status);
  cleanup.push(() => server.close());
  return server;
}

async function llmFailure(stream: AsyncIterable<LlmStreamPart>): Promise<unknown> {
  try {
    for await (const part of stream) if (part.type === "error") return part.error;
  } catch (error) {
    return error;
  }
  throw new Error("the stream did not fail");
}

async function ttsFailure(chunks: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _chunk of chunks);
  } catch (error) {
    return error;
  }
  throw new Error("the synthesis did not fail");
}

const headers = { "x-api-key": S.xApiKey, "api-key": S.azureKey, "X-Custom-Auth": S.custom };

describe("secrets are masked whatever the server echoes (adapters called from code)", () => {
  it("llm-openai: key, header values and secret query parameters", async () => {
    const server = await echo("openai");
    const logs: string[] = [];
    const llm = createOpenAiLlm(
      { model: "m", baseURL: `${server.origin}/v1?api-key=${S.queryKey}&token=${S.queryToken}&x=1`, apiKey: S.apiKey, headers, retries: 1, retryDelayMs: 0 },
      { env: {}, log: (_level, message) => logs.push(message) },
    );
    const error = await llmFailure(llm.stream({ prompt: "hi" }));
    expect(received(server)).toEqual(expect.arrayContaining([S.apiKey, S.xApiKey, S.azureKey, S.custom, S.queryKey, S.queryToken]));
    expect((error as Error).message).toContain("***");
    expectNoSecret(exposed(error), "the error");
    expectNoSecret(logs.join("\n"), "the log");
  });

  it("llm-openai and tts-openai: credentials in the URL's user info", async () => {
    const server = await echo("openai");
    const baseURL = `http://reader:${S.password}@127.0.0.1:${server.port}/v1`;
    const llmError = await llmFailure(createOpenAiLlm({ model: "m", baseURL, retries: 0 }, { env: {} }).stream({ prompt: "hi" }));
    expect((llmError as Error).message).toContain("http://***@127.0.0.1");
    expectNoSecret(exposed(llmError), "the LLM error");
    const ttsError = await ttsFailure(createOpenAiTts({ baseURL }, { env: {} }).synthesize({ text: "Hello." }));
    expect((ttsError as Error).message).toContain("http://***@127.0.0.1");
    expectNoSecret(exposed(ttsError), "the TTS error");
  });

  it("llm-ollama: key, header values and URL credentials", async () => {
    const server = await echo("ollama");
    const logs: string[] = [];
    const llm = createOllamaLlm(
      { model: "m", host: `${server.origin}/?token=${S.queryToken}`, apiKey: S.apiKey, headers: { ...headers, "Proxy-Authorization": `Bearer ${S.bearer}` }, retries: 0 },
      { env: {}, log: (_level, message) => logs.push(message) },
    );
    const error = await llmFailure(llm.stream({ prompt: "hi" }));
    expect(received(server)).toEqual(expect.arrayContaining([S.apiKey, S.xApiKey, S.azureKey, S.bearer, S.custom, S.queryToken]));
    expect((error as Error).message).toContain("***");
    expectNoSecret(exposed(error), "the error");
    expectNoSecret(logs.join("\n"), "the log");
    const withUser = await llmFailure(createOllamaLlm({ model: "m", host: `http://reader:${S.password}@127.0.0.1:${server.port}`, retries: 0 }, { env: {} }).stream({ prompt: "hi" }));
    expectNoSecret(exposed(withUser), "the user-info error");
  });

  it("tts-openai: key, header values and secret query parameters", async () => {
    const server = await echo("openai");
    const logs: string[] = [];
    const tts = createOpenAiTts(
      { baseURL: `${server.origin}/v1?api-key=${S.queryKey}`, apiKey: S.apiKey, headers },
      { env: {}, log: (_level, message) => logs.push(message) },
    );
    const error = await ttsFailure(tts.synthesize({ text: "Hello." }));
    expect(received(server)).toEqual(expect.arrayContaining([S.apiKey, S.xApiKey, S.azureKey, S.custom, S.queryKey]));
    expect((error as Error).message).toContain("***");
    expectNoSecret(exposed(error), "the error");
    expectNoSecret(logs.join("\n"), "the log");
  });

  it("tts-gpt-sovits: secret query parameters and URL credentials", async () => {
    const server = await echo("gpt-sovits", 400);
    const error = await ttsFailure(createGptSovitsTts({ baseURL: `${server.origin}/?token=${S.queryToken}&sig=${S.queryKey}`, refAudioPath: "ref.wav" }).synthesize({ text: "Hello." }));
    expect(received(server)).toEqual(expect.arrayContaining([S.queryToken, S.queryKey]));
    expect((error as Error).message).toContain("***");
    expectNoSecret(exposed(error), "the error");
    const withUser = await ttsFailure(createGptSovitsTts({ baseURL: `http://reader:${S.password}@127.0.0.1:${server.port}`, refAudioPath: "ref.wav" }).synthesize({ text: "Hello." }));
    expect((withUser as Error).message).toContain("http://***@127.0.0.1");
    expectNoSecret(exposed(withUser), "the user-info error");
  });
});

/** A config file in a fresh folder; returns its path. */
async function configFile(config: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "voxpipe-secrets-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, "voxpipe.config.json");
  await writeFile(file, JSON.stringify(config));
  return file;
}

const scripted = { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hello there. This is a test.", tokensPerSecond: 500 } };
const synthetic = { use: "@voxpipe/core/testing#syntheticTts", options: {} };

/** One config per HTTP adapter, each holding every kind of secret it accepts, against `server`. */
function configs(origin: string, port: number): Record<string, unknown> {
  return {
    "llm-openai": { llm: { use: "@voxpipe/llm-openai", options: { model: "m", baseURL: `${origin}/v1?api-key=${S.queryKey}`, apiKey: S.apiKey, headers, retries: 0 } }, tts: synthetic },
    "llm-ollama": { llm: { use: "@voxpipe/llm-ollama", options: { model: "m", host: `${origin}/?token=${S.queryToken}`, apiKey: S.apiKey, headers, retries: 0 } }, tts: synthetic },
    "tts-openai": { llm: scripted, tts: { use: "@voxpipe/tts-openai", options: { baseURL: `${origin}/v1?api-key=${S.queryKey}`, apiKey: S.apiKey, headers } } },
    "tts-gpt-sovits": { llm: scripted, tts: { use: "@voxpipe/tts-gpt-sovits", options: { baseURL: `http://reader:${S.password}@127.0.0.1:${port}/?token=${S.queryToken}`, refAudioPath: "ref.wav" } } },
  };
}

describe("secrets are masked in events, logs, config check and the playground (from a config)", () => {
  it("error events and every log line of a run, for each HTTP adapter", async () => {
    for (const shape of ["openai", "ollama", "gpt-sovits"] as const) {
      const server = await echo(shape);
      for (const [name, config] of Object.entries(configs(server.origin, server.port))) {
        if ((shape === "ollama") !== (name === "llm-ollama") || (shape === "gpt-sovits") !== (name === "tts-gpt-sovits")) continue;
        const lines: string[] = [];
        const voxpipe = await openVoxpipe({ configFile: await configFile(config), env: {}, logger: createLogger("debug", (line) => lines.push(line)), load: false });
        const events: PipelineEvent[] = [];
        for await (const event of voxpipe.run("Say something.")) events.push(event);
        await voxpipe.dispose();
        const failure = events.find((event) => event.type === "error");
        expect(failure, `${name} reports an error event`).toBeDefined();
        expect(JSON.stringify(failure)).toContain("***");
        expectNoSecret(exposed(events.filter((event) => event.type !== "audio")), `${name}'s events`);
        expectNoSecret(lines.join("\n"), `${name}'s log`);
      }
    }
  });

  it("voxpipe config check prints *** for every key, header value and URL credential", async () => {
    for (const [name, config] of Object.entries(configs("http://127.0.0.1:9", 9))) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(["config", "check", await configFile(config)], { stdout: (line) => out.push(line), stderr: (line) => err.push(line) });
      expect(code, `${name}: ${err.join("\n")}`).toBe(0);
      const printed = out.join("\n");
      expect(printed).toContain("***");
      expectNoSecret(printed + err.join("\n"), `config check of ${name}`);
    }
  });

  it("the playground's hello names the backends without their secrets", async () => {
    const backend = await openPlaygroundBackend({ configFile: await configFile(configs("http://127.0.0.1:9", 9)["llm-openai"]), env: {}, load: false });
    const playground = await startPlayground({ backend });
    cleanup.push(async () => {
      await playground.close();
      await backend.dispose();
    });
    const socket = new WebSocket(`${playground.url.replace(/^http/, "ws").replace(/\/$/, "")}${WEBSOCKET_PATH}`, { origin: playground.url.replace(/\/$/, "") });
    const hello = await new Promise<ServerMessage>((resolve, reject) => {
      socket.once("message", (data) => resolve(JSON.parse(String(data)) as ServerMessage));
      socket.once("error", reject);
    });
    socket.close();
    expect(hello.type).toBe("hello");
    expectNoSecret(JSON.stringify(hello), "hello");
  });
});
