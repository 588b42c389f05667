/** Cut at the last space (or between two CJK characters). */
export const RANK_SPACE = 0;
/** Cut before a conjunction (and, but, or, so, because, while, which, then). */
export const RANK_CONJUNCTION = 1;
/** Cut after `,` `;` `:` (or `，、；：`) or beside a spaced dash. */
export const RANK_CLAUSE = 2;
/** Cut after a sentence end inside a quotation or parenthetical. */
export const RANK_INNER_SENTENCE = 3;

/**
 * A place where an over-long sentence may be cut. Positions are absolute
 * (counted from the start of input) in UTF-16 units (`Cu`) and code points (`Cp`).
 */
export interface CutPoint {
  /** End of the piece before the cut (exclusive). */
  endCu: number;
  endCp: number;
  /** Start of the text after the cut (after the space, if any). */
  nextCu: number;
  nextCp: number;
  /** How good a cut this is; higher is better (see the `RANK_*` constants). */
  rank: number;
}

/** Limits for choosing a cut, in code points. */
export interface CutLimits {
  minLength: number;
  maxLength: number;
}

/**
 * The cut points of the sentence being built, in position order. Choosing is
 * a pure function of the points and lengths, so a streaming decision and a
 * decision on the finished sentence always agree.
 */
export class CutPoints {
  #items: CutPoint[] = [];
  #head = 0;

  /** Adds a point; a point at the same place as the last one upgrades its rank instead. */
  add(endCu: number, endCp: number, nextCu: number, nextCp: number, rank: number): CutPoint {
    const last = this.last();
    if (last !== undefined && last.endCu === endCu) {
      if (rank > last.rank) last.rank = rank;
      if (nextCu > last.nextCu) {
        last.nextCu = nextCu;
        last.nextCp = nextCp;
      }
      return last;
    }
    const point = { endCu, endCp, nextCu, nextCp, rank };
    this.#items.push(point);
    return point;
  }

  last(): CutPoint | undefined {
    return this.#items.length > this.#head ? this.#items[this.#items.length - 1] : undefined;
  }

  /** Forgets points that end at or before `positionCu` (text already given out). */
  dropThrough(positionCu: number): void {
    const items = this.#items;
    let head = this.#head;
    while (head < items.length && (items[head] as CutPoint).endCu <= positionCu) head++;
    if (head === items.length) {
      items.length = 0;
      head = 0;
    } else if (head > 32 && head * 2 > items.length) {
      items.splice(0, head);
      head = 0;
    }
    this.#head = head;
  }

  clear(): void {
    this.#items.length = 0;
    this.#head = 0;
  }

  /**
   * Chooses the cut for a piece starting at `baseCp` whose content ends at
   * `endCp`: the best-ranked, then latest, point giving a piece of
   * `minLength`..`maxLength` that leaves at least `minLength` after it; if no
   * point lies in that window (a single token longer than `maxLength`), the
   * first point after the window. Returns undefined when no cut is allowed.
   *
   * Streaming (`final` false), a point is returned only once it is certain:
   * every point of the window is known and the chosen one already leaves
   * `minLength` behind it, so later text cannot change the answer.
   * With `force`, the remainder rule is ignored (the memory safety valve).
   */
  choose(baseCp: number, endCp: number, limits: CutLimits, final: boolean, force = false): CutPoint | undefined {
    const { minLength, maxLength } = limits;
    const items = this.#items;
    let bestRanked: CutPoint | undefined;
    let bestAllowed: CutPoint | undefined;
    let firstBeyond: CutPoint | undefined;
    let sawBeyond = false;
    for (let i = this.#head; i < items.length; i++) {
      const point = items[i] as CutPoint;
      const piece = point.endCp - baseCp;
      if (piece > maxLength) {
        sawBeyond = true;
        if (piece >= minLength && point.endCp < endCp) firstBeyond = point;
        break;
      }
      if (piece < minLength || piece <= 0 || point.endCp >= endCp) continue;
      if (bestRanked === undefined || point.rank >= bestRanked.rank) bestRanked = point;
      if (endCp - point.nextCp >= minLength && (bestAllowed === undefined || point.rank >= bestAllowed.rank)) bestAllowed = point;
    }
    if (force) return bestRanked ?? firstBeyond;
    if (!final) {
      if (!sawBeyond) return undefined; // the window is not complete yet
      const choice = bestRanked ?? firstBeyond;
      return choice !== undefined && endCp - choice.nextCp >= minLength ? choice : undefined;
    }
    if (bestAllowed !== undefined) return bestAllowed;
    if (bestRanked === undefined && firstBeyond !== undefined && endCp - firstBeyond.nextCp >= minLength) return firstBeyond;
    return undefined;
  }
}
