import { isCjk } from "./char-classes.js";
import type { PieceSink } from "./piece-sink.js";

/** What the merger needs to know about lengths. */
export interface MergeSettings {
  maxLength: number;
  eagerFirstSegment: boolean;
  firstMinLength: number;
  /** The current merge threshold (the static `minLength`, or the adaptive target). */
  targetLength(): number;
  /** True while the measured rates allow an early first segment (shorter than `firstMinLength`). */
  early(): boolean;
}

/**
 * Rule 5, merge forward: within a block, a piece shorter than the threshold
 * is joined to the next (one space, none next to CJK) until it is long
 * enough, unless the join would exceed `maxLength`. A block's last piece goes
 * out even when short. With `eagerFirstSegment`, the first segment's
 * threshold is `firstMinLength` and it may end at a clause boundary; while
 * the rates allow an early first segment, at any clause boundary, or at a
 * word the builder found safe to pause on.
 */
export class SegmentMerger implements PieceSink {
  #pending = "";
  #pendingCp = 0;
  #emitted = 0;
  /** A block ended since the last segment went out: the next one starts a new block. */
  #blockEnded = false;

  /** `emit` receives each segment's text, and whether it starts a new block (never the first segment). */
  constructor(
    private readonly emit: (text: string, startsBlock: boolean) => void,
    private readonly settings: MergeSettings,
  ) {}

  piece(text: string, lengthCp: number): void {
    if (this.#pendingCp === 0) {
      this.#pending = text;
      this.#pendingCp = lengthCp;
    } else {
      const joiner = joinerBetween(this.#pending, text);
      const joined = this.#pendingCp + joiner.length + lengthCp;
      if (joined <= this.settings.maxLength) {
        this.#pending += joiner + text;
        this.#pendingCp = joined;
      } else {
        this.#flush();
        this.#pending = text;
        this.#pendingCp = lengthCp;
      }
    }
    if (this.#pendingCp >= this.#threshold()) this.#flush();
  }

  wantsEager(): boolean {
    return this.settings.eagerFirstSegment && this.#emitted === 0;
  }

  wantsEarly(): boolean {
    return this.wantsEager() && this.settings.early();
  }

  offerEager(text: string, lengthCp: number, at: "clause" | "word"): boolean {
    const joiner = this.#pendingCp === 0 ? "" : joinerBetween(this.#pending, text);
    const joined = this.#pendingCp + joiner.length + lengthCp;
    if (joined > this.settings.maxLength) return false;
    if (at === "word" ? !this.wantsEarly() : joined < this.settings.firstMinLength && !this.wantsEarly()) return false;
    this.#pending = this.#pendingCp === 0 ? text : this.#pending + joiner + text;
    this.#pendingCp = joined;
    this.#flush();
    return true;
  }

  endBlock(): void {
    if (this.#pendingCp > 0) this.#flush();
    if (this.#emitted > 0) this.#blockEnded = true;
  }

  #threshold(): number {
    return this.wantsEager() ? this.settings.firstMinLength : this.settings.targetLength();
  }

  #flush(): void {
    this.emit(this.#pending, this.#blockEnded);
    this.#blockEnded = false;
    this.#emitted++;
    this.#pending = "";
    this.#pendingCp = 0;
  }
}

/** One space between two pieces, or none when either side of the join is CJK. */
function joinerBetween(left: string, right: string): string {
  const last = left.codePointAt(left.length - 1) ?? 0;
  const lastCode = last >= 0xdc00 && last <= 0xdfff ? (left.codePointAt(left.length - 2) ?? 0) : last;
  return isCjk(lastCode) || isCjk(right.codePointAt(0) ?? 0) ? "" : " ";
}
