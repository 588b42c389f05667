import { type AdapterContext } from "@voxpipe/core";
import { downloadFile, raceAbort, type FileSource } from "@voxpipe/core/adapter-kit";
import { resolveVoiceSource } from "./model-source.js";
import { blendVoices, parseVoiceSpec, readVoiceFile, type VoiceStyles } from "./voice-style.js";

/** Where voices are looked for, and how downloads are logged. */
export interface VoiceBankOptions {
  voicesDir: string | undefined;
  model: FileSource;
  cacheDir: string;
  context: Pick<AdapterContext, "configDir" | "env" | "log" | "progress">;
}

/** A voice spec resolved to its files, with weights. */
export interface ResolvedVoice {
  spec: string;
  parts: { name: string; weight: number; source: FileSource }[];
}

/**
 * The voices of one provider: specs (names, files, blends) resolved to files
 * when first named — so a missing voice is reported with every place looked —
 * and read (downloaded first if need be) once, then kept.
 */
export class VoiceBank {
  readonly #options: VoiceBankOptions;
  readonly #styles = new Map<string, Promise<VoiceStyles>>();

  constructor(options: VoiceBankOptions) {
    this.#options = options;
  }

  /** Resolves a spec to its files without reading them; throws core's `voice-not-found` for a voice that is nowhere. */
  resolve(spec: string): ResolvedVoice {
    const { voicesDir, model, cacheDir, context } = this.#options;
    return {
      spec,
      parts: parseVoiceSpec(spec).map((part) => ({ ...part, source: resolveVoiceSource(part.name, { voicesDir, model, cacheDir }, context) })),
    };
  }

  /** The style vectors of a spec (blended if it names several voices). `signal` only stops this caller's waiting. */
  styles(spec: string, signal?: AbortSignal): Promise<VoiceStyles> {
    let styles = this.#styles.get(spec);
    if (!styles) {
      styles = this.#read(spec);
      this.#styles.set(spec, styles);
      styles.catch(() => this.#styles.delete(spec));
    }
    return raceAbort(styles, signal);
  }

  async #read(spec: string): Promise<VoiceStyles> {
    const resolved = this.resolve(spec);
    const parts = await Promise.all(
      resolved.parts.map(async (part) => {
        if (part.source.kind === "remote") await downloadFile({ label: "kokoro", url: part.source.url, destination: part.source.path, log: this.#options.context.log, progress: this.#options.context.progress });
        return { styles: await readVoiceFile(part.source.path), weight: part.weight };
      }),
    );
    return blendVoices(parts);
  }
}
