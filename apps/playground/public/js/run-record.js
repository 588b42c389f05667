// Everything the page knows about one run, in ms since the run started (server clock for
// pipeline events, the page's clock mapped onto it for playback).

/** @typedef {import("./protocol.js").ServerMessage} ServerMessage */
/** @typedef {Extract<ServerMessage, { type: "text-delta" }>} TextDeltaMessage */
/** @typedef {Extract<ServerMessage, { type: "segment" }>} SegmentMessage */
/** @typedef {Extract<ServerMessage, { type: "segment-end" }>} SegmentEndMessage */
/** @typedef {Extract<ServerMessage, { type: "error" }>} ErrorMessage */
/** @typedef {import("./protocol.js").RunEndReason} RunEndReason */
/** @typedef {Extract<ServerMessage, { type: "finish" }>["metrics"]} RunMetrics */
/** @typedef {import("./audio-frame-codec.js").AudioFrame} AudioFrame */
/** @typedef {import("./audio-player.js").ScheduledAudio} ScheduledAudio */
/** @typedef {import("./protocol.js").CaptionWord} CaptionWord */
/** Where playback is in the reply: the segment heard, the word within it (when the TTS gave word timings), and the characters of the reply heard so far. @typedef {{ segmentIndex: number | null, word: CaptionWord | null, heardChars: number }} HeardPosition */
/** A span of time in ms since the run started. @typedef {{ startMs: number, endMs: number }} Span */
/**
 * What the page draws for one segment.
 * @typedef {{ index: number, text: string, cutAtMs: number, synthStartMs: number, firstAudioMs: number | null, endMs: number | null, play: Span | null }} SegmentRecord
 */

export class RunRecord {
  /**
   * @param {number} runId
   * @param {"streaming" | "whole"} mode
   */
  constructor(runId, mode) {
    this.runId = runId;
    this.mode = mode;
    /** performance.now() when run-start arrived: the page's zero for this run. */
    this.t0 = performance.now();
    /** @type {number[]} atMs of each text-delta */
    this.tokens = [];
    this.text = "";
    /** @type {Map<number, SegmentRecord>} */
    this.segments = new Map();
    /** @type {Span[]} silences heard by the listener */
    this.gaps = [];
    /** @type {number | null} */
    this.firstTokenMs = null;
    /** @type {number | null} */
    this.firstSegmentMs = null;
    /** @type {number | null} */
    this.firstAudioMs = null;
    this.audioSeconds = 0;
    /** @type {RunMetrics | null} */
    this.metrics = null;
    /** @type {ErrorMessage | null} */
    this.error = null;
    /** @type {number | null} */
    this.stoppedAtMs = null;
    /** @type {RunEndReason | null} */
    this.endReason = null;
    /** @type {number | null} */
    this.cancelMs = null;
    /** @type {Map<number, CaptionWord[]>} word timings per segment, for captions */
    this.words = new Map();
    /** Characters of the reply heard when it was stopped (null: not stopped while playing). @type {number | null} */
    this.heardChars = null;
  }

  /** @param {number} segmentIndex @param {CaptionWord[]} words */
  onWords(segmentIndex, words) {
    const list = this.words.get(segmentIndex) ?? [];
    list.push(...words);
    this.words.set(segmentIndex, list);
  }

  /** The segments in order (the reply as spoken). */
  orderedSegments() {
    return [...this.segments.values()].sort((a, b) => a.index - b.index);
  }

  /** The reply as the server keeps it: the segments' text joined by single spaces. */
  replyText() {
    return this.orderedSegments().map((segment) => segment.text).join(" ");
  }

  /**
   * What is being heard at `atMs` (ms since the run started, page clock): the segment playing, its word, and the
   * characters of the reply heard up to there (a word counts once it started; without word timings, the share of
   * the segment played, to the end of its word).
   * @param {number} atMs
   * @returns {HeardPosition}
   */
  heardAt(atMs) {
    let heardChars = 0;
    /** @type {HeardPosition} */
    const position = { segmentIndex: null, word: null, heardChars: 0 };
    for (const segment of this.orderedSegments()) {
      const offset = heardChars === 0 ? 0 : heardChars + 1;
      const play = segment.play;
      if (!play || play.startMs > atMs) break;
      if (atMs >= play.endMs) {
        heardChars = offset + segment.text.length;
        continue;
      }
      position.segmentIndex = segment.index;
      const into = atMs - play.startMs;
      const words = this.words.get(segment.index) ?? [];
      const word = words.filter((w) => w.startMs <= into).at(-1) ?? null;
      position.word = word;
      let chars;
      if (word) chars = word.end;
      else {
        chars = Math.round((segment.text.length * into) / Math.max(1, play.endMs - play.startMs));
        const space = segment.text.indexOf(" ", chars);
        chars = space < 0 ? segment.text.length : space;
      }
      heardChars = offset + chars;
      break;
    }
    position.heardChars = heardChars;
    return position;
  }

  /** ms since this run started, on the page's clock. */
  now() {
    return performance.now() - this.t0;
  }

  get active() {
    return this.endReason === null;
  }

  /** @param {TextDeltaMessage} event */
  onTextDelta(event) {
    this.tokens.push(event.atMs);
    this.text += event.text;
    this.firstTokenMs ??= event.atMs;
  }

  /** @param {SegmentMessage} event */
  onSegment(event) {
    this.segments.set(event.index, { index: event.index, text: event.text, cutAtMs: event.atMs, synthStartMs: event.atMs, firstAudioMs: null, endMs: null, play: null });
    this.firstSegmentMs ??= event.atMs;
  }

  /**
   * @param {AudioFrame} frame
   * @param {ScheduledAudio | null} scheduled
   */
  onAudio(frame, scheduled) {
    const { header } = frame;
    const segment = this.segmentFor(header.segmentIndex, header.atMs);
    segment.firstAudioMs ??= header.atMs;
    this.firstAudioMs ??= header.atMs;
    this.audioSeconds += frame.samples.length / header.channels / header.sampleRate;
    if (!scheduled) return;
    const startMs = scheduled.startPerf - this.t0;
    const endMs = scheduled.endPerf - this.t0;
    segment.play = segment.play ? { startMs: Math.min(segment.play.startMs, startMs), endMs: Math.max(segment.play.endMs, endMs) } : { startMs, endMs };
    if (scheduled.gap) this.gaps.push({ startMs: scheduled.gap.startPerf - this.t0, endMs: scheduled.gap.endPerf - this.t0 });
  }

  /** @param {SegmentEndMessage} event */
  onSegmentEnd(event) {
    this.segmentFor(event.segmentIndex, event.atMs).endMs = event.atMs;
  }

  /** @param {RunMetrics} metrics */
  onFinish(metrics) {
    this.metrics = metrics;
    for (const measured of metrics.segments) {
      const segment = this.segments.get(measured.index);
      if (!segment) continue;
      segment.synthStartMs = measured.synthesisStartMs;
      segment.endMs ??= measured.synthesisStartMs + measured.synthesisMs;
    }
  }

  /** Barge-in: playback spans are cut where the audio stopped. */
  onStop() {
    const stoppedAtMs = this.now();
    this.stoppedAtMs = stoppedAtMs;
    for (const segment of this.segments.values()) {
      if (!segment.play) continue;
      if (segment.play.startMs >= stoppedAtMs) segment.play = null;
      else segment.play.endMs = Math.min(segment.play.endMs, stoppedAtMs);
    }
  }

  /**
   * @param {number} index
   * @param {number} atMs
   * @returns {SegmentRecord}
   */
  segmentFor(index, atMs) {
    let segment = this.segments.get(index);
    if (!segment) {
      segment = { index, text: "", cutAtMs: atMs, synthStartMs: atMs, firstAudioMs: null, endMs: null, play: null };
      this.segments.set(index, segment);
    }
    return segment;
  }

  /** The latest time anything in this run happened or is scheduled to happen. */
  extentMs() {
    let end = this.metrics ? this.metrics.totalMs : 0;
    for (const segment of this.segments.values()) end = Math.max(end, segment.endMs ?? 0, segment.play?.endMs ?? 0);
    const lastToken = this.tokens.at(-1);
    if (lastToken !== undefined) end = Math.max(end, lastToken);
    if (this.active) end = Math.max(end, this.now());
    return end;
  }

  /** Silence a listener heard between the first audio and the last, in ms. */
  heardGapMs() {
    return this.gaps.reduce((sum, gap) => sum + Math.max(0, gap.endMs - gap.startMs), 0);
  }
}
