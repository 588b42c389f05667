import { parseArgs, type ParseArgsConfig } from "node:util";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** Parsed option values and positionals. */
export interface ParsedCommandArgs<T extends OptionsConfig> {
  values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>["values"];
  positionals: string[];
}

/** A command-line mistake: printed with the command's usage, exit code 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Parses options strictly. A bare `--` is dropped wherever it appears, since
 * `pnpm start -- --config x` passes it through (TOOLCHAIN pitfall 12).
 */
export function parseCommandArgs<T extends OptionsConfig>(argv: readonly string[], options: T): ParsedCommandArgs<T> {
  try {
    return parseArgs({ args: argv.filter((arg) => arg !== "--"), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
