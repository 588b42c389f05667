import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAll, scriptedReply, startTestServer, type TestServer } from "./__fixtures__/start-test-server.js";
import { voiceNotFoundError, type AudioChunk, type TtsProvider, type TtsRequest } from "@voxpipe/core";
import { createEspeakTts } from "@voxpipe/tts-espeak";
import { resolveRequestVoice, unknownVoiceError } from "./request-voice.js";

// The real openai client against the server on the real eSpeak NG (configured voice en-us) and the scripted LLM (TEST DOUBLE).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ server: { voices: { narrator: "en-gb", shimmer: "en-us+f3" } } });
});
afterAll(async () => server.close());

const input = "The quick brown fox jumps over the lazy dog.";

async function speech(voice: string): Promise<{ pcm: Buffer; warning: string | null }> {
  const response = await server.client().audio.speech.create({ model: "voxpipe", voice, input, response_format: "pcm" });
  return { pcm: await readAll(response.body as unknown as AsyncIterable<Uint8Array>), warning: response.headers.get("x-voxpipe-warning") };
}

/**
 * How far apart two renderings sound, 0 = alike: the largest relative difference of their length, loudness
 * and zero-crossing rate (pitch). eSpeak NG's output for one voice varies slightly from call to call
 * (measured: under 4 %), two voices differ by more (en-us / en-gb: 10 %, en-us / en-us+f3: 20 %).
 */
function distance(a: Buffer, b: Buffer): number {
  const features = (pcm: Buffer): number[] => {
    const n = Math.floor(pcm.length / 2);
    let loud = 0;
    let crossings = 0;
    for (let i = 0; i < n; i++) {
      const sample = pcm.readInt16LE(i * 2);
      loud += Math.abs(sample);
      if (i > 0 && sample < 0 !== pcm.readInt16LE(i * 2 - 2) < 0) crossings++;
    }
    return [n, loud / n, crossings / n];
  };
  const [x, y] = [features(a), features(b)];
  return Math.max(...x.map((value, i) => Math.abs(value - (y[i] ?? 0)) / Math.max(value, y[i] ?? 0)));
}
const ALIKE = 0.06;
const APART = 0.08;

async function chatAudio(voice: string): Promise<Buffer> {
  const stream = await server.client().chat.completions.create({ model: "voxpipe", messages: [{ role: "user", content: "Hi." }], modalities: ["text", "audio"], audio: { voice, format: "pcm16" }, stream: true });
  const audio: Buffer[] = [];
  for await (const chunk of stream) {
    const data = (chunk.choices[0]?.delta as { audio?: { data?: string } } | undefined)?.audio?.data;
    if (data) audio.push(Buffer.from(data, "base64"));
  }
  return Buffer.concat(audio);
}

describe("resolveRequestVoice (the policy)", () => {
  const voices = { narrator: "en-gb", alloy: "en-us+m3" };
  it("a mapped name, an OpenAI name not mapped, any other name", () => {
    expect(resolveRequestVoice("narrator", voices)).toMatchObject({ voice: "en-gb", source: "mapped", warning: undefined });
    expect(resolveRequestVoice({ id: "alloy" }, voices)).toMatchObject({ voice: "en-us+m3", source: "mapped" });
    expect(resolveRequestVoice("Nova", voices)).toMatchObject({ voice: undefined, source: "default", warning: 'voice "Nova" is not in server.voices, so the configured voice speaks' });
    expect(resolveRequestVoice("de", voices)).toMatchObject({ voice: "de", source: "passed", warning: undefined });
    expect(resolveRequestVoice("toString", voices)).toMatchObject({ voice: "toString", source: "passed" });
  });
});

describe("unknownVoiceError (core's voice-not-found, from any adapter)", () => {
  const failure = (code: string, message: string) => ({ type: "error" as const, stage: "tts" as const, code, message, retryable: false, atMs: 1 });
  const passed = resolveRequestVoice("zoe", {});
  it("a passed-through voice the backend reports as voice-not-found is a 400 voice_not_found naming it", () => {
    // A third-party adapter's error, built with core's helper: the server knows no adapter's own codes.
    const error = voiceNotFoundError({ backend: "acme-tts", voice: "zoe", known: ["ann", "bob"] });
    const api = unknownVoiceError(failure(error.code, error.message), passed, "audio.speech", "voice");
    expect(api).toMatchObject({ status: 400, param: "voice", code: "voice_not_found" });
    expect(api?.message).toBe('audio.speech: voice "zoe" is not a voice of this server\'s TTS backend (acme-tts has no voice "zoe"; it has e.g. "ann", "bob". Ask for one of those voices, or leave `voice` unset to use the configured one.); use a name from GET /v1/audio/voices or one the backend knows');
  });

  it("a third-party adapter that throws it gets the 400 through the server (real openai client)", async () => {
    // TEST DOUBLE: an "acme" adapter with one voice, speaking through the real eSpeak NG; it knows nothing of the server.
    const espeak = createEspeakTts({ voice: "en-us" });
    const acme: TtsProvider = {
      id: "acme",
      voice: "ann",
      format: espeak.format,
      streaming: espeak.streaming,
      async *synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
        if (request.voice !== undefined && request.voice !== "ann") throw voiceNotFoundError({ backend: "acme-tts", voice: request.voice, known: ["ann"] });
        yield* espeak.synthesize({ ...request, voice: undefined });
      },
      load: async () => espeak.load?.(),
      dispose: async () => espeak.dispose?.(),
    };
    const acmeServer = await startTestServer({ tts: acme });
    try {
      const failure = await acmeServer.client().audio.speech.create({ model: "voxpipe", voice: "zoe", input, response_format: "pcm" }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
      expect(failure).toMatchObject({ status: 400, param: "voice", code: "voice_not_found", message: expect.stringContaining('acme-tts has no voice "zoe"; it has e.g. "ann"') });
      const spoken = await acmeServer.client().audio.speech.create({ model: "voxpipe", voice: "ann", input, response_format: "pcm" });
      expect((await readAll(spoken.body as unknown as AsyncIterable<Uint8Array>)).length).toBeGreaterThan(0);
    } finally {
      await acmeServer.close();
    }
  });

  it("any other failure, or a voice the server chose (mapped or the configured one), is not the client's mistake", () => {
    expect(unknownVoiceError(failure("invalid-voice-file", "bad file"), passed, "audio.speech", "voice")).toBeUndefined();
    expect(unknownVoiceError(failure("unknown-speaker", "old code"), passed, "audio.speech", "voice")).toBeUndefined();
    expect(unknownVoiceError(failure("voice-not-found", "m"), resolveRequestVoice("narrator", { narrator: "en-zz" }), "audio.speech", "voice")).toBeUndefined();
    expect(unknownVoiceError(failure("voice-not-found", "m"), resolveRequestVoice("alloy", {}), "audio.speech", "voice")).toBeUndefined();
  });
});

describe("the request's voice chooses the voice (real openai client, eSpeak NG)", () => {
  it("speech: two voices give different audio; a voice asked twice gives the same", async () => {
    const [us, gb, gbAgain] = [await speech("en-us"), await speech("en-gb"), await speech("en-gb")];
    expect(distance(gb.pcm, us.pcm)).toBeGreaterThan(APART);
    expect(distance(gbAgain.pcm, gb.pcm)).toBeLessThan(ALIKE);
    expect(us.warning).toBeNull();
  });

  it("speech: a name in server.voices speaks its mapped voice; an OpenAI name not mapped gets the configured voice, with a warning header", async () => {
    const [narrator, gb, alloy, us, shimmer] = [await speech("narrator"), await speech("en-gb"), await speech("alloy"), await speech("en-us"), await speech("shimmer")];
    expect(distance(narrator.pcm, gb.pcm)).toBeLessThan(ALIKE);
    expect(distance(narrator.pcm, us.pcm)).toBeGreaterThan(APART);
    expect(distance(alloy.pcm, us.pcm)).toBeLessThan(ALIKE);
    expect(distance(alloy.pcm, gb.pcm)).toBeGreaterThan(APART);
    expect(alloy.warning).toBe('voice "alloy" is not in server.voices, so the configured voice speaks');
    expect(shimmer.warning).toBeNull(); // mapped, so honoured: en-us with a variant
    expect(distance(shimmer.pcm, us.pcm)).toBeGreaterThan(APART);
  });

  it("speech: a voice the backend does not have is a 400 naming it (param voice), not a 500", async () => {
    const failure = await server.client().audio.speech.create({ model: "voxpipe", voice: "xx-nope", input, response_format: "pcm" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    const error = failure as InstanceType<typeof OpenAI.BadRequestError>;
    expect(error.status).toBe(400);
    expect(error.param).toBe("voice");
    expect(error.code).toBe("voice_not_found");
    expect(error.message).toMatch(/voice "xx-nope" is not a voice of this server's TTS backend \(eSpeak NG has no voice "xx-nope"/);
  });

  it("chat: audio.voice chooses the voice; an unknown one is a 400 (param audio.voice) before any chunk", async () => {
    const [gb, us, narrator] = [await chatAudio("en-gb"), await chatAudio("en-us"), await chatAudio("narrator")];
    expect(gb.length).toBeGreaterThan(0);
    expect(distance(gb, us)).toBeGreaterThan(APART);
    expect(distance(narrator, gb)).toBeLessThan(ALIKE);
    const failure = await chatAudio("xx-nope").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect(failure).toMatchObject({ status: 400, param: "audio.voice", code: "voice_not_found" });
  });

  it("chat: with a voice passed to the backend, the transcript held until the first audio is all sent", async () => {
    const stream = await server.client().chat.completions.create({ model: "voxpipe", messages: [{ role: "user", content: "Hi." }], modalities: ["text", "audio"], audio: { voice: "en-gb", format: "pcm16" }, stream: true });
    let transcript = "";
    for await (const chunk of stream) transcript += (chunk.choices[0]?.delta as { audio?: { transcript?: string } } | undefined)?.audio?.transcript ?? "";
    expect(transcript).toBe(scriptedReply);
  });

  it("GET /v1/audio/voices lists the mapped names and the configured voice", async () => {
    const response = await fetch(`${server.url}/v1/audio/voices`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      object: "list",
      data: [
        { id: "narrator", object: "voice", voice: "en-gb" },
        { id: "shimmer", object: "voice", voice: "en-us+f3" },
      ],
      default_voice: "en-us",
    });
  });
});
