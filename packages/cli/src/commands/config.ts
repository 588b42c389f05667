import { adaptersRedactor, configJsonSchema, loadResolvedConfig, maskSecretOptions, type ResolvedAdapter, type VoxpipeConfig } from "@voxpipe/core";
import { parseCommandArgs, UsageError } from "../args.js";
import { firstPartySchemaAdapters } from "../first-party-schemas.js";
import { voxpipeInstallDir } from "../open-voxpipe.js";

export const configUsage = `Usage:
  voxpipe config check [FILE]   validate a config (and each adapter's options); print the resolved config or every error
  voxpipe config schema         print the config's JSON Schema (for editor completion; each voxpipe adapter's options typed by its "use")

Exit codes: 0 valid, 1 invalid.`;

export async function config(argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { help: { type: "boolean", short: "h" }, config: { type: "string" } });
  const [sub, file] = positionals;
  if (values.help || !sub) {
    io.stdout(configUsage);
    return values.help ? 0 : 1;
  }
  if (sub === "schema") {
    io.stdout(JSON.stringify(configJsonSchema(await firstPartySchemaAdapters()), null, 2));
    return 0;
  }
  if (sub !== "check") throw new UsageError(`unknown config command "${sub}"; expected check or schema`);
  const loaded = await loadResolvedConfig(file ?? values.config, { searchFrom: [process.cwd(), voxpipeInstallDir] });
  const resolved = loaded.adapters;
  // Printed output ends up in CI logs: every secret is masked (keys, header values, URL credentials).
  const redactor = adaptersRedactor([resolved.llm, ...resolved.tts], process.env);
  const printable = (adapter: ResolvedAdapter) => ({ use: adapter.use, options: maskSecretOptions(adapter.definition.optionsSchema, adapter.options, redactor) as Record<string, unknown> });
  const config: VoxpipeConfig = {
    ...loaded.config,
    llm: printable(resolved.llm),
    tts: resolved.tts.length === 1 ? printable(resolved.tts[0]!) : resolved.tts.map(printable),
    // The server's API keys are secrets too.
    server: { ...loaded.config.server, apiKeys: loaded.config.server.apiKeys.map(() => "***") },
  };
  io.stderr(redactor.redact(`voxpipe: ${loaded.file ?? "default config"} is valid${loaded.envApplied.length ? ` (environment: ${loaded.envApplied.join(", ")})` : ""}`));
  io.stdout(redactor.redact(JSON.stringify(config, null, 2)));
  return 0;
}
