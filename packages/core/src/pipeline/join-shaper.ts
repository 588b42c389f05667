import { concatPcm } from "../audio/pcm.js";
import { firstSoundFrame, lastSoundFrame, msToFrames, SILENCE_WINDOW_MS } from "../audio/silence.js";
import type { AudioChunk, AudioFormat, WordTiming } from "../tts/audio-chunk.js";
import { joinClass, type EndingClass, type JoinClass } from "./join-class.js";

export interface JoinShaperSettings {
  /** The run's audio format (every chunk pushed is in it). */
  format: AudioFormat;
  /** The pause per join class, in ms. */
  targetsMs: Readonly<Record<JoinClass, number>>;
  /** Fade at a join that cuts through sound, in ms. */
  fadeMs: number;
  /** Samples quieter than this count as silence. */
  silenceThreshold: number;
  /** Silence the next segment's audio is expected to start with (the learned figure), in ms; default: the mean seen in this run, else 20. */
  expectedLeadingMs?: number;
}

/** What is known of the segment after the one that ends: its block start, that there is none, or nothing yet. */
export type NextSegment = { startsBlock?: boolean } | "last" | "unknown";

/** What the shaper needs to know of a segment as its delivery starts. */
export interface ShapedSegment {
  /** The class its written text's ending calls for. */
  ending: EndingClass;
  startsBlock?: boolean;
}

/** The onset keeps at least this much of its leading silence (the sound's own attack), in ms. */
const ONSET_KEEP_MS = 5;
/** The leading silence expected before anything was seen, in ms. */
const FALLBACK_LEADING_MS = 20;
/** Leading silences longer than this are not counted in the run's mean (a segment that starts with a long pause). */
const MAX_COUNTED_LEADING_MS = 200;

/**
 * Shapes the silence at each join of a run's segments so that the join's total silence (the end of
 * one segment's audio plus the start of the next) is the pause its class calls for. The scheduler
 * calls `start` as it begins delivering a segment, `push` with each chunk of its audio, and `end`
 * when its audio is complete; each returns the audio to deliver now.
 *
 * A segment's leading silence is held until its first sound and then trimmed (its earliest part)
 * or padded; its trailing silence (and a few ms of its tail) is held until sound follows or the
 * segment ends, then kept up to the pause, with zeros appended for the rest, less the silence the
 * next segment is expected to start with, so the pause plays while the next segment is still being
 * synthesized. A side of a join with no silence (a cut through sound) is faded out or in. The run's
 * first leading and last trailing silence are left alone. Word timings follow the shift of the
 * segment's start. Input arrays are never modified.
 */
export class JoinShaper {
  private readonly sampleRate: number;
  private readonly channels: number;
  private readonly fadeFrames: number;
  private readonly windowFrames: number;
  private readonly onsetFrames: number;
  /** The previous segment's ending and the silence delivered at its end (kept and added), in frames. */
  private previous: { ending: EndingClass; silenceFrames: number } | undefined;
  private started = 0;
  private leadingSum = 0;
  private leadingCount = 0;
  // The segment being delivered:
  private segment: ShapedSegment = { ending: "none" };
  private inLeading = false;
  private held: Float32Array = new Float32Array(0);
  /** False while `held` is (a view of) a pushed chunk's own array, which must not be changed in place. */
  private heldIsCopy = true;
  /** Frames of `held` already searched for a first sound. */
  private searched = 0;
  /** Leading silence already delivered (the run's first segment does not hold it back), in frames. */
  private leadingDelivered = 0;
  /** Frames of fade-in still to apply, from frame `fadeInFrom` of `held`. */
  private fadeInLeft = 0;
  private fadeInFrom = 0;
  private wordShiftMs = 0;
  private words: WordTiming[] = [];

  constructor(private readonly settings: JoinShaperSettings) {
    this.sampleRate = settings.format.sampleRate;
    this.channels = settings.format.channels;
    this.fadeFrames = msToFrames(settings.fadeMs, this.sampleRate);
    this.windowFrames = msToFrames(SILENCE_WINDOW_MS, this.sampleRate);
    this.onsetFrames = msToFrames(ONSET_KEEP_MS, this.sampleRate);
  }

  /** A segment's delivery starts. */
  start(segment: ShapedSegment): void {
    this.segment = segment;
    this.inLeading = true;
    this.held = new Float32Array(0);
    this.heldIsCopy = true;
    this.searched = 0;
    this.leadingDelivered = 0;
    this.fadeInLeft = 0;
    this.wordShiftMs = 0;
    this.words = [];
    this.started++;
  }

  /** A chunk of the segment's audio; returns what may be delivered now. */
  push(chunk: AudioChunk): AudioChunk[] {
    if (chunk.words) this.words.push(...chunk.words);
    // Nothing held: the chunk's own array is held as it is (copied only if a fade must change it).
    if (this.held.length === 0) {
      this.held = chunk.pcm;
      this.heldIsCopy = false;
    } else {
      this.held = concatPcm(this.held, chunk.pcm);
      this.heldIsCopy = true;
    }
    const isFirst = this.started === 1;
    if (this.inLeading) {
      const sound = firstSoundFrame(this.held, this.channels, this.settings.silenceThreshold, this.searched);
      if (sound < 0) {
        this.searched = this.frames(this.held);
        if (!isFirst) return [];
        // The run's first segment is not shaped at its start: its silence goes out as it comes.
        this.leadingDelivered += this.searched;
        return this.release(this.searched);
      }
      this.inLeading = false;
      this.observeLeading(this.leadingDelivered + sound);
      if (!isFirst) this.shapeLeading(sound);
    }
    this.applyFadeIn();
    // Hold the trailing silence and the last `fadeMs` of sound: the end may need them.
    const last = lastSoundFrame(this.held, this.channels, this.settings.silenceThreshold);
    return this.release(Math.max(0, last + 1 - this.fadeFrames));
  }

  /** The segment's audio is complete; returns the rest of it, with the join's pause. */
  end(next: NextSegment): AudioChunk[] {
    const heldFrames = this.frames(this.held);
    if (this.inLeading) {
      // No sound at all: it passes as it is, and counts as silence of the join around it.
      const out = this.release(heldFrames);
      this.previous = { ending: this.previous?.ending ?? this.segment.ending, silenceFrames: (this.previous?.silenceFrames ?? 0) + heldFrames };
      if (next === "last") this.previous = undefined;
      return out;
    }
    if (next === "last") {
      this.previous = undefined;
      return this.release(heldFrames);
    }
    const target = this.msFrames(this.settings.targetsMs[next === "unknown" ? this.segment.ending : joinClass(this.segment.ending, next)]);
    const expectedLeading = this.expectedLeadingFrames();
    const soundEnd = lastSoundFrame(this.held, this.channels, this.settings.silenceThreshold) + 1;
    const trailing = heldFrames - soundEnd;
    const kept = Math.min(trailing, Math.max(0, target - expectedLeading));
    const added = Math.max(0, target - kept - expectedLeading);
    this.held = this.held.subarray(0, (soundEnd + kept) * this.channels);
    if (trailing < this.windowFrames) this.held = fadeOut(this.held, this.channels, this.fadeFrames);
    this.previous = { ending: this.segment.ending, silenceFrames: kept + added };
    const out = this.release(soundEnd + kept);
    if (added > 0) out.push(this.chunkOf(new Float32Array(added * this.channels)));
    return out;
  }

  /** Trims or pads the leading silence (`sound` frames) so the join's silence is the target. */
  private shapeLeading(sound: number): void {
    const previous = this.previous;
    const silenceBefore = previous?.silenceFrames ?? 0;
    const target = previous ? this.msFrames(this.settings.targetsMs[joinClass(previous.ending, this.segment)]) : 0;
    const wanted = Math.max(target - silenceBefore, Math.min(sound, this.onsetFrames));
    if (wanted < sound) this.held = this.held.subarray((sound - wanted) * this.channels);
    else if (wanted > sound) {
      this.held = concatPcm(new Float32Array((wanted - sound) * this.channels), this.held);
      this.heldIsCopy = true;
    }
    this.wordShiftMs = ((wanted - sound) / this.sampleRate) * 1000;
    // Starts in sound: fade in from its first sample on.
    if (sound < this.windowFrames && this.fadeFrames > 0) {
      this.fadeInLeft = this.fadeFrames;
      this.fadeInFrom = wanted;
    }
  }

  /** Applies what is left of a fade-in to the held audio (it may span chunks). */
  private applyFadeIn(): void {
    if (this.fadeInLeft <= 0) return;
    const frames = this.frames(this.held);
    if (!this.heldIsCopy) {
      this.held = this.held.slice();
      this.heldIsCopy = true;
    }
    for (let f = this.fadeInFrom; f < frames && this.fadeInLeft > 0; f++, this.fadeInLeft--) {
      const gain = (this.fadeFrames - this.fadeInLeft) / this.fadeFrames;
      for (let c = 0; c < this.channels; c++) this.held[f * this.channels + c] = (this.held[f * this.channels + c] ?? 0) * gain;
    }
    this.fadeInFrom = frames;
  }

  private observeLeading(sound: number): void {
    const ms = (sound / this.sampleRate) * 1000;
    if (ms > MAX_COUNTED_LEADING_MS) return;
    this.leadingSum += ms;
    this.leadingCount++;
  }

  private expectedLeadingFrames(): number {
    const ms = this.settings.expectedLeadingMs ?? (this.leadingCount > 0 ? this.leadingSum / this.leadingCount : FALLBACK_LEADING_MS);
    return Math.max(this.onsetFrames, this.msFrames(ms));
  }

  /** Delivers the first `frames` frames held, with the words seen so far. */
  private release(frames: number): AudioChunk[] {
    if (frames <= 0) return [];
    const pcm = this.held.subarray(0, frames * this.channels);
    this.held = this.held.subarray(frames * this.channels);
    this.searched = Math.max(0, this.searched - frames);
    this.fadeInFrom = Math.max(0, this.fadeInFrom - frames);
    const chunk = this.chunkOf(pcm);
    if (this.words.length > 0) {
      chunk.words = this.words.map((word) => ({ ...word, startMs: Math.max(0, word.startMs + this.wordShiftMs), endMs: Math.max(0, word.endMs + this.wordShiftMs) }));
      this.words = [];
    }
    return [chunk];
  }

  private chunkOf(pcm: Float32Array): AudioChunk {
    return { pcm, sampleRate: this.sampleRate, channels: this.channels };
  }

  private frames(pcm: Float32Array): number {
    return pcm.length / this.channels;
  }

  private msFrames(ms: number): number {
    return msToFrames(ms, this.sampleRate);
  }
}

/** A copy of `pcm` whose last `fadeFrames` frames fade linearly to silence. */
function fadeOut(pcm: Float32Array, channels: number, fadeFrames: number): Float32Array {
  const frames = pcm.length / channels;
  const length = Math.min(fadeFrames, frames);
  if (length <= 0) return pcm;
  const out = pcm.slice();
  for (let i = 0; i < length; i++) {
    const f = frames - length + i;
    const gain = (length - 1 - i) / length;
    for (let c = 0; c < channels; c++) out[f * channels + c] = (out[f * channels + c] ?? 0) * gain;
  }
  return out;
}
