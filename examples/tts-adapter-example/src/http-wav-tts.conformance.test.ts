import { afterAll } from "vitest";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { createHttpWavTts } from "./create-http-wav-tts.js";
import { startToneWavServer } from "./__fixtures__/tone-wav-server.js";

// voxpipe's TTS conformance suite, against the adapter talking to a local stand-in server (a tone, not speech).
const server = await startToneWavServer();
afterAll(() => server.close());

describeTtsConformance({
  name: "voxpipe-tts-http-wav (local tone WAV server)",
  create: () => createHttpWavTts({ url: server.url }),
});
