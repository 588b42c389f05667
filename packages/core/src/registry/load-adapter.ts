import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../errors/voxpipe-error.js";
import { isAdapterDefinition, type AdapterDefinition, type AdapterKind } from "./define-adapter.js";
import { firstPartyAdapters, testDoubleAdapters } from "./first-party-adapters.js";

export interface LoadAdapterOptions {
  /** Folders to resolve the specifier from, in order (the config's folder, the working directory, voxpipe's installation). */
  searchFrom: readonly string[];
  /** Config key that named the adapter, for messages (e.g. `llm.use`). */
  key: string;
}

/** Splits `"<specifier>#<export>"`; the export defaults to `default`. */
export function parseAdapterSpecifier(use: string): { specifier: string; exportName: string } {
  const hash = use.lastIndexOf("#");
  if (hash <= 0) return { specifier: use, exportName: "default" };
  return { specifier: use.slice(0, hash), exportName: use.slice(hash + 1) || "default" };
}

function resolveFrom(specifier: string, searchFrom: readonly string[]): string | undefined {
  for (const dir of searchFrom) {
    if (specifier.startsWith(".") || path.isAbsolute(specifier)) return path.resolve(dir, specifier);
    try {
      return createRequire(path.join(dir, "noop.js")).resolve(specifier);
    } catch {
      // try the next folder
    }
  }
  return undefined;
}

/**
 * Imports the adapter named by `use` and checks it is an adapter of `kind`.
 * Errors name the config key, the specifier, where it was looked for and the
 * adapters that exist.
 */
export async function loadAdapter(use: string, kind: AdapterKind, options: LoadAdapterOptions): Promise<AdapterDefinition> {
  const { specifier, exportName } = parseAdapterSpecifier(use);
  const resolved = resolveFrom(specifier, options.searchFrom);
  const known = `voxpipe's ${kind} adapters: ${firstPartyAdapters[kind].join(", ")} (test double: ${testDoubleAdapters[kind]})`;
  if (!resolved) {
    const message = `${options.key}: cannot find the adapter package "${specifier}". Looked in: ${options.searchFrom.join(", ")}. Install it (npm i ${specifier}) or fix the name; ${known}.`;
    throw new ConfigError(message, [message]);
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `${options.key}: the adapter "${specifier}" failed to load (${resolved}): ${detail}`;
    throw new ConfigError(message, [message], error);
  }
  const definition = module[exportName];
  if (!isAdapterDefinition(definition)) {
    const adapters = Object.entries(module).filter(([, value]) => isAdapterDefinition(value)).map(([name]) => name);
    const hint = adapters.length > 0 ? `Its adapter exports are: ${adapters.map((a) => (a === "default" ? "default" : `#${a}`)).join(", ")}.` : "It exports no adapter (a defineAdapter(...) value).";
    const message = `${options.key}: "${specifier}" has no adapter as its ${exportName === "default" ? "default export" : `export "${exportName}"`}. ${hint}`;
    throw new ConfigError(message, [message]);
  }
  if (definition.kind !== kind) {
    const message = `${options.key}: "${use}" is a ${definition.kind} adapter, but ${kind} needs a ${kind} adapter; ${known}.`;
    throw new ConfigError(message, [message]);
  }
  return definition;
}
