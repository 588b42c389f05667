// The `voxpipe` package: the command line, and the library that turns a config into running backends.
export { main, usage } from "./main.js";
export { openVoxpipe, voxpipeInstallDir, type OpenVoxpipeOptions, type Voxpipe } from "./open-voxpipe.js";
export type { VoxpipeConversation, VoxpipeRunOptions, VoxpipeRunRequest, VoxpipeSession } from "./voxpipe-session.js";
export { WavWriter } from "./wav-writer.js";
export { WavStreamWriter } from "./wav-stream-writer.js";
export { wavHeader, STREAMED_WAV_SIZE, type WavFormat } from "@voxpipe/core";
export type { SaySummary } from "./commands/say.js";
