import { configJsonSchema, loadConfig, resolveAdapters, type VoxpipeConfig } from "@voxpipe/core";
import { parseCommandArgs, UsageError } from "../args.js";
import { voxpipeInstallDir } from "../open-voxpipe.js";

export const configUsage = `Usage:
  voxpipe config check [FILE]   validate a config (and each adapter's options); print the resolved config or every error
  voxpipe config schema         print the config's JSON Schema (for editor completion)

Exit codes: 0 valid, 1 invalid.`;

export async function config(argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { help: { type: "boolean", short: "h" }, config: { type: "string" } });
  const [sub, file] = positionals;
  if (values.help || !sub) {
    io.stdout(configUsage);
    return values.help ? 0 : 1;
  }
  if (sub === "schema") {
    io.stdout(JSON.stringify(configJsonSchema(), null, 2));
    return 0;
  }
  if (sub !== "check") throw new UsageError(`unknown config command "${sub}"; expected check or schema`);
  const loaded = await loadConfig(file ?? values.config);
  const resolved = await resolveAdapters(loaded.config, { searchFrom: [loaded.configDir, process.cwd(), voxpipeInstallDir] });
  const config: VoxpipeConfig = {
    ...loaded.config,
    llm: { use: resolved.llm.use, options: resolved.llm.options as Record<string, unknown> },
    tts: resolved.tts.length === 1 ? { use: resolved.tts[0]!.use, options: resolved.tts[0]!.options as Record<string, unknown> } : resolved.tts.map((t) => ({ use: t.use, options: t.options as Record<string, unknown> })),
  };
  io.stderr(`voxpipe: ${loaded.file ?? "default config"} is valid${loaded.envApplied.length ? ` (environment: ${loaded.envApplied.join(", ")})` : ""}`);
  io.stdout(JSON.stringify(config, null, 2));
  return 0;
}
