/**
 * Labelled TEST DOUBLES for voxpipe's runtime: never the default a user gets.
 * Use them from code, or from a config as `@voxpipe/core/testing#scriptedLlm`
 * and `@voxpipe/core/testing#syntheticTts`. The fake servers are for adapter
 * tests: local HTTP servers that stand in for a model server's API.
 */
export { createScriptedLlm, scriptedLlm, scriptedLlmOptionsSchema, splitIntoTokens, type ScriptedLlmOptions } from "./scripted-llm.js";
export { createSyntheticTts, syntheticTts, syntheticTtsOptionsSchema, type SyntheticTtsOptions } from "./synthetic-tts.js";
export { neverAnswer, sendChunks, startFakeServer, type FakeServer, type ReceivedRequest, type Route, type SendOptions } from "./fake-http-server.js";
export {
  splitBytes,
  startRecordingServer,
  waitBeforeHeaders,
  writeAudioBody,
  writeErrorBody,
  type AudioAnswer,
  type AudioServerFaults,
  type RecordedRequest,
  type RecordingServer,
} from "./fake-audio-server.js";
export { startFakeChatServer, type FakeChatServer, type ReceivedChatMessage } from "./fake-chat-server.js";
export { tonePcm16 } from "./tone-pcm16.js";
export { fetchTestModelsHint, modelFiles, type ModelFiles, type ModelFilesOptions } from "./model-files.js";
export { collect } from "./collect.js";
export { errorPartOf, streamFailure, thrownBy } from "./error-matchers.js";
