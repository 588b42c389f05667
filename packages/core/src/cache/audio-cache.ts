import type { AudioChunk } from "../tts/audio-chunk.js";

/** Counts of cache lookups. */
export interface AudioCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export interface AudioCacheOptions {
  /** Memory cap for the cached audio, in bytes. Least recently used entries go first. */
  maxBytes: number;
}

/** Whitespace-collapsed, NFC-normalized text: the part of a cache key that comes from the segment. */
export function normalizeCacheText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * A bounded LRU cache of whole-segment audio, keyed by (backend, voice,
 * options, normalized text). Used by the pipeline when `cache` is passed; a
 * hit delivers the audio at once instead of synthesizing it. It stores copies
 * and hands out copies, so a consumer may change the samples it gets in place.
 */
export class AudioCache {
  private readonly entries = new Map<string, AudioChunk[]>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: AudioCacheOptions) {}

  /** The cache key for a segment's text spoken by a backend configured as `namespace` (backend, voice and options). */
  static key(namespace: string, text: string): string {
    return `${namespace}\u0000${normalizeCacheText(text)}`;
  }

  get(key: string): AudioChunk[] | undefined {
    const chunks = this.entries.get(key);
    if (!chunks) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, chunks);
    return chunks.map(copyChunk);
  }

  /** Stores a segment's complete audio; entries larger than the cap are not stored. */
  set(key: string, chunks: readonly AudioChunk[]): void {
    const size = chunks.reduce((n, c) => n + c.pcm.byteLength, 0);
    if (size === 0 || size > this.options.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.reduce((n, c) => n + c.pcm.byteLength, 0);
      this.entries.delete(key);
    }
    this.entries.set(key, chunks.map(copyChunk));
    this.bytes += size;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.reduce((n, c) => n + c.pcm.byteLength, 0);
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  stats(): AudioCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }
}

/** A chunk with its own samples (and word timings), so no two holders share mutable audio. */
function copyChunk(chunk: AudioChunk): AudioChunk {
  return { ...chunk, pcm: chunk.pcm.slice(), ...(chunk.words ? { words: chunk.words.map((word) => ({ ...word })) } : {}) };
}
