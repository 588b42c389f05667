// Writes numbers and messages into the page. Elements are looked up once.

/** @typedef {import("./protocol.js").BackendInfo} BackendInfo */
/** @typedef {import("./run-record.js").RunRecord} RunRecord */
/** @typedef {import("./run-record.js").RunMetrics} RunMetrics */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

export const elements = {
  prompt: /** @type {HTMLTextAreaElement} */ (byId("prompt")),
  speak: /** @type {HTMLButtonElement} */ (byId("speak")),
  stop: /** @type {HTMLButtonElement} */ (byId("stop")),
  mode: /** @type {HTMLSelectElement} */ (byId("mode")),
  compare: /** @type {HTMLButtonElement} */ (byId("compare")),
  status: byId("status"),
  error: byId("error"),
  note: byId("note"),
  backends: byId("backends"),
  timeline: /** @type {HTMLCanvasElement} */ (byId("timeline")),
  reply: byId("reply"),
  segmentList: byId("segment-list"),
};

/** @param {number | null | undefined} value */
const ms = (value) => (value === null || value === undefined ? "–" : String(Math.round(value)));

/**
 * @param {"idle" | "running" | "done" | "error"} status
 * @param {boolean} busy
 */
export function showStatus(status, busy) {
  elements.status.textContent = status;
  elements.speak.disabled = busy;
  elements.compare.disabled = busy;
  elements.stop.disabled = !busy;
}

/** @param {string | null} message */
export function showError(message) {
  elements.error.hidden = !message;
  elements.error.textContent = message ?? "";
}

/** @param {string | null} text */
export function showNote(text) {
  elements.note.textContent = text ?? "";
}

/** @param {BackendInfo} backends */
export function showBackends(backends) {
  const { llm, tts } = backends;
  elements.backends.textContent = `LLM ${llm.id} · model ${llm.model} — TTS ${tts.id} · voice ${tts.voice} · ${tts.sampleRate} Hz — config ${backends.config}`;
}

/**
 * The numbers panel, from the live record and, once the run finished, its metrics.
 * @param {RunRecord | null} run
 */
export function showNumbers(run) {
  const metrics = run?.metrics ?? null;
  byId("run-mode").textContent = run ? `· ${run.mode === "whole" ? "whole reply" : "streaming"}${run.endReason === "stopped" ? " · stopped" : ""}` : "";
  byId("ttft-ms").textContent = ms(metrics?.ttftMs ?? run?.firstTokenMs);
  byId("first-segment-ms").textContent = ms(metrics?.firstSegmentMs ?? run?.firstSegmentMs);
  byId("ttfa-ms").textContent = ms(metrics?.ttfaMs ?? run?.firstAudioMs);
  byId("audio-seconds").textContent = run ? (metrics ? metrics.audioMs / 1000 : run.audioSeconds).toFixed(2) : "–";
  byId("segments").textContent = run ? String(metrics ? metrics.segmentCount : run.segments.size) : "–";
  byId("gaps").textContent = metrics ? `${metrics.gaps} · ${Math.round(metrics.gapMs)} ms` : "–";
  byId("playout-lead-ms").textContent = ms(metrics?.playoutLeadMs);
  byId("heard-gaps").textContent = run ? `${run.gaps.length} · ${Math.round(run.heardGapMs())} ms` : "–";
  byId("rtf").textContent = metrics?.realTimeFactor != null ? metrics.realTimeFactor.toFixed(2) : "–";
  byId("llm-speed").textContent = metrics?.llmCharsPerSecond != null ? `${Math.round(metrics.llmCharsPerSecond)} chars/s` : "–";
  byId("total-ms").textContent = ms(metrics?.totalMs);
}

/**
 * One row of the compare table.
 * @param {"streaming" | "whole"} mode
 * @param {RunMetrics | null | undefined} metrics
 */
export function showCompareRow(mode, metrics) {
  byId(`cmp-${mode}-ttft`).textContent = ms(metrics?.ttftMs);
  byId(`cmp-${mode}-ttfa`).textContent = ms(metrics?.ttfaMs);
  byId(`cmp-${mode}-total`).textContent = ms(metrics?.totalMs);
}

/** @param {string} text */
export function showCompareSummary(text) {
  byId("compare-summary").textContent = text;
}

/** @param {RunRecord | null} run */
export function showReply(run) {
  elements.reply.textContent = run?.text ?? "";
  const items = [...(run?.segments.values() ?? [])].sort((a, b) => a.index - b.index);
  elements.segmentList.replaceChildren(
    ...items.map((segment) => {
      const item = document.createElement("li");
      item.textContent = segment.text || "(audio)";
      return item;
    }),
  );
}
