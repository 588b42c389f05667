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
 * Parses options strictly. A bare `--` may appear anywhere, because pnpm
 * passes its own through (`pnpm voxpipe -- say …`): after it, the command's
 * own options (`--config x`, `--json`, `-h`) are still options, and every
 * other word is a positional, so `say -- "-5 degrees outside"` takes a prompt
 * that starts with "-", as node's "place it after '--'" message suggests.
 */
export function parseCommandArgs<T extends OptionsConfig>(argv: readonly string[], options: T): ParsedCommandArgs<T> {
  try {
    return parseArgs({ args: reorder(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Moves the words after each `--` that are not the command's options behind one final `--`, where parseArgs takes them as positionals. */
function reorder(argv: readonly string[], options: OptionsConfig): string[] {
  const front: string[] = [];
  const back: string[] = [];
  let afterDashes = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      afterDashes = true;
      continue;
    }
    if (!afterDashes) {
      front.push(arg);
      continue;
    }
    const option = optionNamed(arg, options);
    if (!option) {
      back.push(arg);
      continue;
    }
    front.push(arg);
    if (option.type === "string" && !arg.includes("=") && i + 1 < argv.length) front.push(argv[++i]!);
  }
  return back.length > 0 ? [...front, "--", ...back] : front;
}

function optionNamed(arg: string, options: OptionsConfig): OptionsConfig[string] | undefined {
  if (arg.startsWith("--")) return options[arg.slice(2).split("=")[0]!];
  if (/^-[^-]$/.test(arg)) return Object.values(options).find((option) => option.short === arg.slice(1));
  return undefined;
}
