import { defineAdapter } from "@voxpipe/core";
import { createGptSovitsTts } from "./create-gpt-sovits-tts.js";
import { gptSovitsOptionsSchema } from "./gpt-sovits-options.js";

export { createGptSovitsTts, type GptSovitsContext } from "./create-gpt-sovits-tts.js";
export {
  gptSovitsOptionsSchema,
  ttsRequestBody,
  type GptSovitsOptions,
  type GptSovitsOptionsInput,
} from "./gpt-sovits-options.js";
export { WavStreamParser, type WavFormat } from "./wav-stream-parser.js";

export default defineAdapter({
  kind: "tts",
  id: "gpt-sovits",
  description: "GPT-SoVITS api_v2 server (the engine behind PrimeSpeech): voice cloning from a reference clip, streamed as it is made.",
  optionsSchema: gptSovitsOptionsSchema,
  create: (options, context) => createGptSovitsTts(options, context),
});
