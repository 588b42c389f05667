/** Receives the pieces the sentence builder cuts: sentences, or parts of over-long ones. */
export interface PieceSink {
  /** A finished piece of one block; `lengthCp` is its length in code points. */
  piece(text: string, lengthCp: number): void;
  /** True while an eager first segment may still be cut at a clause boundary. */
  wantsEager(): boolean;
  /** True while the measured rates allow an early first segment (see `first-segment-policy.ts`). */
  wantsEarly(): boolean;
  /**
   * Offers text ending at a clause boundary (`clause`), or at a word safe to pause on after enough
   * words (`word`, only while `wantsEarly()`), as the first segment; true when it was taken.
   */
  offerEager(text: string, lengthCp: number, at: "clause" | "word"): boolean;
  /** The block (text between hard breaks) ended. */
  endBlock(): void;
}
