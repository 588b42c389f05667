import { classifyAbbreviation, type AbbreviationKind } from "./abbreviations.js";
import { BracketStack } from "./bracket-stack.js";
import {
  isCjkClauseMark,
  isCjkTerminal,
  isCjkWord,
  isClauseMark,
  isCloser,
  isDigit,
  isLetter,
  isLowercase,
  isOpener,
  isSpace,
  isTerminal,
} from "./char-classes.js";
import { CutPoints, RANK_CLAUSE, RANK_CONJUNCTION, RANK_INNER_SENTENCE, RANK_SPACE, type CutLimits, type CutPoint } from "./cut-points.js";
import { EnumerationMarker } from "./enumeration-marker.js";
import type { PieceSink } from "./piece-sink.js";
import { isSentenceStarter } from "./sentence-starters.js";
import type { TextSink } from "./text-sink.js";

/** No sentence end in view. */
const PHASE_NONE = 0;
/** Inside a run of terminal punctuation and closing quotes/brackets. */
const PHASE_RUN = 1;
/** After the run and a space: waiting for the first letter of what follows. */
const PHASE_START = 2;
/** After an abbreviation that may end the sentence: reading the next word. */
const PHASE_WORD = 3;

const CONJUNCTIONS = new Set(["and", "but", "or", "so", "because", "while", "which", "then"]);
/** A word longer than this after `etc. ` is not a sentence starter; stop reading it. */
const WORD_LIMIT = 24;

/** Lengths the builder works with, in code points. */
export interface BuilderLimits extends CutLimits {
  /** Safety valve: content this long is cut even inside a token, so memory stays bounded. */
  hardLimit: number;
}

/**
 * Builds sentences from clean text and finds where they end (rule 2), cuts
 * over-long ones at the best allowed point (rule 4), splits before inline
 * enumeration markers, and hands the pieces to a {@link PieceSink}. It keeps
 * only the unfinished sentence (bounded by `maxLength` plus a small
 * lookahead) and looks at each character once; decisions depend only on the
 * text, never on how it was chunked.
 */
export class SentenceBuilder implements TextSink {
  /** The unfinished sentence (or the rest of a cut one), spaces collapsed, no leading space. */
  #text = "";
  /** Absolute position of `#text[0]`, in UTF-16 units and code points. */
  #baseCu = 0;
  #baseCp = 0;
  /** Absolute position just after `#text`. */
  #absCu = 0;
  #absCp = 0;
  #trailingSpace = false;
  /** Last non-space code point appended in this block (0 at block start). */
  #lastCode = 0;
  #sentenceStartCu = 0;
  #tokenStartCu = 0;
  #previousWasAnd = false;

  #phase = PHASE_NONE;
  #runStartCu = 0;
  #runTokenCu = 0;
  #runEndCu = 0;
  #runEndCp = 0;
  #runSingleDot = false;
  #runDotsOnly = false;
  #runCjk = false;
  #runCloser = false;
  #runKind: AbbreviationKind | undefined;
  #word = "";

  readonly #cuts = new CutPoints();
  readonly #brackets: BracketStack;
  readonly #marker = new EnumerationMarker();

  constructor(
    private readonly sink: PieceSink,
    private readonly limits: BuilderLimits,
  ) {
    this.#brackets = new BracketStack(limits.maxLength);
  }

  char(ch: string, code: number): void {
    if (isSpace(code)) {
      this.#space();
      return;
    }
    const phase = this.#phase;
    if (phase !== PHASE_NONE) {
      const consumed =
        phase === PHASE_RUN ? this.#runChar(ch, code) : phase === PHASE_START ? this.#startChar(ch, code) : this.#wordChar(ch, code);
      if (consumed) {
        this.#checkLength();
        return;
      }
    }
    this.#append(ch, code);
    this.#checkLength();
  }

  hardBreak(): void {
    if (this.#phase === PHASE_WORD) this.#resolveStart(false);
    this.#phase = PHASE_NONE;
    const space = this.#trailingSpace ? 1 : 0;
    if (this.#absCp - space > this.#baseCp) this.#finishSentence(this.#absCu - space, this.#absCp - space, this.#absCu, this.#absCp);
    this.#text = "";
    this.#baseCu = this.#absCu;
    this.#baseCp = this.#absCp;
    this.#trailingSpace = false;
    this.#lastCode = 0;
    this.#sentenceStartCu = this.#tokenStartCu = this.#absCu;
    this.#previousWasAnd = false;
    this.#cuts.clear();
    this.#brackets.clear();
    this.#marker.reset();
    this.sink.endBlock();
  }

  end(): void {
    this.hardBreak();
  }

  /** A space: collapses runs, registers the cut point it makes, and moves sentence-end detection on. */
  #space(): void {
    if (this.#trailingSpace || this.#absCp === this.#baseCp) return;
    if (this.#phase === PHASE_WORD) this.#resolveStart(false);
    const endCu = this.#absCu;
    const endCp = this.#absCp;
    const rank = this.#tokenRank(endCu);
    this.#text += " ";
    this.#absCu++;
    this.#absCp++;
    this.#trailingSpace = true;
    const point = this.#cuts.add(endCu, endCp, this.#absCu, this.#absCp, rank);
    this.#tokenStartCu = this.#absCu;
    this.#marker.afterSpace(this.#absCu, this.#absCp);
    if (this.#phase === PHASE_RUN) {
      this.#phase = PHASE_NONE;
      if (this.#runCjk) this.#sentenceEndAt(endCu, endCp, this.#absCu, this.#absCp);
      else if (this.#brackets.isOpenAt(endCp)) point.rank = Math.max(point.rank, RANK_INNER_SENTENCE);
      else this.#phase = PHASE_START;
    }
    if (point.rank === RANK_CLAUSE && this.#phase === PHASE_NONE) this.#offerEager(point);
    this.#checkLength();
  }

  /** Rank of the cut at the space ending the current token; upgrades the previous space before a conjunction. */
  #tokenRank(endCu: number): number {
    const last = this.#lastCode;
    const length = endCu - this.#tokenStartCu;
    let rank = RANK_SPACE;
    if (isClauseMark(last)) rank = RANK_CLAUSE;
    else if (length === 1 && (last === 45 || last === 0x2013 || last === 0x2014)) rank = RANK_CLAUSE;
    else if (length === 2 && last === 45 && this.#text.charCodeAt(endCu - this.#baseCu - 2) === 45) rank = RANK_CLAUSE;
    let isAnd = false;
    if (length >= 2 && length <= 7 && last >= 97 && last <= 122 && this.#tokenStartCu >= this.#baseCu) {
      const token = this.#text.slice(this.#tokenStartCu - this.#baseCu, endCu - this.#baseCu);
      if (CONJUNCTIONS.has(token) && !(token === "then" && this.#previousWasAnd)) {
        const previous = this.#cuts.last();
        if (previous !== undefined && previous.nextCu === this.#tokenStartCu && previous.rank < RANK_CONJUNCTION) previous.rank = RANK_CONJUNCTION;
      }
      isAnd = token === "and";
    }
    this.#previousWasAnd = isAnd;
    return rank;
  }

  /** Appends a non-space code point with all its bookkeeping. */
  #append(ch: string, code: number): void {
    const previous = this.#trailingSpace ? 32 : this.#lastCode;
    if (isCjkWord(code) && isCjkWord(previous)) this.#cuts.add(this.#absCu, this.#absCp, this.#absCu, this.#absCp, RANK_SPACE);
    if (this.#marker.active && this.#marker.char(code) && !this.#brackets.isOpenAt(this.#absCp)) this.#splitBeforeMarker();
    if (BracketStack.affects(code)) this.#brackets.update(code, previous, this.#absCp);
    this.#text += ch;
    this.#absCu += ch.length;
    this.#absCp++;
    this.#trailingSpace = false;
    this.#lastCode = code;
    if (isCjkClauseMark(code)) {
      const point = this.#cuts.add(this.#absCu, this.#absCp, this.#absCu, this.#absCp, RANK_CLAUSE);
      if (this.#phase === PHASE_NONE) this.#offerEager(point);
    }
    if (this.#phase === PHASE_NONE && isTerminal(code)) {
      this.#phase = PHASE_RUN;
      this.#runStartCu = this.#absCu - ch.length;
      this.#runTokenCu = this.#tokenStartCu;
      this.#runEndCu = this.#absCu;
      this.#runEndCp = this.#absCp;
      this.#runSingleDot = this.#runDotsOnly = code === 46;
      this.#runCjk = isCjkTerminal(code) || ((code === 33 || code === 63) && isCjkWord(previous));
      this.#runCloser = false;
      this.#runKind = undefined;
    }
  }

  /** In a run of terminal punctuation: extend it, or end it on anything else. */
  #runChar(ch: string, code: number): boolean {
    if (isTerminal(code) || isCloser(code) || this.#brackets.closes(code)) {
      if (isTerminal(code)) {
        this.#runSingleDot = false;
        if (code !== 46) this.#runDotsOnly = false;
        if (isCjkTerminal(code)) this.#runCjk = true;
      } else {
        this.#runCloser = true;
      }
      this.#append(ch, code);
      this.#runEndCu = this.#absCu;
      this.#runEndCp = this.#absCp;
      return true;
    }
    this.#phase = PHASE_NONE;
    // `3.14`, `example.com`, `Yahoo!Japan`: no space, no sentence end. A CJK terminal needs no space, but
    // a quotation closed right before more text is embedded in its sentence: 他说：「我走了。」然后离开了。
    if (this.#runCjk) {
      if (this.#runCloser) this.#cuts.add(this.#runEndCu, this.#runEndCp, this.#runEndCu, this.#runEndCp, RANK_INNER_SENTENCE);
      else this.#sentenceEndAt(this.#runEndCu, this.#runEndCp, this.#runEndCu, this.#runEndCp);
    }
    return false;
  }

  /** The first non-space character after `<run> `: decides, or waits for the whole next word. */
  #startChar(ch: string, code: number): boolean {
    if (code === 46 && this.#runDotsOnly) {
      // `. . .`: a spaced ellipsis continues the run.
      this.#phase = PHASE_RUN;
      this.#runSingleDot = false;
      this.#append(ch, code);
      this.#runEndCu = this.#absCu;
      this.#runEndCp = this.#absCp;
      return true;
    }
    if (isOpener(code)) {
      this.#append(ch, code);
      return true;
    }
    if (isLowercase(ch, code)) {
      this.#phase = PHASE_NONE; // lowercase continuation: "Yahoo! is", "Wait... what", "'Stop!' she said"
      return false;
    }
    if (this.#runSingleDot && this.#kind() === "may-end" && isLetter(ch, code)) {
      this.#phase = PHASE_WORD;
      this.#word = ch;
      this.#append(ch, code);
      return true;
    }
    this.#resolveStart(isDigit(code));
    return false;
  }

  #wordChar(ch: string, code: number): boolean {
    if (isLetter(ch, code) && this.#word.length < WORD_LIMIT) {
      this.#word += ch;
      this.#append(ch, code);
      return true;
    }
    this.#resolveStart(false);
    return false;
  }

  /** Decides whether the run ends the sentence, now that what follows it is known. */
  #resolveStart(startsWithDigit: boolean): void {
    this.#phase = PHASE_NONE;
    let boundary = true;
    if (this.#runSingleDot) {
      const kind = this.#kind();
      if (kind === "continues" || kind === "list-marker") boundary = false;
      else if (kind === "reference") boundary = !startsWithDigit;
      else if (kind === "may-end") boundary = isSentenceStarter(this.#word);
    }
    this.#word = "";
    if (boundary) this.#finishSentence(this.#runEndCu, this.#runEndCp, this.#runEndCu + 1, this.#runEndCp + 1);
  }

  #kind(): AbbreviationKind {
    if (this.#runKind === undefined) {
      const from = Math.max(this.#runTokenCu, this.#baseCu);
      const word = this.#text.slice(from - this.#baseCu, this.#runStartCu - this.#baseCu);
      this.#runKind = classifyAbbreviation(word, from === this.#sentenceStartCu);
    }
    return this.#runKind;
  }

  /** A sentence end at `end`: inside brackets or quotes it is only a preferred cut point. */
  #sentenceEndAt(endCu: number, endCp: number, nextCu: number, nextCp: number): void {
    if (this.#brackets.isOpenAt(endCp)) this.#cuts.add(endCu, endCp, nextCu, nextCp, RANK_INNER_SENTENCE);
    else this.#finishSentence(endCu, endCp, nextCu, nextCp);
  }

  #splitBeforeMarker(): void {
    const startCu = this.#marker.startCu;
    const startCp = this.#marker.startCp;
    if (startCu - 1 > this.#baseCu && startCu > this.#sentenceStartCu) this.#finishSentence(startCu - 1, startCp - 1, startCu, startCp);
    this.#sentenceStartCu = startCu;
  }

  /** Gives out the sentence ending at `end` (cut to `maxLength` if needed); the next one starts at `next`. */
  #finishSentence(endCu: number, endCp: number, nextCu: number, nextCp: number): void {
    while (endCp - this.#baseCp > this.limits.maxLength) {
      const point = this.#cuts.choose(this.#baseCp, endCp, this.limits, true);
      if (point === undefined) break;
      this.#cutAt(point);
    }
    if (endCp > this.#baseCp) this.sink.piece(this.#text.slice(0, endCu - this.#baseCu), endCp - this.#baseCp);
    this.#rebase(nextCu, nextCp);
    this.#sentenceStartCu = nextCu;
  }

  #cutAt(point: CutPoint): void {
    this.sink.piece(this.#text.slice(0, point.endCu - this.#baseCu), point.endCp - this.#baseCp);
    this.#rebase(point.nextCu, point.nextCp);
  }

  #rebase(cu: number, cp: number): void {
    this.#text = this.#text.slice(cu - this.#baseCu);
    this.#baseCu = cu;
    this.#baseCp = cp;
    if (this.#text === "") this.#trailingSpace = false;
    this.#cuts.dropThrough(cu);
  }

  #offerEager(point: CutPoint): void {
    if (!this.sink.wantsEager() || point.endCp <= this.#baseCp) return;
    if (this.sink.offerEager(this.#text.slice(0, point.endCu - this.#baseCu), point.endCp - this.#baseCp)) this.#rebase(point.nextCu, point.nextCp);
  }

  /** Cuts the unfinished sentence once it is longer than `maxLength` and the cut is certain. */
  #checkLength(): void {
    const { maxLength, hardLimit } = this.limits;
    if (this.#absCp - this.#baseCp <= maxLength) return;
    if (this.#phase === PHASE_NONE) {
      for (;;) {
        const endCp = this.#absCp - (this.#trailingSpace ? 1 : 0);
        if (endCp - this.#baseCp <= maxLength) return;
        const point = this.#cuts.choose(this.#baseCp, endCp, this.limits, false);
        if (point === undefined) break;
        this.#cutAt(point);
      }
    }
    const space = this.#trailingSpace ? 1 : 0;
    if (this.#absCp - space - this.#baseCp < hardLimit) return;
    const point = this.#cuts.choose(this.#baseCp, this.#absCp - space, this.limits, false, true);
    if (point !== undefined) this.#cutAt(point);
    else {
      this.sink.piece(this.#text.slice(0, this.#text.length - space), this.#absCp - space - this.#baseCp);
      this.#rebase(this.#absCu, this.#absCp);
    }
    this.#phase = PHASE_NONE;
  }
}
