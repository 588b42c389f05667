import { afterAll } from "vitest";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { createOpenAiTts } from "./create-openai-tts.js";
import { startFakeSpeechServer } from "./__fixtures__/fake-speech-server.js";

const server = await startFakeSpeechServer();
afterAll(() => server.close());

describeTtsConformance({
  name: "tts-openai (local speech server)",
  create: () => createOpenAiTts({ baseURL: server.baseURL, apiKey: "sk-conformance" }),
});
