// Everything the page knows about one run, in ms since the run started (server clock for
// pipeline events, the page's clock mapped onto it for playback).

export class RunRecord {
  constructor(runId, mode) {
    this.runId = runId;
    this.mode = mode;
    /** performance.now() when run-start arrived: the page's zero for this run. */
    this.t0 = performance.now();
    this.tokens = []; // atMs of each text-delta
    this.text = "";
    /** @type {Map<number, { index: number, text: string, cutAtMs: number, synthStartMs: number, firstAudioMs: number | null, endMs: number | null, play: { startMs: number, endMs: number } | null }>} */
    this.segments = new Map();
    this.gaps = []; // { startMs, endMs } heard by the listener
    this.firstTokenMs = null;
    this.firstSegmentMs = null;
    this.firstAudioMs = null;
    this.audioSeconds = 0;
    this.metrics = null;
    this.error = null;
    this.stoppedAtMs = null;
    this.endReason = null;
    this.cancelMs = null;
  }

  /** ms since this run started, on the page's clock. */
  now() {
    return performance.now() - this.t0;
  }

  get active() {
    return this.endReason === null;
  }

  onTextDelta(event) {
    this.tokens.push(event.atMs);
    this.text += event.text;
    this.firstTokenMs ??= event.atMs;
  }

  onSegment(event) {
    this.segments.set(event.index, { index: event.index, text: event.text, cutAtMs: event.atMs, synthStartMs: event.atMs, firstAudioMs: null, endMs: null, play: null });
    this.firstSegmentMs ??= event.atMs;
  }

  onAudio(frame, scheduled) {
    const segment = this.segmentFor(frame.segmentIndex, frame.atMs);
    segment.firstAudioMs ??= frame.atMs;
    this.firstAudioMs ??= frame.atMs;
    this.audioSeconds += frame.samples.length / frame.channels / frame.sampleRate;
    if (!scheduled) return;
    const startMs = scheduled.startPerf - this.t0;
    const endMs = scheduled.endPerf - this.t0;
    segment.play = segment.play ? { startMs: Math.min(segment.play.startMs, startMs), endMs: Math.max(segment.play.endMs, endMs) } : { startMs, endMs };
    if (scheduled.gap) this.gaps.push({ startMs: scheduled.gap.startPerf - this.t0, endMs: scheduled.gap.endPerf - this.t0 });
  }

  onSegmentEnd(event) {
    this.segmentFor(event.segmentIndex, event.atMs).endMs = event.atMs;
  }

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
    this.stoppedAtMs = this.now();
    for (const segment of this.segments.values()) {
      if (!segment.play) continue;
      if (segment.play.startMs >= this.stoppedAtMs) segment.play = null;
      else segment.play.endMs = Math.min(segment.play.endMs, this.stoppedAtMs);
    }
  }

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
    if (this.tokens.length) end = Math.max(end, this.tokens[this.tokens.length - 1]);
    if (this.active) end = Math.max(end, this.now());
    return end;
  }

  /** Silence a listener heard between the first audio and the last, in ms. */
  heardGapMs() {
    return this.gaps.reduce((sum, gap) => sum + Math.max(0, gap.endMs - gap.startMs), 0);
  }
}
