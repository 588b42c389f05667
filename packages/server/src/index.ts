// The public surface of @voxpipe/server. Nothing but re-exports.
export { startVoxpipeServer, type VoxpipeServer, type VoxpipeServerOptions } from "./voxpipe-server.js";
export { createVoiceBackends, openVoiceBackends, type OpenBackendsOptions, type VoiceBackendsOptions, type SpokenRun, type VoiceBackends } from "./voice-backends.js";
export { keysFrom } from "./api-keys.js";
export { isLoopback } from "./is-loopback.js";
export { ApiError, type ApiErrorType } from "./api-error.js";
export { serveFromConfig, type ServeOptions, type RunningServe } from "./serve-from-config.js";
