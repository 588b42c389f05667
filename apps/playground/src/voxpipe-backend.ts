import path from "node:path";
import { openVoxpipe, type OpenVoxpipeOptions } from "voxpipe";
import type { PlaygroundBackend } from "./playground-backend.js";

/** Loads a config with `openVoxpipe` and wraps its backends for the playground. Throws `ConfigError` for a bad config. */
export async function openPlaygroundBackend(options: OpenVoxpipeOptions = {}): Promise<PlaygroundBackend & { warmUp(): Promise<void>; dispose(): Promise<void> }> {
  const voxpipe = await openVoxpipe(options);
  const file = voxpipe.loaded.file;
  return {
    llm: voxpipe.llm,
    tts: voxpipe.tts,
    defaultMode: voxpipe.loaded.config.pipeline.mode,
    configName: file ? path.basename(file) : "defaults",
    run: (prompt, runOptions) => voxpipe.run(prompt, runOptions),
    /**
     * Loads models now rather than on the first run, for backends that offer
     * a `load()` (not part of core's contract, e.g. llm-llama-cpp). Failures
     * are left for the first run to report on the page.
     */
    async warmUp() {
      const loaders = [voxpipe.llm, voxpipe.tts].map((provider) => (provider as { load?: () => Promise<void> }).load);
      await Promise.allSettled([voxpipe.llm, voxpipe.tts].map((provider, i) => loaders[i]?.call(provider)));
    },
    dispose: () => voxpipe.dispose(),
  };
}
