// The waterfall: one row per stage, time running left to right in ms since the run started.

const ROWS = ["LLM tokens", "Segments", "Synthesis", "Playback"];
const ROW_HEIGHT = 30;
const TOP = 8;
const AXIS = 22;

/** What was drawn, by kind (a test hook). @typedef {{ tokens: number, segments: number, synthesis: number, playback: number, gaps: number }} TimelineCounts */

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
  };
}

/**
 * Draws `run` into `canvas`; returns counts of what was drawn (a test hook).
 * @param {HTMLCanvasElement} canvas
 * @param {import("./run-record.js").RunRecord | null} run
 * @returns {TimelineCounts}
 */
export function drawTimeline(canvas, run) {
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
  const extent = run ? Math.max(1000, run.extentMs() * 1.05) : 5000;
  /** @param {number} ms */
  const x = (ms) => labelWidth + (Math.max(0, ms) / extent) * plotWidth;
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
  const step = niceStep(extent / Math.max(2, Math.floor(plotWidth / 70)));
  ctx.fillStyle = colors.muted;
  ctx.textAlign = "center";
  for (let ms = 0; ms <= extent; ms += step) {
    ctx.strokeStyle = colors.grid;
    ctx.beginPath();
    ctx.moveTo(x(ms) + 0.5, TOP);
    ctx.lineTo(x(ms) + 0.5, axisY);
    ctx.stroke();
    const label = ms >= 1000 ? `${(ms / 1000).toFixed(step < 1000 ? 1 : 0)} s` : `${ms} ms`;
    if (x(ms) + ctx.measureText(label).width / 2 <= cssWidth) ctx.fillText(label, x(ms), axisY + 9);
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
    ctx.fillStyle = colors.gap;
    ctx.fillRect(x(run.stoppedAtMs) - 1, TOP, 2, axisY - TOP);
  }
  return counts;
}

/** @param {number} raw */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}
