/** What the opening splitter decided for some text. */
export interface OpeningSplit {
  /** A known opening the reply starts with, to speak as its own (cached) segment. */
  opening?: string;
  /** Text for the segmenter. */
  rest: string;
}

/**
 * Watches the start of a reply for a known opening ("Sure!", "Let me check
 * that.") followed by whitespace, so it can be spoken as its own segment —
 * straight from the audio cache. Holds text back only while it could still
 * be an opening; any other reply passes through at once.
 */
export class OpeningSplitter {
  private buffer = "";
  private decided = false;

  constructor(private readonly openings: readonly string[]) {
    if (openings.length === 0) this.decided = true;
  }

  push(text: string): OpeningSplit | undefined {
    if (this.decided) return { rest: text };
    this.buffer += text;
    const start = this.buffer.trimStart();
    for (const opening of this.openings) {
      if (start.length > opening.length && start.startsWith(opening) && /\s/.test(start[opening.length] ?? "")) {
        this.decided = true;
        return { opening, rest: start.slice(opening.length) };
      }
    }
    if (this.openings.some((opening) => opening.startsWith(start))) return undefined;
    this.decided = true;
    return { rest: this.buffer };
  }

  end(): OpeningSplit | undefined {
    if (this.decided) return undefined;
    this.decided = true;
    const whole = this.buffer.trim();
    return this.openings.includes(whole) ? { opening: whole, rest: "" } : { rest: this.buffer };
  }
}
