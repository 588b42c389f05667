// Types for the parts of @echogarden/espeak-ng-emscripten (0.3.5) this package uses.
// The package ships plain JavaScript; these declarations cover only what we call.
declare module "@echogarden/espeak-ng-emscripten" {
  /** A pointer into the WebAssembly heap, as the Emscripten WebIDL binder wraps it. */
  interface EspeakPointer {
    ptr: number;
  }

  /** One eSpeak NG engine instance inside the WebAssembly module. */
  interface ESpeakNGWorker {
    /** Selects a voice by name (`en-us`, `de`, …); returns 0 on success. */
    set_voice(name: string): number;
    /**
     * Text to phonemes for every clause of `text`: a heap string the caller frees,
     * phonemes separated by `_`, words by spaces, clauses by ` | `.
     */
    text_to_phonemes(text: string, useIpa: number): EspeakPointer;
  }

  interface EspeakModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
    HEAPU8: Uint8Array;
    _free(pointer: number): void;
  }

  const initialize: (moduleArg?: Record<string, unknown>) => Promise<EspeakModule>;
  export default initialize;
  export type { EspeakModule, ESpeakNGWorker, EspeakPointer };
}
