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
import { RANK_CLAUSE, RANK_CONJUNCTION, RANK_INNER_SENTENCE, RANK_SPACE, type CutPoint } from "./cut-points.js";
import { AND_KEY, CONJUNCTION_MAX_LENGTH, isConjunctionKey, THEN_KEY } from "./conjunctions.js";
import { EnumerationMarker } from "./enumeration-marker.js";
import { EARLY_MIN_WORDS } from "./first-segment-policy.js";
import { isSafePauseWord } from "./no-pause-words.js";
import type { PieceSink } from "./piece-sink.js";
import { isSentenceStarter } from "./sentence-starters.js";
import { SentenceText, type SentenceLimits } from "./sentence-text.js";
import type { TextSink } from "./text-sink.js";

/** No sentence end in view. */
const PHASE_NONE = 0;
/** Inside a run of terminal punctuation and closing quotes/brackets. */
const PHASE_RUN = 1;
/** After the run and a space: waiting for the first letter of what follows. */
const PHASE_START = 2;
/** After an abbreviation that may end the sentence: reading the next word. */
const PHASE_WORD = 3;

/** A word longer than this after `etc. ` is not a sentence starter; stop reading it. */
const WORD_LIMIT = 24;

/**
 * Builds sentences from clean text and decides where they end (rule 2):
 * terminal runs with closing quotes, abbreviations, lowercase continuations,
 * parentheticals, CJK terminals, inline enumeration markers. It registers the
 * cut points rule 4 needs (clause marks, spaced dashes, conjunctions, spaces)
 * in a {@link SentenceText}, which holds only the unfinished sentence and
 * cuts it, and offers clause ends for an eager first segment. Each character
 * is looked at once; decisions depend only on the text, never on how it was
 * chunked.
 */
export class SentenceBuilder implements TextSink {
  readonly #sentence: SentenceText;
  /** Last non-space code point appended in this block (0 at block start). */
  #lastCode = 0;
  #sentenceStartCu = 0;
  #tokenStartCu = 0;
  /** `wordKey` of the current token while it is short lowercase ASCII, else -1. */
  #tokenKey = 0;
  #tokenKeyLength = 0;
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

  readonly #brackets: BracketStack;
  readonly #marker = new EnumerationMarker();

  constructor(
    private readonly sink: PieceSink,
    limits: SentenceLimits,
  ) {
    this.#sentence = new SentenceText(sink, limits);
    this.#brackets = new BracketStack(limits.maxLength);
  }

  char(ch: string, code: number): void {
    if (isSpace(code)) {
      this.#space();
      return;
    }
    const phase = this.#phase;
    if (phase === PHASE_NONE) {
      this.#append(ch, code);
    } else {
      const consumed =
        phase === PHASE_RUN ? this.#runChar(ch, code) : phase === PHASE_START ? this.#startChar(ch, code) : this.#wordChar(ch, code);
      if (!consumed) this.#append(ch, code);
    }
    this.#checkLength();
  }

  hardBreak(): void {
    if (this.#phase === PHASE_WORD) this.#resolveStart(false);
    this.#phase = PHASE_NONE;
    const sentence = this.#sentence;
    sentence.finishBlock();
    this.#lastCode = 0;
    this.#sentenceStartCu = this.#tokenStartCu = sentence.absCu;
    this.#tokenKey = 0;
    this.#tokenKeyLength = 0;
    this.#previousWasAnd = false;
    this.#brackets.clear();
    this.#marker.reset();
    this.sink.endBlock();
  }

  end(): void {
    this.hardBreak();
  }

  /** A space: collapses runs, registers the cut point it makes, and moves sentence-end detection on. */
  #space(): void {
    const sentence = this.#sentence;
    if (sentence.trailingSpace || sentence.empty) return;
    if (this.#phase === PHASE_WORD) this.#resolveStart(false);
    const endCu = sentence.absCu;
    const endCp = sentence.absCp;
    const tokenStartCu = this.#tokenStartCu;
    const rank = this.#tokenRank(endCu);
    sentence.appendSpace();
    const point = sentence.cuts.add(endCu, endCp, sentence.absCu, sentence.absCp, rank);
    this.#tokenStartCu = sentence.absCu;
    this.#marker.afterSpace(sentence.absCu, sentence.absCp);
    if (this.#phase === PHASE_RUN) {
      this.#phase = PHASE_NONE;
      if (this.#runCjk) this.#sentenceEndAt(endCu, endCp, sentence.absCu, sentence.absCp);
      else if (this.#brackets.isOpenAt(endCp)) point.rank = Math.max(point.rank, RANK_INNER_SENTENCE);
      else this.#phase = PHASE_START;
    }
    if (this.#phase === PHASE_NONE) {
      if (point.rank === RANK_CLAUSE) this.#offerEager(point, "clause");
      else if (this.sink.wantsEarly()) this.#offerEarlyWord(point, tokenStartCu);
    }
    this.#checkLength();
  }

  /** Rank of the cut at the space ending the current token; upgrades the previous space before a conjunction. */
  #tokenRank(endCu: number): number {
    const last = this.#lastCode;
    const length = endCu - this.#tokenStartCu;
    let rank = RANK_SPACE;
    if (isClauseMark(last)) rank = RANK_CLAUSE;
    else if (length === 1 && (last === 45 || last === 0x2013 || last === 0x2014)) rank = RANK_CLAUSE;
    else if (length === 2 && last === 45 && this.#sentence.slice(endCu - 2, endCu) === "--") rank = RANK_CLAUSE;
    const key = this.#tokenKey;
    if (key > 0 && isConjunctionKey(key) && !(key === THEN_KEY && this.#previousWasAnd)) {
      const previous = this.#sentence.cuts.last();
      if (previous !== undefined && previous.nextCu === this.#tokenStartCu && previous.rank < RANK_CONJUNCTION) previous.rank = RANK_CONJUNCTION;
    }
    this.#previousWasAnd = key === AND_KEY;
    this.#tokenKey = 0;
    this.#tokenKeyLength = 0;
    return rank;
  }

  /** Appends a non-space code point with all its bookkeeping. */
  #append(ch: string, code: number): void {
    const sentence = this.#sentence;
    const previous = sentence.trailingSpace ? 32 : this.#lastCode;
    if (isCjkWord(code) && isCjkWord(previous)) sentence.cuts.add(sentence.absCu, sentence.absCp, sentence.absCu, sentence.absCp, RANK_SPACE);
    if (this.#marker.active && this.#marker.char(code) && !this.#brackets.isOpenAt(sentence.absCp)) this.#splitBeforeMarker();
    if (BracketStack.affects(code)) this.#brackets.update(code, previous, sentence.absCp);
    sentence.append(ch);
    this.#lastCode = code;
    if (this.#tokenKey >= 0) {
      if (code >= 97 && code <= 122 && this.#tokenKeyLength < CONJUNCTION_MAX_LENGTH) {
        this.#tokenKey = this.#tokenKey * 27 + (code - 96);
        this.#tokenKeyLength++;
      } else {
        this.#tokenKey = -1;
      }
    }
    if (isCjkClauseMark(code)) {
      const point = sentence.cuts.add(sentence.absCu, sentence.absCp, sentence.absCu, sentence.absCp, RANK_CLAUSE);
      if (this.#phase === PHASE_NONE) this.#offerEager(point, "clause");
    }
    if (this.#phase === PHASE_NONE && isTerminal(code)) {
      this.#phase = PHASE_RUN;
      this.#runStartCu = sentence.absCu - ch.length;
      this.#runTokenCu = this.#tokenStartCu;
      this.#runEndCu = sentence.absCu;
      this.#runEndCp = sentence.absCp;
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
      this.#runEndCu = this.#sentence.absCu;
      this.#runEndCp = this.#sentence.absCp;
      return true;
    }
    this.#phase = PHASE_NONE;
    // `3.14`, `example.com`, `Yahoo!Japan`: no space, no sentence end. A CJK terminal needs no space, but
    // a quotation closed right before more text is embedded in its sentence: 他说：「我走了。」然后离开了。
    if (this.#runCjk) {
      if (this.#runCloser) this.#sentence.cuts.add(this.#runEndCu, this.#runEndCp, this.#runEndCu, this.#runEndCp, RANK_INNER_SENTENCE);
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
      this.#runEndCu = this.#sentence.absCu;
      this.#runEndCp = this.#sentence.absCp;
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
      const from = Math.max(this.#runTokenCu, this.#sentence.baseCu);
      const word = this.#sentence.slice(from, this.#runStartCu);
      this.#runKind = classifyAbbreviation(word, from === this.#sentenceStartCu);
    }
    return this.#runKind;
  }

  /** A sentence end at `end`: inside brackets or quotes it is only a preferred cut point. */
  #sentenceEndAt(endCu: number, endCp: number, nextCu: number, nextCp: number): void {
    if (this.#brackets.isOpenAt(endCp)) this.#sentence.cuts.add(endCu, endCp, nextCu, nextCp, RANK_INNER_SENTENCE);
    else this.#finishSentence(endCu, endCp, nextCu, nextCp);
  }

  #splitBeforeMarker(): void {
    const startCu = this.#marker.startCu;
    const startCp = this.#marker.startCp;
    if (startCu - 1 > this.#sentence.baseCu && startCu > this.#sentenceStartCu) this.#finishSentence(startCu - 1, startCp - 1, startCu, startCp);
    this.#sentenceStartCu = startCu;
  }

  #finishSentence(endCu: number, endCp: number, nextCu: number, nextCp: number): void {
    this.#sentence.finish(endCu, endCp, nextCu, nextCp);
    this.#sentenceStartCu = nextCu;
  }

  #offerEager(point: CutPoint, at: "clause" | "word"): void {
    const sentence = this.#sentence;
    if (!this.sink.wantsEager() || point.endCp <= sentence.baseCp) return;
    if (this.sink.offerEager(sentence.slice(sentence.baseCu, point.endCu), point.endCp - sentence.baseCp, at)) sentence.rebase(point.nextCu, point.nextCp);
  }

  /** An early first segment may end at a space after enough words, outside brackets and quotes, after a word safe to pause on. */
  #offerEarlyWord(point: CutPoint, tokenStartCu: number): void {
    const sentence = this.#sentence;
    if (point.endCp <= sentence.baseCp || this.#brackets.isOpenAt(point.endCp)) return;
    const from = Math.max(tokenStartCu, sentence.baseCu);
    if (!isSafePauseWord(sentence.slice(from, point.endCu))) return;
    if (countWords(sentence.slice(sentence.baseCu, point.endCu)) < EARLY_MIN_WORDS) return;
    this.#offerEager(point, "word");
  }

  /** Rule 4: cuts an over-long sentence once the cut is certain; a forced cut (hard limit) drops a pending decision. */
  #checkLength(): void {
    if (this.#sentence.cutIfTooLong(this.#phase === PHASE_NONE)) this.#phase = PHASE_NONE;
  }
}

/** Whitespace-separated words in `text`. */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
