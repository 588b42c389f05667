import { isDigit } from "./char-classes.js";

const IDLE = 0;
const AFTER_SPACE = 1;
const DIGITS = 2;
const DOT = 3;
const MAX_DIGITS = 3;

/**
 * Spots inline enumeration markers such as `2.)` or `2)` after a space
 * (`1.) first thing 2.) second thing`), so the sentence can be split before
 * each one. The builder checks that no bracket is open, so `(see 2)` is not one.
 */
export class EnumerationMarker {
  #state = IDLE;
  #digits = 0;
  /** Absolute position of the marker's first digit. */
  startCu = 0;
  startCp = 0;

  get active(): boolean {
    return this.#state !== IDLE;
  }

  /** A space ended at absolute position `cu`/`cp`: a marker may start here. */
  afterSpace(cu: number, cp: number): void {
    this.#state = AFTER_SPACE;
    this.startCu = cu;
    this.startCp = cp;
  }

  /** Feeds the next non-space code point; true when it completes a marker. */
  char(code: number): boolean {
    switch (this.#state) {
      case AFTER_SPACE:
        this.#state = isDigit(code) ? DIGITS : IDLE;
        this.#digits = 1;
        return false;
      case DIGITS:
        if (isDigit(code) && this.#digits < MAX_DIGITS) {
          this.#digits++;
          return false;
        }
        this.#state = code === 46 ? DOT : IDLE;
        return code === 41;
      case DOT:
        this.#state = IDLE;
        return code === 41;
      default:
        return false;
    }
  }

  reset(): void {
    this.#state = IDLE;
  }
}
