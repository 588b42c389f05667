import type { Logger } from "../logging/logger.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { PauseOptions, PauseProfile } from "./pause-options.js";
import { measurePauseProfile } from "./pause-profile.js";
import type { PausesConfig } from "./pause-settings-schema.js";

/** `PipelineOptions.pauses` from the config's `pipeline.pauses` and what was learned of the TTS. */
export function configuredPauses(config: PausesConfig, learned?: PauseProfile): PauseOptions | false {
  if (!config.enabled) return false;
  const { enabled: _enabled, learn: _learn, ...lengths } = config;
  return { ...lengths, ...(learned ? { learned } : {}) };
}

/**
 * Measures the TTS's own pauses when the config's `pipeline.pauses` asks for it (`enabled` and
 * `learn`), logging what was learned at info. A failure is a warning: the defaults apply.
 */
export async function learnPauses(tts: TtsProvider, config: PausesConfig, logger: Logger, signal?: AbortSignal): Promise<PauseProfile | undefined> {
  if (!config.enabled || !config.learn) return undefined;
  try {
    const profile = await measurePauseProfile(tts, signal ? { signal } : {});
    const ms = (value: number | undefined): string => (value === undefined ? "not measurable (default)" : `${value.toFixed(0)} ms`);
    logger.info(
      `TTS ${tts.id}: pauses learned — sentence ${ms(profile.sentenceMs)}, clause ${ms(profile.clauseMs)}, paragraph ${ms(profile.paragraphMs)}; leading ${ms(profile.leadingMs)}, trailing ${ms(profile.trailingMs)} of silence`,
    );
    return profile;
  } catch (error) {
    logger.warn(`TTS ${tts.id}: could not measure its pauses (${error instanceof Error ? error.message : String(error)}); the default pauses apply.`);
    return undefined;
  }
}
