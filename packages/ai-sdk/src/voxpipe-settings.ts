import type { Logger, TtsFailover, TtsProvider, VoxpipeConfigInput } from "@voxpipe/core";

/**
 * Settings of `createVoxpipe`. Give at most one of `configFile` and `config`;
 * with neither, voxpipe's defaults apply (eSpeak NG, `en-us`). `tts` replaces
 * the config's `tts` with providers you created in code.
 */
export interface VoxpipeProviderSettings {
  /**
   * A voxpipe config file (YAML or JSON), relative to `cwd`: its `tts` (one
   * backend or a failover list), `segmenter`, `normalize`, `pipeline`, `failover`, `cache`
   * and `log` are used; its `llm` is not (the text comes from the AI SDK).
   * Environment overrides apply as for the `voxpipe` command.
   */
  configFile?: string;
  /** The same settings as an object, e.g. `{ tts: { use: "@voxpipe/tts-piper", options: { voice: "…" } } }`. No environment overrides. */
  config?: VoxpipeConfigInput;
  /**
   * Ready TTS providers: one, a failover list (primary first), or a failover
   * from `createTtsFailover` (used as is; a call that sets `voice` or `speed`
   * speaks through its backends with the config's `failover` settings). They
   * stay yours: `dispose()` does not free them.
   */
  tts?: TtsProvider | readonly TtsProvider[] | TtsFailover;
  /** Folder relative paths resolve from. Default `process.cwd()`. */
  cwd?: string;
  /** Environment adapters read keys and model folders from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where voxpipe logs; by default lines at the config's `log.level` go to stderr. */
  logger?: Logger;
  /** Load the voice (and warm the cache) before the first call resolves (default true). */
  load?: boolean;
}
