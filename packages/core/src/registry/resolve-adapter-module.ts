import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { moduleResolve } from "import-meta-resolve";

/** Where an adapter specifier led: a file to import, nothing installed, or a package that is there but cannot be loaded. */
export type AdapterModuleResolution =
  | { kind: "found"; file: string }
  | { kind: "not-installed" }
  | { kind: "unloadable"; where: string; reason: string };

/** The conditions `import()` uses; tried first, so an ESM-only package (`"exports": { "import": … }`) resolves. */
const importConditions = new Set(["node", "import"]);

/** A specifier that names a file or folder rather than a package: `./x`, `../x`, `.\x` (Windows), `/abs/x`, `C:\x`. */
export function isPathSpecifier(specifier: string): boolean {
  return /^\.\.?([/\\]|$)/.test(specifier) || path.isAbsolute(specifier);
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/**
 * Resolves an adapter specifier the way Node resolves an import, with the
 * require conditions as a fallback for CommonJS-only packages:
 * - a path (`./my-adapter`, `/abs/adapter.js`) is relative to the first folder
 *   of `searchFrom` (the config's folder); a folder is a package: its
 *   `exports` (import conditions first), else its `main`, else `index.js`;
 * - a package name (`@scope/pkg`, `pkg/sub#export`) is looked up from each
 *   folder of `searchFrom` in turn, through `node_modules` as Node does.
 */
export function resolveAdapterModule(specifier: string, searchFrom: readonly string[]): AdapterModuleResolution {
  if (isPathSpecifier(specifier)) return resolvePath(path.resolve(searchFrom[0] ?? process.cwd(), specifier));
  for (const dir of searchFrom) {
    const parent = pathToFileURL(path.join(dir, "noop.js"));
    const asImport = tryInOrder(() => fileURLToPath(moduleResolve(specifier, parent, importConditions)));
    if (asImport.file) return { kind: "found", file: asImport.file };
    const packageDir = findPackageDir(packageNameOf(specifier), dir);
    if (!packageDir) continue;
    // Installed here: a CommonJS-only exports map resolves with the require conditions; otherwise its entry is broken.
    const asRequire = tryInOrder(() => createRequire(parent).resolve(specifier));
    if (asRequire.file) return { kind: "found", file: asRequire.file };
    return { kind: "unloadable", where: packageDir, reason: asImport.reason };
  }
  return { kind: "not-installed" };
}

function resolvePath(target: string): AdapterModuleResolution {
  if (!existsSync(target)) return { kind: "not-installed" };
  if (!statSync(target).isDirectory()) return { kind: "found", file: target };
  const manifest = readPackageJson(target);
  if (manifest.kind === "invalid") return { kind: "unloadable", where: target, reason: manifest.reason };
  const { name, exports } = manifest.value;
  if (exports !== undefined) {
    if (typeof name !== "string" || name === "") {
      return { kind: "unloadable", where: target, reason: 'its package.json has "exports" but no "name"; add the package\'s name so its exports can be resolved' };
    }
    // A package resolves its own name through its own "exports" (Node's self-reference).
    const self = pathToFileURL(path.join(target, "package.json"));
    const resolved = tryInOrder(
      () => fileURLToPath(moduleResolve(name, self, importConditions)),
      () => createRequire(self).resolve(name),
    );
    return resolved.file ? { kind: "found", file: resolved.file } : { kind: "unloadable", where: target, reason: resolved.reason };
  }
  // No "exports": its "main", else index.js, as require() finds a folder's entry.
  const resolved = tryInOrder(() => createRequire(path.join(target, "noop.js")).resolve(target));
  return resolved.file ? { kind: "found", file: resolved.file } : { kind: "unloadable", where: target, reason: `${resolved.reason} (a package folder needs "exports", "main" or an index.js)` };
}

/** Runs each resolver in order; the first file wins, else the first resolver's error (the import conditions' is the telling one). */
function tryInOrder(...resolvers: (() => string)[]): { file?: string; reason: string } {
  let reason: string | undefined;
  for (const resolve of resolvers) {
    try {
      return { file: resolve(), reason: "" };
    } catch (error) {
      reason ??= error instanceof Error ? error.message.split("\n")[0]! : String(error);
    }
  }
  return { reason: reason ?? "it could not be resolved" };
}

/** The folder of `name` in the nearest `node_modules` from `dir` upwards, as Node looks it up. */
function findPackageDir(name: string, dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

type Manifest = { kind: "ok"; value: { name?: unknown; exports?: unknown } } | { kind: "invalid"; reason: string };

function readPackageJson(dir: string): Manifest {
  const file = path.join(dir, "package.json");
  if (!existsSync(file)) return { kind: "ok", value: {} };
  try {
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "invalid", reason: `${file} is not a JSON object` };
    return { kind: "ok", value: value as { name?: unknown; exports?: unknown } };
  } catch (error) {
    return { kind: "invalid", reason: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
