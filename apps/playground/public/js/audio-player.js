// Web Audio playback: fragments are scheduled back to back on the AudioContext clock,
// so consecutive fragments join sample-exactly; Stop ramps down and drops everything queued.

const LEAD_SECONDS = 0.04; // headroom when (re)starting playback, so the first buffer is not late
const FADE_FRAMES = 96; // fade-in after an underrun, so restarting does not click

/**
 * When a scheduled buffer plays, on the page's performance.now() clock, and the underrun before it, if any.
 * @typedef {{ startPerf: number, endPerf: number, gap: { startPerf: number, endPerf: number } | null }} ScheduledAudio
 */
/** The Web Audio graph, made once: every source → master gain → analyser → speakers. @typedef {{ context: AudioContext, master: GainNode, analyser: AnalyserNode }} AudioGraph */

export class AudioPlayer {
  constructor() {
    /** @type {AudioGraph | null} */
    this.graph = null;
    /** @type {Set<AudioBufferSourceNode>} */
    this.sources = new Set();
    /** @type {WeakSet<AudioBufferSourceNode>} Sources cut short by stop(): their time does not count as played. */
    this.stoppedEarly = new WeakSet();
    this.nextTime = 0;
    /** @type {{ fragments: number, frames: number, seconds: number, sumSquares: number, samples: number, peak: number, playedSeconds: number, firstStartTime: number | null, scheduledUntil: number, underruns: number }} */
    this.stats = { fragments: 0, frames: 0, seconds: 0, sumSquares: 0, samples: 0, peak: 0, playedSeconds: 0, firstStartTime: null, scheduledUntil: 0, underruns: 0 };
  }

  /** The AudioContext, once made. */
  get context() {
    return this.graph?.context ?? null;
  }

  /**
   * Creates the AudioContext (at the TTS's rate when the browser allows it) and the graph.
   * @param {number} sampleRate
   * @returns {AudioGraph}
   */
  ensureContext(sampleRate) {
    if (this.graph) return this.graph;
    /** @type {AudioContext} */
    let context;
    try {
      context = new AudioContext({ sampleRate, latencyHint: "interactive" });
    } catch {
      context = new AudioContext({ latencyHint: "interactive" });
    }
    const master = context.createGain();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    master.connect(analyser);
    analyser.connect(context.destination);
    this.graph = { context, master, analyser };
    return this.graph;
  }

  /** Browsers start contexts suspended until a user gesture; call from a click or key handler. */
  async resume() {
    if (this.context && this.context.state !== "running") await this.context.resume().catch(() => {});
  }

  /**
   * Schedules interleaved PCM16 right after what is already scheduled.
   * @param {Int16Array} samples
   * @param {number} sampleRate
   * @param {number} channels
   * @returns {ScheduledAudio | null}
   */
  enqueue(samples, sampleRate, channels) {
    const { context, master } = this.ensureContext(sampleRate);
    const frames = Math.floor(samples.length / Math.max(1, channels));
    if (frames === 0) return null;
    const buffer = context.createBuffer(channels, frames, sampleRate);
    for (let channel = 0; channel < channels; channel++) {
      const data = buffer.getChannelData(channel);
      for (let i = 0; i < frames; i++) {
        const value = (samples[i * channels + channel] ?? 0) / 32768;
        data[i] = value;
        this.stats.sumSquares += value * value;
        const magnitude = Math.abs(value);
        if (magnitude > this.stats.peak) this.stats.peak = magnitude;
      }
    }
    this.stats.samples += frames * channels;
    this.stats.fragments += 1;
    this.stats.frames += frames;
    this.stats.seconds += frames / sampleRate;

    const now = context.currentTime;
    let startAt = this.nextTime;
    /** @type {{ start: number, end: number } | null} */
    let gap = null;
    if (startAt < now + LEAD_SECONDS) {
      // Nothing (or too little) is queued: an underrun if something played before in this run.
      if (this.sources.size > 0 || this.nextTime > 0) {
        gap = { start: Math.max(this.nextTime, 0), end: now + LEAD_SECONDS };
        this.stats.underruns += 1;
      }
      startAt = now + LEAD_SECONDS;
      fadeIn(buffer);
    }
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(master);
    source.onended = () => {
      if (this.sources.delete(source) && !this.stoppedEarly.has(source)) this.stats.playedSeconds += buffer.duration;
    };
    source.start(startAt);
    this.sources.add(source);
    this.nextTime = startAt + buffer.duration;
    this.stats.scheduledUntil = this.nextTime;
    if (this.stats.firstStartTime === null) this.stats.firstStartTime = startAt;
    /** @param {number} time */
    const toPerf = (time) => performance.now() + (time - now) * 1000;
    return {
      startPerf: toPerf(startAt),
      endPerf: toPerf(this.nextTime),
      gap: gap && gap.end - gap.start > 0.001 ? { startPerf: toPerf(gap.start), endPerf: toPerf(gap.end) } : null,
    };
  }

  /** Starts a new run: the next fragment is a fresh start, not an underrun. */
  beginRun() {
    this.nextTime = 0;
  }

  /** Barge-in: a 10 ms ramp down, then every queued and playing buffer is dropped. */
  stop() {
    if (!this.graph) return;
    const now = this.graph.context.currentTime;
    const gain = this.graph.master.gain;
    gain.cancelScheduledValues(now);
    gain.setValueAtTime(gain.value, now);
    gain.linearRampToValueAtTime(0, now + 0.01);
    for (const source of this.sources) {
      this.stoppedEarly.add(source);
      try {
        source.stop(now + 0.012);
      } catch {
        /* already stopped */
      }
    }
    this.sources.clear();
    gain.setValueAtTime(1, now + 0.02);
    this.nextTime = 0;
    this.stats.scheduledUntil = now;
  }

  /** True while buffers are playing or queued. */
  get busy() {
    return this.sources.size > 0;
  }

  /** RMS of what the output is playing right now (0 when silent). */
  outputLevel() {
    if (!this.graph) return 0;
    const { analyser } = this.graph;
    const data = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(data);
    let sum = 0;
    for (const value of data) sum += value * value;
    return Math.sqrt(sum / data.length);
  }
}

/** @param {AudioBuffer} buffer */
function fadeIn(buffer) {
  const frames = Math.min(FADE_FRAMES, buffer.length);
  for (let channel = 0; channel < buffer.numberOfChannels; channel++) {
    const data = buffer.getChannelData(channel);
    for (let i = 0; i < frames; i++) data[i] = (data[i] ?? 0) * (i / frames);
  }
}
