import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import type { Logger } from "../logging/logger.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { Redactor } from "./redactor.js";

/**
 * The LLM provider with every error it reports or throws (and its names)
 * passed through `redactor`, whatever the adapter did about secrets itself.
 * Parts other than `error` pass through untouched.
 */
export function redactingLlm(provider: LlmProvider, redactor: Redactor): LlmProvider {
  const safe = <T>(call: () => Promise<T>): Promise<T> => call().catch((error: unknown) => Promise.reject(redactor.redactError(error)));
  return overlay(provider, {
    id: redactor.redact(provider.id),
    model: redactor.redact(provider.model),
    stream: (request: Parameters<LlmProvider["stream"]>[0]) => redactParts(provider.stream(request), redactor),
    ...(provider.load ? { load: () => safe(() => provider.load!()) } : {}),
    ...(provider.dispose ? { dispose: () => safe(() => provider.dispose!()) } : {}),
  });
}

/** The TTS provider with every error `synthesize`, `load` and `dispose` throw (and its names) passed through `redactor`. */
export function redactingTts(provider: TtsProvider, redactor: Redactor): TtsProvider {
  const safe = <T>(call: () => Promise<T>): Promise<T> => call().catch((error: unknown) => Promise.reject(redactor.redactError(error)));
  return overlay(provider, {
    id: redactor.redact(provider.id),
    voice: redactor.redact(provider.voice),
    synthesize: (request: Parameters<TtsProvider["synthesize"]>[0]) => redactThrown(provider.synthesize(request), redactor),
    ...(provider.load ? { load: () => safe(() => provider.load!()) } : {}),
    ...(provider.dispose ? { dispose: () => safe(() => provider.dispose!()) } : {}),
  });
}

/** A logger whose every line goes through `redactor` first. */
export function redactingLogger(logger: Logger, redactor: Redactor): Logger {
  return {
    error: (message) => logger.error(redactor.redact(message)),
    warn: (message) => logger.warn(redactor.redact(message)),
    info: (message) => logger.info(redactor.redact(message)),
    debug: (message) => logger.debug(redactor.redact(message)),
  };
}

/**
 * `target` seen through `overrides`: the overridden members come from
 * `overrides`, every other member from `target` (methods bound to it, so a
 * class with private fields keeps working), including optional capabilities
 * this file does not know about.
 */
function overlay<T extends object>(target: T, overrides: Partial<T>): T {
  const read = (key: PropertyKey): unknown => {
    if (Object.hasOwn(overrides, key)) return (overrides as Record<PropertyKey, unknown>)[key];
    const value: unknown = Reflect.get(target, key, target);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  };
  const keys = (): (string | symbol)[] => [...new Set([...Reflect.ownKeys(target), ...Reflect.ownKeys(overrides)])];
  // An empty stand-in as the proxy's target, so a frozen provider's invariants do not bind the overrides.
  return new Proxy(Object.create(Object.getPrototypeOf(target) as object | null) as T, {
    get: (_standIn, key) => read(key),
    has: (_standIn, key) => Object.hasOwn(overrides, key) || Reflect.has(target, key),
    ownKeys: keys,
    getOwnPropertyDescriptor: (_standIn, key) =>
      keys().includes(key) ? { value: read(key), writable: false, enumerable: true, configurable: true } : undefined,
  });
}

async function* redactParts(parts: AsyncIterable<LlmStreamPart>, redactor: Redactor): AsyncGenerator<LlmStreamPart> {
  try {
    for await (const part of parts) yield part.type === "error" ? { ...part, error: redactor.redactError(part.error) } : part;
  } catch (error) {
    throw redactor.redactError(error);
  }
}

async function* redactThrown(chunks: AsyncIterable<AudioChunk>, redactor: Redactor): AsyncGenerator<AudioChunk> {
  try {
    yield* chunks;
  } catch (error) {
    throw redactor.redactError(error);
  }
}
