import { afterAll } from "vitest";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { createGptSovitsTts } from "./create-gpt-sovits-tts.js";
import { startFakeGptSovitsServer } from "./__fixtures__/fake-gpt-sovits-server.js";

const server = await startFakeGptSovitsServer();
afterAll(() => server.close());

describeTtsConformance({
  name: "tts-gpt-sovits (local api_v2 server, streaming wav)",
  create: () => createGptSovitsTts({ baseURL: server.baseURL, refAudioPath: "ref/voice.wav", promptText: "A reference.", promptLang: "en", textLang: "en" }),
});

describeTtsConformance({
  name: "tts-gpt-sovits (local api_v2 server, raw, not streaming)",
  create: () => createGptSovitsTts({ baseURL: server.baseURL, refAudioPath: "ref/voice.wav", mediaType: "raw", streamingMode: false }),
});
