// Types for the parts of `@echogarden/espeak-ng-emscripten` this package uses.
// The package ships plain JavaScript (an Emscripten build) without types; these
// describe its `eSpeakNGWorker` binding as observed in version 0.3.5.
/** One event eSpeak NG reports alongside a chunk of audio. */
export interface EspeakEvent {
  /** `sentence`, `word`, `phoneme`, `end` (clause end), `mark`, `samplerate`, … */
  type: string;
  /** 1-based character position in the input text. */
  text_position: number;
  /** Length of the word in characters (`word` events). */
  word_length: number;
  /** Milliseconds from the start of this call's audio. */
  audio_position: number;
  /** Phoneme text for `phoneme` events (empty for pauses), a number for `word`/`sentence`. */
  id?: string | number;
}

/** A voice eSpeak NG knows. */
export interface EspeakVoiceEntry {
  name: string;
  identifier: string;
  languages: { priority: number; name: string }[];
}

/** The synthesizer: synchronous, single-threaded, one instance per module. */
export interface EspeakWorker {
  /** Synthesizes `text` (parsed as SSML), calling `callback` for each chunk of 16-bit PCM; return true to stop. */
  synthesize(text: string, callback: (samples: Int16Array | undefined, events: EspeakEvent[]) => boolean): void;
  /** Selects a voice by name or language; 0 on success, non-zero when unknown. */
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): void;
  set_pitch(pitch: number): void;
  set_volume(volume: number): void;
  get_samplerate(): number;
  list_voices(): EspeakVoiceEntry[];
  __destroy__(): void;
}

export interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

/** The package's default export: instantiates the WebAssembly module and loads the voice data (about 24 MB). */
export type InitializeEspeak = (moduleArg?: Record<string, unknown>) => Promise<EspeakModule>;
