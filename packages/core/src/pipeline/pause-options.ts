import type { JoinClass } from "./join-class.js";
import type { JoinShaperSettings } from "./join-shaper.js";

/**
 * A TTS backend's own pauses and silences, measured from its output (see `measurePauseProfile`).
 * A pause class is undefined where the measurement was not plausible (the defaults apply there).
 */
export interface PauseProfile {
  /** The engine's pause at a sentence end inside one utterance, in ms. */
  sentenceMs?: number;
  /** The engine's pause at a comma inside one utterance, in ms. */
  clauseMs?: number;
  /** The pause for a paragraph break, in ms (the sentence pause scaled as the defaults are, unless measured). */
  paragraphMs?: number;
  /** Silence before the first sound of an utterance, in ms. */
  leadingMs: number;
  /** Silence after the last sound of an utterance, in ms. */
  trailingMs: number;
  /** Samples quieter than this (absolute value, PCM floats) count as silence for this backend. */
  silenceThreshold: number;
}

/**
 * The pauses at segment joins (`PipelineOptions.pauses`). Each join's total silence (the end of one
 * segment's audio plus the start of the next) is made exactly the pause its class calls for: an
 * option given here, else what `learned` measured for the backend, else the default.
 */
export interface PauseOptions {
  /** After a sentence end (`.` `!` `?` `…`). Default 350 ms. */
  sentenceMs?: number;
  /** After a clause mark (`,` `;` `:` `—`). Default 150 ms. */
  clauseMs?: number;
  /** Before a new paragraph, list item or heading. Default 550 ms (or `sentenceMs` × 550 / 350 when only that is given). */
  paragraphMs?: number;
  /** Fade at a join that cuts through sound (no silence on that side), in ms. Default 4. */
  fadeMs?: number;
  /** The backend's own pauses and silence level, from `measurePauseProfile`. */
  learned?: PauseProfile;
}

/** Built-in pause per join class, in ms. */
export const DEFAULT_PAUSES_MS: Readonly<Record<JoinClass, number>> = { sentence: 350, clause: 150, paragraph: 550, none: 0 };
/** Built-in fade at a join through sound, in ms. */
export const DEFAULT_FADE_MS = 4;
/** Built-in silence level: about −50 dBFS. */
export const DEFAULT_SILENCE_THRESHOLD = 0.003;

/** The pause per join class after options, learned figures and defaults. */
export function pauseTargetsMs(options: PauseOptions): Record<JoinClass, number> {
  const learned = options.learned;
  const sentence = options.sentenceMs ?? learned?.sentenceMs ?? DEFAULT_PAUSES_MS.sentence;
  const scaledParagraph = options.sentenceMs !== undefined ? (options.sentenceMs * DEFAULT_PAUSES_MS.paragraph) / DEFAULT_PAUSES_MS.sentence : undefined;
  return {
    sentence,
    clause: options.clauseMs ?? learned?.clauseMs ?? DEFAULT_PAUSES_MS.clause,
    paragraph: options.paragraphMs ?? scaledParagraph ?? learned?.paragraphMs ?? DEFAULT_PAUSES_MS.paragraph,
    none: 0,
  };
}

/** The join shaper's settings for a run from its `pauses` options. */
export function joinSettings(options: PauseOptions = {}): Omit<JoinShaperSettings, "format"> {
  const learned = options.learned;
  return {
    targetsMs: pauseTargetsMs(options),
    fadeMs: options.fadeMs ?? DEFAULT_FADE_MS,
    silenceThreshold: learned?.silenceThreshold ?? DEFAULT_SILENCE_THRESHOLD,
    ...(learned ? { expectedLeadingMs: learned.leadingMs } : {}),
  };
}
