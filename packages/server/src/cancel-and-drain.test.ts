import { get } from "node:http";
import { createScriptedLlm, createSyntheticTts } from "@voxpipe/core/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "./__fixtures__/start-test-server.js";
import { watchCancellation } from "./__fixtures__/watched-providers.js";

/** A GET on a connection of its own (no keep-alive pool whose idle sockets a draining server closes). */
function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

const open: TestServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** A long reply at a speaking pace (TEST DOUBLES): the LLM and TTS are both still working when the client leaves. */
const slowBackends = () =>
  watchCancellation(
    createScriptedLlm({ text: "This is a sentence that keeps going. ".repeat(60), tokensPerSecond: 30 }),
    createSyntheticTts({ realTimeFactor: 0.5, firstChunkMs: 20 }),
  );

const spokenChat = { model: "voxpipe", messages: [{ role: "user" as const, content: "Talk." }], modalities: ["text" as const, "audio" as const], audio: { voice: "alloy" as const, format: "pcm16" as const }, stream: true as const };

describe("client disconnect", () => {
  it("cancels the LLM and every TTS call of the stream at once (openai client aborted after the first audio)", async () => {
    const { llm, tts, watch } = slowBackends();
    const server = await startTestServer({ llm, tts });
    open.push(server);
    const controller = new AbortController();
    const stream = await server.client().chat.completions.create(spokenChat, { signal: controller.signal });
    for await (const chunk of stream) {
      if ((chunk.choices[0]?.delta as { audio?: { data?: string } }).audio?.data) break;
    }
    // Leaving the loop with break aborts the request, like a client going away.
    const leftAt = performance.now();
    await vi.waitFor(() => {
      expect(watch.llmAbortedAt).toHaveLength(1);
      expect(watch.ttsAbortedAt.length).toBeGreaterThan(0);
    });
    expect(watch.llmAbortedAt[0]! - leftAt).toBeLessThan(5000);
    await vi.waitFor(() => expect(server.server.activeStreams).toBe(0));
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/voxpipe_errors_total\{stage="client",code="client-disconnected"\} 1/);
  });

  it("a raw speech request whose socket closes mid-body cancels the TTS", async () => {
    const { llm, tts, watch } = slowBackends();
    const server = await startTestServer({ llm, tts });
    open.push(server);
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/audio/speech`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "voxpipe", voice: "alloy", input: "A sentence to speak here. ".repeat(100), response_format: "pcm" }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await vi.waitFor(() => expect(watch.ttsAbortedAt.length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(server.server.activeStreams).toBe(0));
  });
});

describe("graceful drain", () => {
  it("readyz turns 503 and new requests are refused while an in-flight stream finishes; then the server closes", async () => {
    const server = await startTestServer({ llm: createScriptedLlm({ text: "One short reply. It ends soon.", tokensPerSecond: 20 }), tts: createSyntheticTts() });
    open.push(server);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const stream = await server.client().chat.completions.create(spokenChat);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const drained = server.server.drain(10_000);
    const readyz = await getOnNewConnection(`${server.url}/readyz`);
    expect(readyz.status).toBe(503);
    expect(JSON.parse(readyz.body)).toEqual({ status: "draining" });
    const refused = await getOnNewConnection(`${server.url}/v1/models`);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe("draining");
    expect((await getOnNewConnection(`${server.url}/healthz`)).status).toBe(200);
    let transcript = "";
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      transcript += (next.value.choices[0]?.delta as { audio?: { transcript?: string } } | undefined)?.audio?.transcript ?? "";
    }
    expect(transcript.length).toBeGreaterThan(0);
    await drained;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it("cuts streams still running at the deadline", async () => {
    const { llm, tts, watch } = slowBackends();
    const server = await startTestServer({ llm, tts });
    open.push(server);
    const stream = await server.client().chat.completions.create(spokenChat);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await server.server.drain(200);
    expect(watch.llmAbortedAt).toHaveLength(1);
    expect(server.server.activeStreams).toBe(0);
  });
});
