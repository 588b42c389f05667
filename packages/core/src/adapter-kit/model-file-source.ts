import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { ConfigError } from "../errors/voxpipe-error.js";
import type { AdapterContext } from "../registry/define-adapter.js";

/** A model file: on disk already, or one to download into the cache on first use (see `downloadFile`). */
export type FileSource = { kind: "file"; path: string } | { kind: "remote"; url: string; path: string };

/** The parts of an `hf:owner/repo[@revision]/path` URI. */
export interface HfUri {
  owner: string;
  repo: string;
  revision: string;
  path: string;
}

/** How a malformed `hf:` URI is reported: who reads it, and a valid URI to show instead. */
export interface HfUriHint {
  /** The prefix of the error, e.g. "piper". */
  label: string;
  /** A valid URI for the same adapter, e.g. "hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx". */
  example: string;
}

/** Parses `hf:owner/repo[@revision]/path/in/repo`; undefined when `spec` is not an `hf:` URI; a ConfigError when it is one, malformed. */
export function parseHfUri(spec: string, hint: HfUriHint): HfUri | undefined {
  if (!spec.startsWith("hf:")) return undefined;
  const match = /^hf:(?:\/\/)?([^/@\s]+)\/([^/@\s]+)(?:@([^/\s]+))?\/(.+)$/.exec(spec);
  if (!match) throw new ConfigError(`${hint.label}: "${spec}" is not a valid hf: URI. Write hf:OWNER/REPO[@REVISION]/PATH, e.g. ${hint.example}.`);
  const [, owner = "", repo = "", revision = "main", path = ""] = match;
  return { owner, repo, revision, path };
}

/** The download URL of a file in a Hugging Face repo (`endpoint` for mirrors; $HF_ENDPOINT in the environment). */
export function hfFileUrl(uri: HfUri, endpoint = "https://huggingface.co"): string {
  const path = uri.path.split("/").map(encodeURIComponent).join("/");
  return `${endpoint.replace(/\/+$/, "")}/${uri.owner}/${uri.repo}/resolve/${encodeURIComponent(uri.revision)}/${path}`;
}

const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);
const safeSegments = (path: string): string[] =>
  path
    .split("/")
    .map((segment) => decodeURIComponent(segment).replace(/[<>:"\\|?*\u0000-\u001f]/g, "_"))
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");

/**
 * Where an adapter's downloads go: the `cacheDir` option (from `configDir`), else
 * $VOXPIPE_CACHE_DIR/NAME, $XDG_CACHE_HOME/voxpipe/NAME or ~/.cache/voxpipe/NAME.
 */
export function adapterCacheDir(name: string, env: AdapterContext["env"], configDir: string, cacheDir?: string): string {
  if (cacheDir) return resolve(configDir, cacheDir);
  if (env.VOXPIPE_CACHE_DIR) return join(env.VOXPIPE_CACHE_DIR, name);
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache"), "voxpipe", name);
}

/** An `hf:` URI → its URL (on $HF_ENDPOINT when set) and its place in the cache, `cacheDir/hf/OWNER/REPO/REVISION/PATH`. */
export function hfSource(hf: HfUri, env: AdapterContext["env"], cacheDir: string): FileSource {
  return { kind: "remote", url: hfFileUrl(hf, env.HF_ENDPOINT), path: join(cacheDir, "hf", hf.owner, hf.repo, ...safeSegments(hf.revision), ...safeSegments(hf.path)) };
}

/** A remote spec (`hf:` URI or http(s) URL) → its URL and its place in the cache; undefined for local paths. */
export function remoteSource(spec: string, env: AdapterContext["env"], cacheDir: string, hint: HfUriHint): FileSource | undefined {
  const hf = parseHfUri(spec, hint);
  if (hf) return hfSource(hf, env, cacheDir);
  if (isUrl(spec)) {
    const url = new URL(spec);
    return { kind: "remote", url: url.href, path: join(cacheDir, "url", url.host.replace(/:/g, "_"), ...safeSegments(url.pathname)) };
  }
  return undefined;
}

/** Places a local path is looked for: as given if absolute; else from configDir, $VOXPIPE_MODELS_DIR, $VOXPIPE_MODELS_DIR/tts. */
export function localCandidates(spec: string, context: Pick<AdapterContext, "configDir" | "env">): string[] {
  if (isAbsolute(spec)) return [spec];
  const roots = [context.configDir];
  const modelsDir = context.env.VOXPIPE_MODELS_DIR;
  if (modelsDir) roots.push(modelsDir, join(modelsDir, "tts"));
  return roots.map((root) => resolve(root, spec));
}
