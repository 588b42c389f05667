import { homedir } from "node:os";
import path from "node:path";

/** What the `model` option names: a local file, or something to download. */
export type ModelSource =
  /** A file path as written in the config. */
  | { kind: "file"; path: string; fileName: string }
  /** An `hf:` URI or http(s) URL; `fileName` is the original file name when it can be read from the URI. */
  | { kind: "remote"; uri: string; fileName: string | undefined };

/** Reads the `model` option: `hf:…` and `http(s)://…` are remote, anything else is a path. */
export function parseModelSource(model: string): ModelSource {
  if (/^hf:/i.test(model)) {
    // hf:<user>/<repo>/<path/to/file.gguf>#<branch>  or  hf:<user>/<repo>:<quant>
    const withoutBranch = model.slice(3).split("#")[0] ?? "";
    const segments = withoutBranch.split("/");
    const last = segments.at(-1) ?? "";
    const fileName = segments.length >= 3 && /\.gguf$/i.test(last) ? last : undefined;
    return { kind: "remote", uri: model, fileName };
  }
  if (/^https?:\/\//i.test(model)) {
    let fileName: string | undefined;
    try {
      const last = decodeURIComponent(new URL(model).pathname.split("/").at(-1) ?? "");
      fileName = /\.gguf$/i.test(last) ? last : undefined;
    } catch {
      fileName = undefined;
    }
    return { kind: "remote", uri: model, fileName };
  }
  return { kind: "file", path: model, fileName: path.basename(model) };
}

/** Expands a leading `~` and resolves a path from `baseDir`. */
export function resolveUserPath(value: string, baseDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const expanded = value === "~" ? home : value.startsWith("~/") ? path.join(home, value.slice(2)) : value;
  return path.resolve(baseDir, expanded);
}

/** The download cache: `cacheDir`, else $VOXPIPE_CACHE_DIR, else $XDG_CACHE_HOME/voxpipe/models, else ~/.cache/voxpipe/models. */
export function resolveCacheDir(cacheDir: string | undefined, configDir: string, env: Readonly<Record<string, string | undefined>>): string {
  if (cacheDir) return resolveUserPath(cacheDir, configDir, env);
  if (env.VOXPIPE_CACHE_DIR) return resolveUserPath(env.VOXPIPE_CACHE_DIR, configDir, env);
  const base = env.XDG_CACHE_HOME ? resolveUserPath(env.XDG_CACHE_HOME, configDir, env) : resolveUserPath("~/.cache", configDir, env);
  return path.join(base, "voxpipe", "models");
}

/** The local models folder: `modelsDir`, else $VOXPIPE_MODELS_DIR, else none. */
export function resolveModelsDir(modelsDir: string | undefined, configDir: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = modelsDir ?? env.VOXPIPE_MODELS_DIR;
  return value ? resolveUserPath(value, configDir, env) : undefined;
}

/**
 * The local files to try, in order: the explicit path; then, in the models
 * folder, the path as given (when relative), the file name and `llm/<name>`;
 * then the file name in the download cache. Duplicates are dropped.
 */
export function localCandidates(source: ModelSource, dirs: { configDir: string; modelsDir: string | undefined; cacheDir: string; env: Readonly<Record<string, string | undefined>> }): string[] {
  const candidates: string[] = [];
  if (source.kind === "file") candidates.push(resolveUserPath(source.path, dirs.configDir, dirs.env));
  if (dirs.modelsDir) {
    if (source.kind === "file" && !path.isAbsolute(source.path) && !source.path.startsWith("~")) candidates.push(path.join(dirs.modelsDir, source.path));
    if (source.fileName) candidates.push(path.join(dirs.modelsDir, source.fileName), path.join(dirs.modelsDir, "llm", source.fileName));
  }
  if (source.kind === "file") candidates.push(path.join(dirs.cacheDir, source.fileName));
  return [...new Set(candidates)];
}

/**
 * The plain HTTPS address of a remote model file, for a download command a user
 * can run anywhere: `hf:<user>/<repo>/<path>#<branch>` maps to Hugging Face's
 * resolve URL (on $HF_ENDPOINT when set); an http(s) URL is itself. Undefined for
 * `hf:<user>/<repo>:<quant>`, whose file name only node-llama-cpp can pick.
 */
export function downloadUrl(source: ModelSource, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (source.kind !== "remote" || source.fileName === undefined) return undefined;
  if (!/^hf:/i.test(source.uri)) return source.uri;
  const [repoAndPath = "", branch = "main"] = source.uri.slice(3).split("#");
  const [user, repo, ...filePath] = repoAndPath.split("/");
  const endpoint = (env.HF_ENDPOINT ?? "https://huggingface.co").replace(/\/+$/, "");
  return `${endpoint}/${user}/${repo}/resolve/${encodeURIComponent(branch)}/${filePath.map(encodeURIComponent).join("/")}`;
}
