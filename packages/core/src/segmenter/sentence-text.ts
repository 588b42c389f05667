import { CutPoints, type CutLimits, type CutPoint } from "./cut-points.js";
import type { PieceSink } from "./piece-sink.js";

/** Lengths the sentence text works with, in code points. */
export interface SentenceLimits extends CutLimits {
  /** Safety valve: content this long is cut even inside a token, so memory stays bounded. */
  hardLimit: number;
}

/**
 * The unfinished sentence (or the rest of a cut one) and its cut points, with
 * rule 4: once it is longer than `maxLength` it is cut at the best allowed
 * point, as soon as that point is certain. Spaces are collapsed and there is
 * never a leading space. Positions are absolute, counted from the start of
 * input, in UTF-16 units (`Cu`) and code points (`Cp`), so nothing needs
 * re-indexing when the front of the text is given out.
 */
export class SentenceText {
  /** The text held, starting at absolute position `baseCu`/`baseCp`. */
  text = "";
  baseCu = 0;
  baseCp = 0;
  /** Absolute position just after `text`. */
  absCu = 0;
  absCp = 0;
  trailingSpace = false;
  readonly cuts = new CutPoints();

  constructor(
    private readonly sink: PieceSink,
    private readonly limits: SentenceLimits,
  ) {}

  /** True when nothing is held. */
  get empty(): boolean {
    return this.absCp === this.baseCp;
  }

  /** Absolute code point position where the content (without a trailing space) ends. */
  get contentEndCp(): number {
    return this.absCp - (this.trailingSpace ? 1 : 0);
  }

  append(ch: string): void {
    this.text += ch;
    this.absCu += ch.length;
    this.absCp++;
    this.trailingSpace = false;
  }

  appendSpace(): void {
    this.text += " ";
    this.absCu++;
    this.absCp++;
    this.trailingSpace = true;
  }

  /** The text between two absolute UTF-16 positions (clamped to what is held). */
  slice(fromCu: number, toCu: number): string {
    return this.text.slice(Math.max(0, fromCu - this.baseCu), toCu - this.baseCu);
  }

  /** Gives out the sentence ending at `end` (cut to `maxLength` if needed); what follows starts at `next`. */
  finish(endCu: number, endCp: number, nextCu: number, nextCp: number): void {
    while (endCp - this.baseCp > this.limits.maxLength) {
      const point = this.cuts.choose(this.baseCp, endCp, this.limits, true);
      if (point === undefined) break;
      this.cutAt(point);
    }
    if (endCp > this.baseCp) this.sink.piece(this.text.slice(0, endCu - this.baseCu), endCp - this.baseCp);
    this.rebase(nextCu, nextCp);
  }

  /** Gives out everything held, as the end of a block. */
  finishBlock(): void {
    const space = this.trailingSpace ? 1 : 0;
    if (this.absCp - space > this.baseCp) this.finish(this.absCu - space, this.absCp - space, this.absCu, this.absCp);
    this.text = "";
    this.baseCu = this.absCu;
    this.baseCp = this.absCp;
    this.trailingSpace = false;
    this.cuts.clear();
  }

  /** Gives out the text before `point`; keeps what follows it. */
  cutAt(point: CutPoint): void {
    this.sink.piece(this.text.slice(0, point.endCu - this.baseCu), point.endCp - this.baseCp);
    this.rebase(point.nextCu, point.nextCp);
  }

  /** Forgets the text before absolute position `cu`/`cp`. */
  rebase(cu: number, cp: number): void {
    this.text = this.text.slice(cu - this.baseCu);
    this.baseCu = cu;
    this.baseCp = cp;
    if (this.text === "") this.trailingSpace = false;
    this.cuts.dropThrough(cu);
  }

  /**
   * Cuts while the content is longer than `maxLength` and the cut is certain
   * (`settled` is false while a sentence end is being decided). Returns true
   * when the hard limit forced a cut, which the caller treats as a fresh start.
   */
  cutIfTooLong(settled: boolean): boolean {
    const { maxLength, hardLimit } = this.limits;
    if (this.absCp - this.baseCp <= maxLength) return false;
    if (settled) {
      for (;;) {
        const endCp = this.contentEndCp;
        if (endCp - this.baseCp <= maxLength) return false;
        const point = this.cuts.choose(this.baseCp, endCp, this.limits, false);
        if (point === undefined) break;
        this.cutAt(point);
      }
    }
    const endCp = this.contentEndCp;
    if (endCp - this.baseCp < hardLimit) return false;
    const point = this.cuts.choose(this.baseCp, endCp, this.limits, false, true);
    if (point !== undefined) {
      this.cutAt(point);
    } else {
      this.sink.piece(this.text.slice(0, this.text.length - (this.trailingSpace ? 1 : 0)), endCp - this.baseCp);
      this.rebase(this.absCu, this.absCp);
    }
    return true;
  }
}
