import type { TtsProvider } from "../tts/tts-provider.js";

export interface TtsFailoverOptions {
  /** How long a backend that failed is skipped before it is tried again, in ms. Default 30000. */
  cooldownMs?: number;
}

/**
 * An ordered list of TTS backends: the first is primary, the rest are
 * fallbacks. Keeps, across runs, which backends failed recently, so a failed
 * backend is skipped until its cool-down has passed and then tried again.
 * The run's audio format is the primary's; other backends are resampled to it.
 */
export class TtsFailover {
  readonly providers: readonly TtsProvider[];
  private readonly cooldownMs: number;
  private readonly failedAt = new Map<TtsProvider, number>();

  constructor(providers: readonly TtsProvider[], options: TtsFailoverOptions = {}) {
    if (providers.length === 0) throw new Error("TtsFailover needs at least one TTS provider");
    this.providers = providers;
    this.cooldownMs = options.cooldownMs ?? 30_000;
  }

  get primary(): TtsProvider {
    return this.providers[0] as TtsProvider;
  }

  /** Backends to try, in order: those not cooling down first (in configured order), then the rest. */
  order(now = performance.now()): TtsProvider[] {
    const ready = this.providers.filter((p) => !this.coolingDown(p, now));
    return [...ready, ...this.providers.filter((p) => !ready.includes(p))];
  }

  markFailed(provider: TtsProvider, now = performance.now()): void {
    this.failedAt.set(provider, now);
  }

  markSucceeded(provider: TtsProvider): void {
    this.failedAt.delete(provider);
  }

  private coolingDown(provider: TtsProvider, now: number): boolean {
    const at = this.failedAt.get(provider);
    return at !== undefined && now - at < this.cooldownMs;
  }
}
