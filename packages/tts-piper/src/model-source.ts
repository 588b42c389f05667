import { existsSync } from "node:fs";
import { ModelNotFoundError, type AdapterContext } from "@voxpipe/core";
import { adapterCacheDir, localCandidates, parseHfUri as parseHfFileUri, remoteSource as remoteFileSource, type FileSource, type HfUri } from "@voxpipe/core/adapter-kit";
import { PIPER_VOICES_URL } from "./voice-config.js";

/** How a malformed `hf:` URI in a Piper option is reported. */
const HF_HINT = { label: "piper", example: "hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx" };

/** Parses `hf:owner/repo[@revision]/path/in/repo`; undefined when `spec` is not an `hf:` URI. */
export const parseHfUri = (spec: string): HfUri | undefined => parseHfFileUri(spec, HF_HINT);

/** Where downloads go: the `cacheDir` option, else $VOXPIPE_CACHE_DIR/piper, $XDG_CACHE_HOME/voxpipe/piper or ~/.cache/voxpipe/piper. */
export const defaultCacheDir = (env: AdapterContext["env"], configDir: string, cacheDir?: string): string => adapterCacheDir("piper", env, configDir, cacheDir);

/** A remote spec (hf: URI or URL) → its URL and its place in the cache; undefined for local paths. */
export const remoteSource = (spec: string, env: AdapterContext["env"], cacheDir: string): FileSource | undefined => remoteFileSource(spec, env, cacheDir, HF_HINT);

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
