// The waterfall: one row per stage, time running left to right in ms since the run started.

const ROWS = ["LLM tokens", "Segments", "Synthesis", "Playback"];
const ROW_HEIGHT = 30;
const TOP = 8;
const AXIS = 22;

/** What was drawn, by kind (a test hook), and the scale used. @typedef {{ tokens: number, segments: number, synthesis: number, playback: number, gaps: number, splitAtMs?: number | null, extentMs?: number }} TimelineCounts */
/** How time maps to the width: `auto` splits the axis (left half zoomed on the pipeline) when the pipeline's work is a small part of the run. @typedef {"auto" | "linear" | "pipeline"} TimelineZoom */
/** ms ↔ x on the plot. @typedef {{ x: (ms: number) => number, ms: (x: number) => number, splitAtMs: number | null, extent: number, from: number, left: number, width: number }} TimelineScale */

/** The last scale drawn, for tooltips. @type {TimelineScale | null} */
let lastScale = null;

/**
 * When the pipeline's own work (tokens, cuts, synthesis, first audio) is over, in ms since the run started.
 * @param {import("./run-record.js").RunRecord} run
 */
function pipelineEndMs(run) {
  let end = run.firstAudioMs ?? 0;
  for (const atMs of run.tokens) end = Math.max(end, atMs);
  for (const segment of run.segments.values()) end = Math.max(end, segment.cutAtMs, segment.endMs ?? segment.synthStartMs);
  return end;
}

/**
 * @param {import("./run-record.js").RunRecord | null} run
 * @param {TimelineZoom} zoom
 * @param {number} left
 * @param {number} width
 * @returns {TimelineScale}
 */
function makeScale(run, zoom, left, width) {
  const extent = run ? Math.max(1000, run.extentMs() * 1.05) : 5000;
  const pipelineEnd = run ? Math.max(20, pipelineEndMs(run) * 1.15) : extent;
  if (zoom === "pipeline" && run) {
    const end = Math.max(20, (run.firstAudioMs ?? pipelineEnd) * 1.3);
    return { x: (ms) => left + (Math.max(0, Math.min(ms, end)) / end) * width, ms: (x) => ((x - left) / width) * end, splitAtMs: null, extent: end, from: 0, left, width };
  }
  if (zoom === "auto" && run && pipelineEnd < extent * 0.25) {
    // Split: the left half shows 0 … the pipeline's end, the right half the rest of the run.
    const half = width / 2;
    return {
      x: (ms) => (ms <= pipelineEnd ? left + (Math.max(0, ms) / pipelineEnd) * half : left + half + ((ms - pipelineEnd) / (extent - pipelineEnd)) * half),
      ms: (x) => (x <= left + half ? ((x - left) / half) * pipelineEnd : pipelineEnd + ((x - left - half) / half) * (extent - pipelineEnd)),
      splitAtMs: pipelineEnd,
      extent,
      from: 0,
      left,
      width,
    };
  }
  return { x: (ms) => left + (Math.max(0, ms) / extent) * width, ms: (x) => ((x - left) / width) * extent, splitAtMs: null, extent, from: 0, left, width };
}

/**
 * What is at `cssX` on the last drawn timeline, as one line for a tooltip.
 * @param {import("./run-record.js").RunRecord | null} run
 * @param {number} cssX
 */
export function describeAt(run, cssX) {
  const scale = lastScale;
  if (!scale || !run || cssX < scale.left) return "Point at the timeline for details.";
  const atMs = scale.ms(cssX);
  const parts = [`${formatMs(atMs)} after the request`];
  for (const segment of run.orderedSegments()) {
    const synthEnd = segment.endMs ?? segment.synthStartMs;
    const playing = segment.play && atMs >= segment.play.startMs && atMs <= segment.play.endMs;
    if (playing || (atMs >= segment.synthStartMs && atMs <= synthEnd) || Math.abs(scale.x(segment.cutAtMs) - cssX) < 4) {
      parts.push(
        `segment ${segment.index} “${segment.text.slice(0, 40)}${segment.text.length > 40 ? "…" : ""}”: cut at ${formatMs(segment.cutAtMs)}, synthesized ${formatMs(segment.synthStartMs)}–${formatMs(synthEnd)}${segment.play ? `, heard ${formatMs(segment.play.startMs)}–${formatMs(segment.play.endMs)}` : ""}`,
      );
      break;
    }
  }
  if (run.firstAudioMs !== null && Math.abs(scale.x(run.firstAudioMs) - cssX) < 4) parts.push(`time to first audio: ${formatMs(run.firstAudioMs)}`);
  for (const gap of run.gaps) if (atMs >= gap.startMs && atMs <= gap.endMs) parts.push(`gap: ${formatMs(gap.endMs - gap.startMs)} of silence`);
  if (run.stoppedAtMs !== null && Math.abs(scale.x(run.stoppedAtMs) - cssX) < 4) parts.push("stop pressed");
  if (scale.splitAtMs !== null && Math.abs(scale.x(scale.splitAtMs) - cssX) < 4) parts.push(`scale break at ${formatMs(scale.splitAtMs)}: left of it is zoomed in on the pipeline`);
  return parts.join(" · ");
}

/** @param {number} ms */
function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * Reads colours from CSS so the canvas follows the page's theme.
 * @param {HTMLCanvasElement} canvas
 */
function palette(canvas) {
  const style = getComputedStyle(canvas);
  /**
   * @param {string} name
   * @param {string} fallback
   */
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read("--fg", "#1d2430"),
    muted: read("--muted", "#667085"),
    grid: read("--grid", "#e4e7ec"),
    token: read("--token", "#6941c6"),
    segment: read("--segment", "#b54708"),
    synth: read("--synth", "#2e90fa"),
    synthFirst: read("--synth-first", "#1849a9"),
    play: read("--play", "#12b76a"),
    playAlt: read("--play-alt", "#039855"),
    gap: read("--gap", "#f04438"),
    ttfa: read("--ttfa", "#d92d20"),
    stop: read("--stop", "#101828"),
    playhead: read("--playhead", "#175cd3"),
    break: read("--break", "#98a2b3"),
  };
}

/**
 * Draws `run` into `canvas`; returns counts of what was drawn (a test hook).
 * @param {HTMLCanvasElement} canvas
 * @param {import("./run-record.js").RunRecord | null} run
 * @param {{ zoom?: TimelineZoom, playheadMs?: number | null }} [options]
 * @returns {TimelineCounts}
 */
export function drawTimeline(canvas, run, options = {}) {
  const dpr = window.devicePixelRatio || 1;
  const cssWidth = canvas.clientWidth || 600;
  const cssHeight = TOP + ROWS.length * ROW_HEIGHT + AXIS;
  if (canvas.width !== Math.round(cssWidth * dpr) || canvas.height !== Math.round(cssHeight * dpr)) {
    canvas.width = Math.round(cssWidth * dpr);
    canvas.height = Math.round(cssHeight * dpr);
    canvas.style.height = `${cssHeight}px`;
  }
  /** @type {TimelineCounts} */
  const counts = { tokens: 0, segments: 0, synthesis: 0, playback: 0, gaps: 0 };
  const ctx = canvas.getContext("2d");
  if (!ctx) return counts; // no 2D canvas (a headless page without one): nothing to draw
  const colors = palette(canvas);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  ctx.font = "11px system-ui, sans-serif";
  ctx.textBaseline = "middle";

  const labelWidth = cssWidth < 420 ? 64 : 84;
  const plotWidth = Math.max(10, cssWidth - labelWidth - 8);
  const scale = makeScale(run, options.zoom ?? "auto", labelWidth, plotWidth);
  lastScale = scale;
  const { x, extent } = scale;
  counts.splitAtMs = scale.splitAtMs;
  counts.extentMs = extent;
  /** @param {number} row */
  const rowY = (row) => TOP + row * ROW_HEIGHT;

  // Row labels and grid.
  ROWS.forEach((label, row) => {
    ctx.fillStyle = colors.muted;
    ctx.fillText(cssWidth < 420 ? label.replace("LLM tokens", "Tokens").replace("Synthesis", "Synth").replace("Playback", "Play") : label, 4, rowY(row) + ROW_HEIGHT / 2);
    ctx.strokeStyle = colors.grid;
    ctx.beginPath();
    ctx.moveTo(labelWidth, rowY(row) + ROW_HEIGHT - 0.5);
    ctx.lineTo(labelWidth + plotWidth, rowY(row) + ROW_HEIGHT - 0.5);
    ctx.stroke();
  });
  const axisY = rowY(ROWS.length) + 4;
  ctx.fillStyle = colors.muted;
  ctx.textAlign = "center";
  // Ticks: for a split axis, each half has its own.
  const parts = scale.splitAtMs === null ? [{ from: 0, to: extent, width: plotWidth }] : [{ from: 0, to: scale.splitAtMs, width: plotWidth / 2 }, { from: scale.splitAtMs, to: extent, width: plotWidth / 2 }];
  let lastTickX = -Infinity;
  for (const part of parts) {
    const step = niceStep((part.to - part.from) / Math.max(2, Math.floor(part.width / 60)));
    for (let ms = Math.ceil(part.from / step) * step; ms <= part.to; ms += step) {
      const tickX = x(ms);
      ctx.strokeStyle = colors.grid;
      ctx.beginPath();
      ctx.moveTo(tickX + 0.5, TOP);
      ctx.lineTo(tickX + 0.5, axisY);
      ctx.stroke();
      const label = ms >= 1000 ? `${(ms / 1000).toFixed(step < 1000 ? 1 : 0)} s` : `${ms} ms`;
      const halfWidth = ctx.measureText(label).width / 2;
      if (tickX - halfWidth > lastTickX + 4 && tickX + halfWidth <= cssWidth) {
        ctx.fillText(label, tickX, axisY + 9);
        lastTickX = tickX + halfWidth;
      }
    }
  }
  if (scale.splitAtMs !== null) {
    // The scale break: a dashed band where the zoomed-in part ends.
    const breakX = x(scale.splitAtMs);
    ctx.strokeStyle = colors.break;
    ctx.setLineDash([2, 2]);
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(breakX, TOP);
    ctx.lineTo(breakX, axisY);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 1;
  }
  ctx.textAlign = "left";
  if (!run) return counts;

  // Tokens: a tick per text delta.
  ctx.strokeStyle = colors.token;
  for (const atMs of run.tokens) {
    ctx.beginPath();
    ctx.moveTo(x(atMs) + 0.5, rowY(0) + 7);
    ctx.lineTo(x(atMs) + 0.5, rowY(0) + ROW_HEIGHT - 7);
    ctx.stroke();
    counts.tokens++;
  }
  let lastLabelX = -Infinity;
  for (const segment of [...run.segments.values()].sort((a, b) => a.cutAtMs - b.cutAtMs)) {
    // Segment cuts: a diamond with the index.
    const cx = x(segment.cutAtMs);
    const cy = rowY(1) + ROW_HEIGHT / 2;
    ctx.fillStyle = colors.segment;
    ctx.beginPath();
    ctx.moveTo(cx, cy - 6);
    ctx.lineTo(cx + 5, cy);
    ctx.lineTo(cx, cy + 6);
    ctx.lineTo(cx - 5, cy);
    ctx.fill();
    if (cx - lastLabelX > 16) {
      ctx.fillText(String(segment.index), cx + 7, cy);
      lastLabelX = cx;
    }
    counts.segments++;
    // Synthesis: from start to its last audio (open-ended while running).
    const synthEnd = segment.endMs ?? run.stoppedAtMs ?? (run.active ? run.now() : segment.synthStartMs);
    // Two lanes, so segments synthesized at the same time stay visible.
    const laneY = rowY(2) + 4 + (segment.index % 2) * 11;
    ctx.fillStyle = colors.synth;
    ctx.fillRect(x(segment.synthStartMs), laneY, Math.max(2, x(synthEnd) - x(segment.synthStartMs)), 10);
    if (segment.firstAudioMs !== null) {
      ctx.fillStyle = colors.synthFirst;
      ctx.fillRect(x(segment.firstAudioMs) - 1, laneY - 1, 2, 12);
    }
    counts.synthesis++;
    // Playback: when the listener hears it.
    if (segment.play) {
      ctx.fillStyle = segment.index % 2 ? colors.playAlt : colors.play;
      ctx.fillRect(x(segment.play.startMs), rowY(3) + 8, Math.max(2, x(segment.play.endMs) - x(segment.play.startMs)), ROW_HEIGHT - 16);
      counts.playback++;
    }
  }
  // Gaps: silence between pieces of audio, highlighted across the playback row.
  for (const gap of run.gaps) {
    ctx.fillStyle = colors.gap;
    ctx.globalAlpha = 0.35;
    ctx.fillRect(x(gap.startMs), rowY(3) + 2, Math.max(3, x(gap.endMs) - x(gap.startMs)), ROW_HEIGHT - 4);
    ctx.globalAlpha = 1;
    counts.gaps++;
  }
  // Time to first audio, and a "now" cursor while the run is live.
  if (run.firstAudioMs !== null) {
    ctx.strokeStyle = colors.ttfa;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x(run.firstAudioMs) + 0.5, TOP);
    ctx.lineTo(x(run.firstAudioMs) + 0.5, axisY);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = colors.ttfa;
    const label = `TTFA ${Math.round(run.firstAudioMs)} ms`;
    const labelX = Math.min(x(run.firstAudioMs) + 4, labelWidth + plotWidth - ctx.measureText(label).width);
    ctx.fillText(label, labelX, TOP + 4);
  }
  if (run.stoppedAtMs !== null) {
    ctx.fillStyle = colors.stop;
    ctx.fillRect(x(run.stoppedAtMs) - 1, TOP, 3, axisY - TOP);
  }
  // The playhead: where playback is now.
  const playheadMs = options.playheadMs ?? null;
  if (playheadMs !== null && playheadMs <= extent) {
    ctx.fillStyle = colors.playhead;
    ctx.fillRect(x(playheadMs) - 1, rowY(0), 2, axisY - rowY(0));
  }
  return counts;
}

/** @param {number} raw */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}
