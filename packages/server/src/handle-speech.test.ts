import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pcm16Rms, readAll, sseData, startTestServer, type TestServer } from "./__fixtures__/start-test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const input = "The quick brown fox jumps over the lazy dog. It was a sunny day, and everyone was happy.";

describe("POST /v1/audio/speech through the openai client (eSpeak NG)", () => {
  it("streams pcm: 16-bit mono at 24 kHz, speech-length and not silent", async () => {
    const response = await server.client().audio.speech.create({ model: "voxpipe", voice: "alloy", input, response_format: "pcm" });
    expect(response.headers.get("content-type")).toBe("audio/pcm");
    expect(response.headers.get("x-sample-rate")).toBe("24000");
    const pcm = await readAll(response.body as unknown as AsyncIterable<Uint8Array>);
    expect(pcm.length % 2).toBe(0);
    const seconds = pcm.length / 2 / 24_000;
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(15);
    expect(pcm16Rms(pcm)).toBeGreaterThan(0.02);
  });

  it("streams wav with a streamed-length header at 24 kHz", async () => {
    const response = await server.client().audio.speech.create({ model: "voxpipe", voice: "alloy", input: "Hello world.", response_format: "wav" });
    const wav = Buffer.from(await response.arrayBuffer());
    expect(wav.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(wav.subarray(8, 12).toString("ascii")).toBe("WAVE");
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(24_000);
    expect(wav.readUInt32LE(40)).toBe(0xffffffff);
    expect(pcm16Rms(wav.subarray(44))).toBeGreaterThan(0.02);
  });

  it("sends native-rate audio when asked (the sample_rate extension)", async () => {
    const response = await fetch(`${server.url}/v1/audio/speech`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "voxpipe", voice: "alloy", input: "Hello.", response_format: "pcm", sample_rate: "native" }),
    });
    expect(response.headers.get("x-sample-rate")).toBe(String(server.backends.tts.format.sampleRate));
  });

  it("stream_format sse: speech.audio.delta events with base64 PCM, then speech.audio.done with usage", async () => {
    const response = await server.client().audio.speech.create({ model: "voxpipe", voice: "alloy", input, response_format: "pcm", stream_format: "sse" });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = sseData(await response.text()).map((data) => JSON.parse(data) as { type: string; audio?: string; usage?: Record<string, number> });
    const deltas = events.filter((event) => event.type === "speech.audio.delta");
    expect(deltas.length).toBeGreaterThan(1);
    const pcm = Buffer.concat(deltas.map((event) => Buffer.from(event.audio ?? "", "base64")));
    expect(pcm16Rms(pcm)).toBeGreaterThan(0.02);
    expect(events.at(-1)).toEqual({ type: "speech.audio.done", usage: { input_tokens: input.length, output_tokens: 0, total_tokens: input.length } });
  });

  it("instructions are ignored with a warning header", async () => {
    const response = await server.client().audio.speech.create({ model: "voxpipe", voice: "alloy", input: "Hi.", response_format: "pcm", instructions: "whisper" });
    expect(response.headers.get("x-voxpipe-warning")).toBe('voice "alloy" is not in server.voices, so the configured voice speaks; instructions are ignored');
    await response.arrayBuffer();
  });

  it("speed 2 gives about half the audio", async () => {
    const length = async (speed: number): Promise<number> => {
      const response = await server.client().audio.speech.create({ model: "voxpipe", voice: "alloy", input, response_format: "pcm", speed });
      return (await response.arrayBuffer()).byteLength;
    };
    const [normal, fast] = [await length(1), await length(2)];
    expect(fast / normal).toBeLessThan(0.75);
  });
});
