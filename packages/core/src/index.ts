// The public surface of @voxpipe/core. Nothing but re-exports.
export * from "./errors/voxpipe-error.js";
export * from "./llm/llm-request.js";
export type * from "./llm/llm-stream-part.js";
export type * from "./llm/llm-provider.js";
export * from "./tts/audio-chunk.js";
export type * from "./tts/tts-request.js";
export type * from "./tts/tts-provider.js";
export * from "./audio/pcm.js";
export type * from "./segmenter/segment.js";
export type * from "./segmenter/segmenter-options.js";
export { createSegmenter, segment } from "./segmenter/create-segmenter.js";
export * from "./registry/define-adapter.js";
export * from "./util/abortable-sleep.js";
