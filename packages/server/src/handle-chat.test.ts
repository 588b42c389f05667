import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pcm16Rms, scriptedReply, startTestServer, type TestServer } from "./__fixtures__/start-test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const messages = [
  { role: "system" as const, content: "You are brief." },
  { role: "user" as const, content: "Say something." },
];

describe("POST /v1/chat/completions through the openai client (scripted LLM test double + eSpeak NG)", () => {
  it("stream with audio: chunks carry delta.audio transcript pieces and base64 24 kHz PCM16, in OpenAI's format", async () => {
    const stream = await server.client().chat.completions.create({ model: "voxpipe", messages, modalities: ["text", "audio"], audio: { voice: "alloy", format: "pcm16" }, stream: true });
    let transcript = "";
    const audio: Buffer[] = [];
    const ids = new Set<string>();
    let firstDataAt = -1;
    let lastTranscriptAt = -1;
    let index = 0;
    let finish: string | null = null;
    let expiresAt: number | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      const choice = chunk.choices[0]!;
      finish = choice.finish_reason ?? finish;
      const part = (choice.delta as { audio?: { id: string; transcript?: string; data?: string; expires_at?: number } }).audio;
      if (part) {
        ids.add(part.id);
        if (part.transcript) {
          transcript += part.transcript;
          lastTranscriptAt = index;
        }
        if (part.data) {
          audio.push(Buffer.from(part.data, "base64"));
          if (firstDataAt < 0) firstDataAt = index;
        }
        expiresAt = part.expires_at ?? expiresAt;
      }
      index++;
    }
    expect(transcript).toBe(scriptedReply);
    expect(ids.size).toBe(1);
    expect(finish).toBe("stop");
    expect(expiresAt).toBeGreaterThan(Date.now() / 1000);
    // The first audio is sent before the whole reply's transcript: it follows the first segment.
    expect(firstDataAt).toBeGreaterThan(0);
    expect(firstDataAt).toBeLessThan(lastTranscriptAt);
    const pcm = Buffer.concat(audio);
    expect(pcm.length / 2 / 24_000).toBeGreaterThan(2);
    expect(pcm16Rms(pcm)).toBeGreaterThan(0.02);
  });

  it("without stream: message.audio holds id, data, transcript and expires_at", async () => {
    const completion = await server.client().chat.completions.create({ model: "voxpipe", messages, modalities: ["text", "audio"], audio: { voice: "alloy", format: "pcm16" } });
    expect(completion.object).toBe("chat.completion");
    const audio = completion.choices[0]!.message.audio!;
    expect(audio.id).toMatch(/^audio_/);
    expect(audio.transcript).toBe(scriptedReply);
    expect(audio.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(pcm16Rms(Buffer.from(audio.data, "base64"))).toBeGreaterThan(0.02);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
  });

  it("text only: a plain streamed chat passthrough", async () => {
    const stream = await server.client().chat.completions.create({ model: "voxpipe", messages, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(scriptedReply);
    expect(usage).toMatchObject({ completion_tokens: expect.any(Number) });
  });

  it("text only, not streamed: message.content", async () => {
    const completion = await server.client().chat.completions.create({ model: "voxpipe", messages });
    expect(completion.choices[0]!.message.content).toBe(scriptedReply);
  });

  it("the messages reach the LLM as a conversation", async () => {
    const seen: unknown[] = [];
    const recording = await startTestServer({
      llm: {
        id: "recording-llm (test double)",
        model: "echo",
        async *stream(request) {
          seen.push(request.messages);
          yield { type: "text-delta", text: "ok" };
          yield { type: "finish", reason: "stop" };
        },
      },
    });
    try {
      await recording.client().chat.completions.create({ model: "voxpipe", messages: [...messages, { role: "assistant", content: "Hi." }, { role: "developer", content: [{ type: "text", text: "Be kind." }] }, { role: "user", content: "Again." }] });
      expect(seen[0]).toEqual([
        { role: "system", content: "You are brief." },
        { role: "user", content: "Say something." },
        { role: "assistant", content: "Hi." },
        { role: "system", content: "Be kind." },
        { role: "user", content: "Again." },
      ]);
    } finally {
      await recording.close();
    }
  });

  it("GET /v1/models lists the configured ids", async () => {
    const models = await server.client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(["voxpipe"]);
  });

  it("GET /metrics: requests, active streams, TTFA and TTFT histograms, errors and audio seconds in Prometheus text", async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/voxpipe_requests_total\{endpoint="chat",status="200"\} [1-9]/);
    expect(text).toMatch(/voxpipe_active_streams\{endpoint="chat"\} 0/);
    expect(text).toMatch(/voxpipe_time_to_first_audio_seconds_count\{endpoint="chat"\} [1-9]/);
    expect(text).toMatch(/voxpipe_time_to_first_token_seconds_count\{endpoint="chat"\} [1-9]/);
    expect(text).toMatch(/voxpipe_audio_seconds_total\{endpoint="chat"\} [1-9]/);
    expect(text).toContain("# TYPE voxpipe_errors_total counter");
  });
});
