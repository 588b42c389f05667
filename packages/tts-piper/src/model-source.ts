import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { ConfigError, ModelNotFoundError, type AdapterContext } from "@voxpipe/core";
import { PIPER_VOICES_URL } from "./voice-config.js";

/** A file of a voice: on disk already, or to be downloaded into the cache on first use. */
export type FileSource = { kind: "file"; path: string } | { kind: "remote"; url: string; path: string };

/** The parts of an `hf:owner/repo[@revision]/path` URI. */
export interface HfUri {
  owner: string;
  repo: string;
  revision: string;
  path: string;
}

/** Parses `hf:owner/repo[@revision]/path/in/repo`; undefined when `spec` is not an `hf:` URI. */
export function parseHfUri(spec: string): HfUri | undefined {
  if (!spec.startsWith("hf:")) return undefined;
  const match = /^hf:(?:\/\/)?([^/@\s]+)\/([^/@\s]+)(?:@([^/\s]+))?\/(.+)$/.exec(spec);
  if (!match) {
    throw new ConfigError(`piper: "${spec}" is not a valid hf: URI. Write hf:OWNER/REPO[@REVISION]/PATH, e.g. hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx.`);
  }
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

/** Where downloads go: the `cacheDir` option, else $VOXPIPE_CACHE_DIR/piper, $XDG_CACHE_HOME/voxpipe/piper or ~/.cache/voxpipe/piper. */
export function defaultCacheDir(env: AdapterContext["env"], configDir: string, cacheDir?: string): string {
  if (cacheDir) return resolve(configDir, cacheDir);
  if (env.VOXPIPE_CACHE_DIR) return join(env.VOXPIPE_CACHE_DIR, "piper");
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache"), "voxpipe", "piper");
}

/** A remote spec (hf: URI or URL) → its URL and its place in the cache; undefined for local paths. */
export function remoteSource(spec: string, env: AdapterContext["env"], cacheDir: string): FileSource | undefined {
  const hf = parseHfUri(spec);
  if (hf) {
    return { kind: "remote", url: hfFileUrl(hf, env.HF_ENDPOINT), path: join(cacheDir, "hf", hf.owner, hf.repo, ...safeSegments(hf.revision), ...safeSegments(hf.path)) };
  }
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

/** Resolves the `model` option to a file on disk or a download. Throws ModelNotFoundError listing where it looked. */
export function resolveModelSource(spec: string, context: Pick<AdapterContext, "configDir" | "env">, cacheDir: string): FileSource {
  const remote = remoteSource(spec, context.env, cacheDir);
  if (remote) return remote;
  const candidates = localCandidates(spec, context);
  if (!spec.endsWith(".onnx")) candidates.push(...localCandidates(`${spec}.onnx`, context));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return { kind: "file", path: found };
  throw new ModelNotFoundError(
    `piper: voice model "${spec}" not found; looked in ${candidates.join(", ")}. ` +
      `Download a voice (NAME.onnx and NAME.onnx.json) from ${PIPER_VOICES_URL} and point "model" at the .onnx, ` +
      `or let voxpipe fetch it on first use: model: "hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx".`,
    candidates,
    "tts",
  );
}

/** Resolves the `config` option (default: next to the model, `.json` appended). Local configs are not checked here. */
export function resolveConfigSource(spec: string | undefined, model: FileSource, context: Pick<AdapterContext, "configDir" | "env">, cacheDir: string): FileSource {
  if (spec === undefined) {
    if (model.kind === "remote") return { kind: "remote", url: `${model.url}.json`, path: `${model.path}.json` };
    return { kind: "file", path: `${model.path}.json` };
  }
  const remote = remoteSource(spec, context.env, cacheDir);
  if (remote) return remote;
  const candidates = localCandidates(spec, context);
  return { kind: "file", path: candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string) };
}
