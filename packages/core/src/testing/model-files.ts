import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Model files for tests, looked up in one place: an explicit folder, else
 * `$VOXPIPE_MODELS_DIR`. Never a folder guessed from where the repository is,
 * and never a download: when a file is missing, tests skip with `skipReason`.
 */
export interface ModelFiles {
  /** The models folder (absolute) when it holds every file asked for, else `undefined`. */
  readonly dir: string | undefined;
  /** Why tests that need these files skip: the file, where it was looked for, how to get it. `undefined` when every file is there. */
  readonly skipReason: string | undefined;
  /**
   * The absolute path of a file inside the models folder, e.g. `path("tts/piper-test-voice-silent.onnx")`.
   * Throws (with `skipReason`) when the files are missing, so call it inside a test or hook that is skipped then.
   */
  path(file: string): string;
  /** `title`, with ` (skipped: <reason>)` appended when the files are missing: for `describe` and `it` titles. */
  title(title: string): string;
}

/** Where {@link modelFiles} looks and what its skip reason suggests. */
export interface ModelFilesOptions {
  /** An explicit models folder, used instead of `$VOXPIPE_MODELS_DIR` (relative paths resolve from the working directory). */
  dir?: string | undefined;
  /** The environment `VOXPIPE_MODELS_DIR` is read from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** How to get the files, ending the skip reason. Default: voxpipe's own `pnpm fixtures`. */
  howToGet?: string;
  /** Print the skip reason once (console.warn) when files are missing. Default true. */
  warn?: boolean;
}

/** The default end of a skip reason: how voxpipe's own test models are fetched. */
export const fetchTestModelsHint =
  'to get the test models, run `pnpm fixtures` at the root of a voxpipe checkout (it downloads them into ./models and checks their sha256), then, there, `export VOXPIPE_MODELS_DIR="$PWD/models"`';

const warned = new Set<string>();

/**
 * Looks up model files that tests need (paths relative to the models folder,
 * e.g. `"llm/stories260K.gguf"`), for `describe.skipIf(models.skipReason)`,
 * `it.skipIf(…)` or `ctx.skip(models.skipReason)`.
 *
 * ```ts
 * const models = modelFiles(["tts/piper-test-voice-silent.onnx", "tts/piper-test-voice-silent.onnx.json"]);
 * describe.skipIf(models.skipReason)(models.title("the silent test voice"), () => {
 *   it("loads", async () => { await load(models.path("tts/piper-test-voice-silent.onnx")); });
 * });
 * ```
 */
export function modelFiles(files: readonly string[], options: ModelFilesOptions = {}): ModelFiles {
  const env = options.env ?? process.env;
  const given = options.dir ?? env.VOXPIPE_MODELS_DIR;
  const where = options.dir !== undefined ? "the models folder" : "$VOXPIPE_MODELS_DIR";
  const howToGet = options.howToGet ?? fetchTestModelsHint;
  const names = files.join(", ");
  let skipReason: string | undefined;
  let dir: string | undefined;
  if (!given) {
    skipReason = `needs ${names}, and $VOXPIPE_MODELS_DIR is not set; ${howToGet}`;
  } else {
    const folder = resolve(given);
    const missing = files.filter((file) => !existsSync(join(folder, file)));
    if (missing.length > 0) skipReason = `needs ${missing.join(", ")}, not found in ${where} (${folder}); ${howToGet}`;
    else dir = folder;
  }
  if (skipReason && (options.warn ?? true) && !warned.has(skipReason)) {
    warned.add(skipReason);
    console.warn(`[voxpipe test models] skipping: ${skipReason}`);
  }
  return {
    dir,
    skipReason,
    path(file) {
      if (dir === undefined) throw new Error(`model file ${file} is not available: ${skipReason}`);
      return join(dir, file);
    },
    title: (title) => (skipReason ? `${title} (skipped: ${skipReason})` : title),
  };
}
