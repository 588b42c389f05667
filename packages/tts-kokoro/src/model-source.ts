import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ModelNotFoundError, voiceNotFoundError, type AdapterContext } from "@voxpipe/core";
import {
  adapterCacheDir,
  hfSource,
  localCandidates,
  parseHfUri as parseHfFileUri,
  remoteSource as remoteFileSource,
  type FileSource,
  type HfUri,
} from "@voxpipe/core/adapter-kit";

/** The Hugging Face repo of Kokoro v1.0 in ONNX form, with its model variants and voices. */
export const KOKORO_REPO = "onnx-community/Kokoro-82M-v1.0-ONNX";
export const KOKORO_REPO_URL = `https://huggingface.co/${KOKORO_REPO}`;

/** `model` keywords → the file in KOKORO_REPO. */
export const MODEL_VARIANTS = {
  fp32: "onnx/model.onnx",
  fp16: "onnx/model_fp16.onnx",
  q8: "onnx/model_quantized.onnx",
  quantized: "onnx/model_quantized.onnx",
  q8f16: "onnx/model_q8f16.onnx",
  q4: "onnx/model_q4.onnx",
  q4f16: "onnx/model_q4f16.onnx",
} as const;
export type ModelVariant = keyof typeof MODEL_VARIANTS;

/** How a malformed `hf:` URI in a Kokoro option is reported. */
const HF_HINT = { label: "kokoro", example: `hf:${KOKORO_REPO}/${MODEL_VARIANTS.q8}` };

/** Parses `hf:owner/repo[@revision]/path/in/repo`; undefined when `spec` is not an `hf:` URI. */
export const parseHfUri = (spec: string): HfUri | undefined => parseHfFileUri(spec, HF_HINT);

/** Where downloads go: the `cacheDir` option, else $VOXPIPE_CACHE_DIR/kokoro, $XDG_CACHE_HOME/voxpipe/kokoro or ~/.cache/voxpipe/kokoro. */
export const defaultCacheDir = (env: AdapterContext["env"], configDir: string, cacheDir?: string): string => adapterCacheDir("kokoro", env, configDir, cacheDir);

/** A remote spec (hf: URI or URL) → its URL and its place in the cache; undefined for local paths. */
export const remoteSource = (spec: string, env: AdapterContext["env"], cacheDir: string): FileSource | undefined => remoteFileSource(spec, env, cacheDir, HF_HINT);

/** The `hf:` URI a model keyword stands for. */
export const variantUri = (variant: ModelVariant): string => `hf:${KOKORO_REPO}/${MODEL_VARIANTS[variant]}`;

/**
 * Resolves the `model` option — a keyword (`q8`, `fp32`, …), a path, an `hf:`
 * URI or a URL — to a file on disk or a download. Throws ModelNotFoundError
 * listing every place it looked.
 */
export function resolveModelSource(spec: string, context: Pick<AdapterContext, "configDir" | "env">, cacheDir: string): FileSource {
  const variant = Object.hasOwn(MODEL_VARIANTS, spec) ? (spec as ModelVariant) : undefined;
  const remote = remoteSource(variant ? variantUri(variant) : spec, context.env, cacheDir);
  if (remote) return remote;
  const candidates = localCandidates(spec, context);
  if (!spec.endsWith(".onnx")) candidates.push(...localCandidates(`${spec}.onnx`, context));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return { kind: "file", path: found };
  throw new ModelNotFoundError(
    `kokoro: model "${spec}" not found; looked in ${candidates.join(", ")}. ` +
      `Set "model" to one of ${Object.keys(MODEL_VARIANTS).map((name) => `"${name}"`).join(", ")} to download that variant of Kokoro v1.0 from ${KOKORO_REPO_URL} on first use, ` +
      `or to the path of a Kokoro v1.0 .onnx file.`,
    candidates,
    "tts",
  );
}

/** The revision of KOKORO_REPO a downloaded model comes from (its voices can be downloaded from there too); undefined for other models. */
function kokoroRepoRevision(model: FileSource, cacheDir: string): string | undefined {
  if (model.kind !== "remote") return undefined;
  const repoDir = join(cacheDir, "hf", ...KOKORO_REPO.split("/"));
  if (!model.path.startsWith(repoDir)) return undefined;
  return model.path.slice(repoDir.length + 1).split(/[\\/]/)[0];
}

/**
 * Resolves one voice (a name such as `af_heart`, or a .bin file) to a file or
 * a download. A name is looked for as NAME.bin in `voicesDir` when given, else
 * beside the model (`voices/`, `../voices/`); when the model itself comes from
 * KOKORO_REPO a missing voice is downloaded from its `voices/` folder.
 * Throws core's `voice-not-found` (`voiceNotFoundError`) listing every place
 * it looked and the voices found there.
 */
export function resolveVoiceSource(
  name: string,
  where: { voicesDir: string | undefined; model: FileSource; cacheDir: string },
  context: Pick<AdapterContext, "configDir" | "env">,
): FileSource {
  const isFile = /[\\/]/.test(name) || name.endsWith(".bin");
  let candidates: string[];
  if (isFile) {
    candidates = localCandidates(name, context);
  } else {
    const file = `${name}.bin`;
    candidates = where.voicesDir
      ? [resolve(context.configDir, where.voicesDir, file)]
      : [join(dirname(where.model.path), "voices", file), join(dirname(where.model.path), "..", "voices", file)].map((path) => resolve(path));
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return { kind: "file", path: found };
  const revision = kokoroRepoRevision(where.model, where.cacheDir);
  if (!isFile && !where.voicesDir && revision !== undefined) {
    return hfSource({ owner: KOKORO_REPO.split("/")[0] ?? "", repo: KOKORO_REPO.split("/")[1] ?? "", revision, path: `voices/${name}.bin` }, context.env, where.cacheDir);
  }
  throw voiceNotFoundError({
    backend: "kokoro",
    voice: name,
    known: isFile ? [] : voiceNamesIn(candidates.map((candidate) => dirname(candidate))),
    hint:
      `Looked in ${candidates.join(", ")}. ` +
      (isFile
        ? "Fix the path, or give a voice name such as \"af_heart\"."
        : `Download ${name}.bin from ${KOKORO_REPO_URL}/tree/main/voices into ${where.voicesDir ? resolve(context.configDir, where.voicesDir) : dirname(candidates[0] ?? ".")}` +
          `${where.voicesDir ? "" : ' (or set "voicesDir" to the folder that has it)'}, or set "model" to a keyword such as "q8" so voices download with the model.`),
  });
}

/** The voice names (NAME of each NAME.bin) in the folders that exist among `dirs`, sorted. */
function voiceNamesIn(dirs: readonly string[]): string[] {
  const names = dirs.flatMap((dir) => {
    if (!existsSync(dir)) return [];
    try {
      return readdirSync(dir).filter((file) => file.endsWith(".bin")).map((file) => file.slice(0, -".bin".length));
    } catch {
      return [];
    }
  });
  return [...new Set(names)].sort();
}
