import path from "node:path";
import { openVoxpipe, type OpenVoxpipeOptions } from "voxpipe";
import type { PlaygroundBackend } from "./playground-backend.js";

/**
 * Loads a config with `openVoxpipe` (which also loads every model and voice, so the
 * first Speak does not pay for it) and wraps its backends for the playground.
 * Throws `ConfigError` for a bad config.
 */
export async function openPlaygroundBackend(options: OpenVoxpipeOptions = {}): Promise<PlaygroundBackend & { dispose(): Promise<void> }> {
  const voxpipe = await openVoxpipe(options);
  const file = voxpipe.loaded.file;
  return {
    llm: voxpipe.llm,
    tts: voxpipe.tts,
    defaultMode: voxpipe.loaded.config.pipeline.mode,
    configName: file ? path.basename(file) : "defaults",
    redactor: voxpipe.redactor,
    conversation: voxpipe.loaded.config.conversation,
    run: (request, runOptions) => voxpipe.run(request, runOptions),
    // Each WebSocket session is one listener with its own playout lead (pipeline.playout).
    session: () => voxpipe.session(),
    dispose: () => voxpipe.dispose(),
  };
}
