// @voxpipe/playground: the server behind the browser playground. The page itself lives in public/.
export { startPlayground, WEBSOCKET_PATH, type Playground, type StartPlaygroundOptions } from "./start-playground.js";
export { openPlaygroundBackend } from "./voxpipe-backend.js";
export type { PlaygroundBackend } from "./playground-backend.js";
export { defaultLimits, type PlaygroundLimits } from "./limits.js";
export type { RunEndInfo, ServerCloseInfo, SessionHooks } from "./session.js";
export { CloseCode, type ServerClose } from "./close-codes.js";
export { encodeAudioFrame, writeAudioFrame, decodeAudioFrame, AUDIO_FRAME_HEADER_BYTES, AUDIO_FRAME_MAGIC, AUDIO_FRAME_VERSION, type AudioFrame, type AudioFrameHeader } from "./audio-frame.js";
export { PROTOCOL_VERSION, clientMessageSchema, type ClientMessage, type ServerMessage, type BackendInfo, type RunEndReason } from "./protocol.js";
export { allowedOrigins, isOriginAllowed } from "./allowed-origins.js";
export { parseCliArgs, usage, DEFAULT_PORT, UsageError, type CliArgs } from "./cli-args.js";
export { runCli, type RunningPlayground, type CliIo } from "./run-cli.js";
