import { defineAdapter } from "@voxpipe/core";
import { createOpenAiTts } from "./create-openai-tts.js";
import { openAiTtsOptionsSchema } from "./openai-tts-options.js";

export { createOpenAiTts, type OpenAiTtsContext } from "./create-openai-tts.js";
export {
  openAiTtsOptionsSchema,
  OPENAI_DEFAULT_BASE_URL,
  type OpenAiTtsOptions,
  type OpenAiTtsOptionsInput,
} from "./openai-tts-options.js";
export { Pcm16StreamDecoder } from "@voxpipe/core/adapter-kit";

export default defineAdapter({
  kind: "tts",
  id: "openai",
  description: "OpenAI speech API (tts-1, gpt-4o-mini-tts) and OpenAI-compatible TTS servers, streamed as 24 kHz PCM.",
  optionsSchema: openAiTtsOptionsSchema,
  create: (options, context) => createOpenAiTts(options, context),
});
