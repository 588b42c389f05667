/** A piece of reply text ready to be spoken. */
export interface Segment {
  /** 0-based position in the reply. */
  index: number;
  /** Exactly what the TTS should speak. */
  text: string;
}
