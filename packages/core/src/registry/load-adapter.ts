import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../errors/voxpipe-error.js";
import { isAdapterDefinition, type AdapterDefinition, type AdapterKind } from "./define-adapter.js";
import { firstPartyAdapters, optionalAdapterInstalls, testDoubleAdapters } from "./first-party-adapters.js";
import { isPathSpecifier, packageNameOf, resolveAdapterModule } from "./resolve-adapter-module.js";

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

/**
 * Imports the adapter named by `use` and checks it is an adapter of `kind`.
 * Errors name the config key, the specifier, where it was looked for and the
 * adapters that exist.
 */
export async function loadAdapter(use: string, kind: AdapterKind, options: LoadAdapterOptions): Promise<AdapterDefinition> {
  const { specifier, exportName } = parseAdapterSpecifier(use);
  const resolution = resolveAdapterModule(specifier, options.searchFrom);
  const known = `voxpipe's ${kind} adapters: ${firstPartyAdapters[kind].join(", ")} (test double: ${testDoubleAdapters[kind]})`;
  if (resolution.kind === "not-installed") {
    const message = notInstalledMessage(specifier, options, known);
    throw new ConfigError(message, [message]);
  }
  if (resolution.kind === "unloadable") {
    const message = `${options.key}: the adapter "${specifier}" is at ${resolution.where} but cannot be loaded: ${resolution.reason}`;
    throw new ConfigError(message, [message]);
  }
  const resolved = resolution.file;
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `${options.key}: the adapter "${specifier}" failed to load (${resolved}): ${detail}`;
    throw new ConfigError(message, [message], error);
  }
  const definition = adapterExport(module, exportName);
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

/** One line saying what to install, or where a path was looked for. */
function notInstalledMessage(specifier: string, options: LoadAdapterOptions, known: string): string {
  if (isPathSpecifier(specifier)) {
    const from = options.searchFrom[0] ?? process.cwd();
    return `${options.key}: there is no file or folder at ${path.resolve(from, specifier)} (a relative path starts from the config file's folder, ${from}).`;
  }
  const name = packageNameOf(specifier);
  const install = optionalAdapterInstalls[name];
  if (install) return `${options.key}: the adapter "${name}" is not installed. Install it beside voxpipe: ${install} (npm i -g for a global voxpipe).`;
  return `${options.key}: cannot find the adapter package "${name}" (looked in ${[...new Set(options.searchFrom)].join(", ")}). Install it (npm i ${name}) or fix the name; ${known}.`;
}

/**
 * The named export of an adapter module. For a CommonJS module, `import()`
 * makes `module.exports` the default export, so a compiled
 * `exports.default = defineAdapter(…)` sits one level down: look there too.
 */
function adapterExport(module: Record<string, unknown>, exportName: string): unknown {
  const value = module[exportName];
  if (exportName !== "default" || isAdapterDefinition(value)) return value;
  const nested = typeof value === "object" && value !== null ? (value as Record<string, unknown>).default : undefined;
  return isAdapterDefinition(nested) ? nested : value;
}
