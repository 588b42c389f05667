/** A piece of reply text ready to be spoken. */
export interface Segment {
  /** 0-based position in the reply. */
  index: number;
  /** Exactly what the TTS should speak. */
  text: string;
  /**
   * Set when the segment starts a new block of the reply: after a line break (a paragraph, a list
   * item, a heading). Never on the reply's first segment. The pipeline pauses longer at such a join.
   */
  startsBlock?: true;
}
