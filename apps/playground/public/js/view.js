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
  timelineZoom: /** @type {HTMLSelectElement} */ (byId("timeline-zoom")),
  timelineTip: byId("timeline-tip"),
  transcript: byId("transcript"),
  newConversation: /** @type {HTMLButtonElement} */ (byId("new-conversation")),
  contextNote: byId("context-note"),
};

/**
 * One turn of the conversation as the page shows it: the user's text, or the assistant's reply (its run).
 * @typedef {{ role: "user", text: string } | { role: "assistant", run: RunRecord }} Turn
 */
/** @typedef {"idle" | "generating" | "speaking" | "error"} Status */

/** @param {number | null | undefined} value */
const ms = (value) => (value === null || value === undefined ? "–" : String(Math.round(value)));

/**
 * The status, and which controls work: Speak always does (it stops the current reply first), Stop while a
 * reply is generated or heard.
 * @param {Status} status
 * @param {{ canStop: boolean, closed: boolean }} controls
 */
export function showStatus(status, controls) {
  if (elements.status.textContent !== status) elements.status.textContent = status;
  elements.speak.disabled = controls.closed;
  elements.compare.disabled = controls.closed || controls.canStop;
  elements.newConversation.disabled = controls.closed;
  elements.stop.disabled = !controls.canStop;
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
  byId("gaps").textContent = metrics ? gapsText(metrics.gaps, metrics.gapMs) : "–";
  byId("playout-lead-ms").textContent = ms(metrics?.playoutLeadMs);
  byId("heard-gaps").textContent = run ? gapsText(run.gaps.length, run.heardGapMs()) : "–";
  const rtf = metrics?.realTimeFactor;
  byId("rtf").textContent = rtf != null ? `${significant(rtf)} (${rtf < 1 ? `${significant(1 / Math.max(rtf, 1e-6))}× faster` : `${significant(rtf)}× slower`} than real time)` : "–";
  const lead = metrics?.playoutLeadMs;
  byId("numbers-explain").textContent =
    lead == null ? "" : lead > 0 ? `Playout lead: the first audio was held ${Math.round(lead)} ms so the rest plays without gaps.` : "Playout lead 0 ms: the TTS keeps up with playback, so nothing is held back.";
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

/**
 * @param {number} count
 * @param {number} totalMs
 */
const gapsText = (count, totalMs) => (count === 0 ? "none" : `${count} (${Math.round(totalMs)} ms in all)`);

/** Two significant digits: 0.052, 1.3, 14. @param {number} value */
const significant = (value) => (value === 0 ? "0" : String(Number(value.toPrecision(2))));

/**
 * The conversation as chat bubbles. The reply being heard has its segment (and word, with word timings) highlighted;
 * an interrupted reply shows what was heard, the rest struck through.
 * @param {Turn[]} turns
 * @param {(run: RunRecord) => import("./run-record.js").HeardPosition | null} heardNow
 */
export function showTranscript(turns, heardNow) {
  const items = turns.map((turn) => {
    const item = document.createElement("li");
    if (turn.role === "user") {
      item.className = "user";
      item.dataset["testid"] = "turn-user";
      item.textContent = turn.text;
      return item;
    }
    item.className = "assistant";
    item.dataset["testid"] = "turn-assistant";
    const run = turn.run;
    const position = heardNow(run);
    if (run.heardChars !== null) {
      const text = run.replyText();
      item.append(text.slice(0, run.heardChars));
      const rest = document.createElement("span");
      rest.className = "cut";
      rest.textContent = text.slice(run.heardChars);
      item.append(rest);
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.dataset["testid"] = "interrupted";
      badge.textContent = "interrupted";
      item.append(badge);
      return item;
    }
    const segments = run.orderedSegments();
    if (segments.length === 0) item.textContent = run.active ? "…" : "(no reply)";
    segments.forEach((segment, i) => {
      const span = document.createElement("span");
      span.className = "seg";
      span.dataset["index"] = String(segment.index);
      const now = position?.segmentIndex === segment.index;
      if (now) {
        span.classList.add("now");
        span.dataset["testid"] = "caption-now";
        const word = position?.word;
        if (word && word.end <= segment.text.length) {
          const mark = document.createElement("mark");
          mark.dataset["testid"] = "caption-word";
          mark.textContent = segment.text.slice(word.start, word.end);
          span.append(segment.text.slice(0, word.start), mark, segment.text.slice(word.end));
        } else span.textContent = segment.text;
      } else {
        span.textContent = segment.text;
        if (!segment.play && run.active) span.classList.add("unheard");
      }
      if (i > 0) item.append(" ");
      item.append(span);
    });
    return item;
  });
  if (items.length === 0) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.dataset["testid"] = "transcript-empty";
    empty.textContent = "Say something to start a conversation. Each turn is sent with the ones before it.";
    items.push(empty);
  }
  elements.transcript.replaceChildren(...items);
}

