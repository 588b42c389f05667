// The playground page: wires the controls, the WebSocket, the audio player and the timeline.
import { AudioPlayer } from "./audio-player.js";
import { connect } from "./connection.js";
import { RunRecord } from "./run-record.js";
import { describeAt, drawTimeline } from "./timeline.js";
import { elements, showBackends, showCompareRow, showCompareSummary, showError, showNote, showNumbers, showStatus, showTranscript } from "./view.js";

/** @typedef {import("./connection.js").ServerMessage} ServerMessage */
/** @typedef {import("./connection.js").PageProtocolError} PageProtocolError */
/** @typedef {import("./connection.js").AudioFrame} AudioFrame */
/** @typedef {import("./run-record.js").RunMetrics} RunMetrics */
/** @typedef {"streaming" | "whole"} Mode */
/** @typedef {import("./view.js").Turn} Turn */
/** @typedef {import("./timeline.js").TimelineZoom} TimelineZoom */
/** A compare in progress: the modes still to run and the metrics so far. @typedef {{ prompt: string, modes: Mode[], results: Partial<Record<Mode, RunMetrics | null>> }} PendingCompare */
/** One received message, kept for the browser tests. @typedef {{ type: string, runId: number | undefined, code: string | undefined, at: number }} ReceivedEvent */

const player = new AudioPlayer();
const state = {
  /** @type {Extract<ServerMessage, { type: "hello" }> | null} */
  hello: null,
  /** @type {RunRecord | null} */
  run: null,
  /** @type {Set<number>} Run ids whose audio must be dropped (stopped runs). */
  dropped: new Set(),
  /** @type {PendingCompare | null} */
  compare: null,
  awaitingStart: false,
  /** Stop was pressed before the server confirmed the run: drop it when run-start arrives. */
  stopBeforeStart: false,
  socketClosed: false,
  /** @type {import("./timeline.js").TimelineCounts} */
  timelineCounts: { tokens: 0, segments: 0, synthesis: 0, playback: 0, gaps: 0 },
  drawCount: 0,
  /** @type {ReceivedEvent[]} */
  events: [],
  /** @type {Turn[]} The conversation as shown: user turns and replies, in order. */
  turns: [],
  /** The last reply failed: the status says error until the next turn. */
  failed: false,
  /** @type {TimelineZoom} */
  zoom: "auto",
  transcriptKey: "",
};

const connection = connect({
  onMessage: handleMessage,
  onAudio: handleAudio,
  onClose: (message) => {
    state.socketClosed = true;
    showError(message);
    scheduleRender();
  },
});

/** @param {ServerMessage | PageProtocolError} message */
function handleMessage(message) {
  const runId = "runId" in message ? message.runId : undefined;
  state.events.push({ type: message.type, runId, code: "code" in message ? message.code : undefined, at: performance.now() });
  if (state.events.length > 500) state.events.shift();
  const run = state.run && runId === state.run.runId ? state.run : null;
  switch (message.type) {
    case "hello":
      state.hello = message;
      showBackends(message.backends);
      elements.mode.value = message.backends.mode;
      elements.prompt.maxLength = message.limits.maxPromptChars;
      player.ensureContext(message.backends.tts.sampleRate);
      break;
    case "run-start":
      state.awaitingStart = false;
      state.run = new RunRecord(message.runId, message.mode);
      state.turns.push({ role: "assistant", run: state.run });
      elements.contextNote.textContent =
        message.historyMessages === 0 ? "· a new conversation" : `· ${message.historyMessages} earlier message${message.historyMessages === 1 ? "" : "s"} sent with this turn`;
      player.beginRun();
      if (state.stopBeforeStart) {
        state.stopBeforeStart = false;
        state.dropped.add(message.runId);
        state.run.onStop();
      }
      break;
    case "text-delta":
      run?.onTextDelta(message);
      break;
    case "segment":
      run?.onSegment(message);
      break;
    case "segment-end":
      run?.onSegmentEnd(message);
      break;
    case "words":
      run?.onWords(message.segmentIndex, message.words);
      break;
    case "conversation-cleared":
      elements.contextNote.textContent = "· a new conversation";
      break;
    case "error":
      if (run) run.error = message;
      showError(`${message.stage} failed (${message.code}): ${message.message}`);
      break;
    case "finish":
      run?.onFinish(message.metrics);
      break;
    case "run-end":
      if (run) onRunEnd(run, message);
      break;
    case "protocol-error":
      state.awaitingStart = false;
      showError(`The server refused a message (${message.code}): ${message.message}`);
      if (!state.run?.active) state.failed = true;
      break;
  }
  scheduleRender();
}

/** @param {AudioFrame} frame */
function handleAudio(frame) {
  const run = state.run;
  const { runId, sampleRate, channels } = frame.header;
  if (!run || runId !== run.runId || state.dropped.has(runId)) return;
  const scheduled = player.enqueue(frame.samples, sampleRate, channels);
  run.onAudio(frame, scheduled);
  scheduleRender();
}

/**
 * @param {RunRecord} run
 * @param {Extract<ServerMessage, { type: "run-end" }>} message
 */
function onRunEnd(run, message) {
  run.endReason = message.reason;
  run.cancelMs = message.cancelMs ?? null;
  if (message.reason === "stopped") {
    showNote(`Stopped. The server cancelled the run in ${message.cancelMs ?? "?"} ms.`);
    state.compare = null;
    return;
  }
  if (message.reason !== "finished" || run.error) {
    state.failed = true;
    if (state.compare) showCompareSummary("Compare stopped: a run failed.");
    state.compare = null;
    return;
  }
  if (state.compare) {
    state.compare.results[run.mode] = run.metrics;
    showCompareRow(run.mode, run.metrics);
    const next = state.compare.modes.shift();
    if (next) {
      // The second run starts fresh: its first audio is heard at its own TTFA.
      player.stop();
      startRun(state.compare.prompt, next);
      return;
    }
    summarizeCompare(state.compare.results);
    state.compare = null;
  }
  showNote(`Generated in ${Math.round(run.metrics?.totalMs ?? 0)} ms${player.busy ? "; still speaking (Stop or Esc silences it)" : ""}.`);
}

/** @param {PendingCompare["results"]} results */
function summarizeCompare(results) {
  const streaming = results.streaming?.ttfaMs;
  const whole = results.whole?.ttfaMs;
  if (streaming == null || whole == null) return showCompareSummary("No audio in one of the runs, so no comparison.");
  const saved = whole - streaming;
  const ratio = streaming > 0 ? (whole / streaming).toFixed(1) : "∞";
  showCompareSummary(`Streaming's first audio came ${Math.round(saved)} ms ${saved >= 0 ? "sooner" : "later"} (${ratio}× ${saved >= 0 ? "faster" : "slower"}). Times in ms.`);
}

/**
 * @param {string} prompt
 * @param {Mode} mode
 */
function startRun(prompt, mode) {
  if (!connection.send({ type: "run", prompt, mode })) {
    showError("Not connected to the server. Reload the page.");
    return false;
  }
  state.awaitingStart = true;
  state.stopBeforeStart = false;
  state.failed = false;
  state.turns.push({ role: "user", text: prompt });
  showError(null);
  showNote("");
  return true;
}

function readPrompt() {
  const prompt = elements.prompt.value.trim();
  if (!prompt) {
    showError("Type a prompt first.");
    elements.prompt.focus();
    return null;
  }
  return prompt;
}

function busy() {
  return state.awaitingStart || Boolean(state.run?.active);
}

/** Generating (the server works on a reply), speaking (its audio plays), idle, or error. @returns {import("./view.js").Status} */
function status() {
  if (state.socketClosed) return "error";
  if (player.busy) return "speaking";
  if (busy()) return "generating";
  return state.failed ? "error" : "idle";
}

async function speak() {
  if (state.socketClosed) return;
  const prompt = readPrompt();
  if (!prompt) return;
  // A new turn stops the current reply first (the server handles the stop, then the run).
  if (busy() || player.busy) stop();
  state.compare = null;
  await player.resume();
  player.stop();
  startRun(prompt, elements.mode.value === "whole" ? "whole" : "streaming");
}

function newConversation() {
  if (state.socketClosed) return;
  stop();
  connection.send({ type: "new-conversation" });
  state.turns = [];
  state.run = null;
  showNote("A new conversation: earlier turns are forgotten.");
  scheduleRender();
}

async function compare() {
  if (busy() || state.socketClosed) return;
  const prompt = readPrompt();
  if (!prompt) return;
  await player.resume();
  player.stop();
  showCompareRow("streaming", null);
  showCompareRow("whole", null);
  showCompareSummary("Running streaming, then whole reply…");
  state.compare = { prompt, modes: ["whole"], results: {} };
  startRun(prompt, "streaming");
}

function stop() {
  // Barge-in: silence now, drop whatever is still on its way, and tell the server to cancel and what was heard.
  const run = state.run;
  const playing = player.busy;
  const heardChars = run && playing ? run.heardAt(run.now()).heardChars : null;
  player.stop();
  state.compare = null;
  if (run && heardChars !== null && heardChars < run.replyText().length) run.heardChars = heardChars;
  const stopMessage = heardChars === null ? { type: /** @type {const} */ ("stop") } : { type: /** @type {const} */ ("stop"), heardChars };
  if (state.awaitingStart) {
    // The run message is on its way; the server handles messages in order, so this stop reaches it after the run.
    state.stopBeforeStart = true;
    connection.send({ type: "stop" });
    showNote("Stopping…");
  } else if (run?.active) {
    state.dropped.add(run.runId);
    run.onStop();
    connection.send(stopMessage);
    showNote("Stopping…");
  } else if (run && playing) {
    // The reply was generated but still playing: the server keeps only what was heard.
    state.dropped.add(run.runId);
    run.onStop();
    connection.send(stopMessage);
    showNote("Stopped.");
  }
  scheduleRender();
}

elements.speak.addEventListener("click", speak);
elements.stop.addEventListener("click", stop);
elements.compare.addEventListener("click", compare);
elements.newConversation.addEventListener("click", newConversation);
elements.timelineZoom.addEventListener("change", () => {
  const value = elements.timelineZoom.value;
  state.zoom = value === "linear" || value === "pipeline" ? value : "auto";
  scheduleRender();
});
elements.timeline.addEventListener("mousemove", (event) => {
  const text = describeAt(state.run, event.offsetX);
  elements.timelineTip.textContent = text;
  elements.timeline.title = text;
});
elements.prompt.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void speak();
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") stop();
});
window.addEventListener("resize", () => scheduleRender());

// Rendering: at most once per animation frame, and every frame while a run or its audio is live.
let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(render);
}
function render() {
  renderQueued = false;
  const run = state.run;
  const playing = player.busy;
  showStatus(status(), { canStop: busy() || playing, closed: state.socketClosed });
  showNumbers(run);
  const heard = run && playing ? run.heardAt(run.now()) : null;
  /** @param {RunRecord} record */
  const heardNow = (record) => (record === run ? heard : null);
  // The transcript is rebuilt only when what it shows changed.
  const last = state.turns.at(-1);
  const key = `${state.turns.length}|${last?.role === "assistant" ? `${last.run.segments.size}|${last.run.heardChars}|${last.run.active}` : ""}|${heard?.segmentIndex}|${heard?.word?.start}`;
  if (key !== state.transcriptKey) {
    state.transcriptKey = key;
    showTranscript(state.turns, heardNow);
    elements.transcript.scrollTop = elements.transcript.scrollHeight;
  }
  state.timelineCounts = drawTimeline(elements.timeline, run, { zoom: state.zoom, playheadMs: run && playing ? run.now() : null });
  state.drawCount++;
  if (run?.active || playing || state.awaitingStart) scheduleRender();
}
scheduleRender();

// Read-only test hook: what the page received and played. Used by the browser tests.
/** @type {any} */ (window).voxpipePlayground = {
  audio: () => {
    const stats = player.stats;
    return {
      ...stats,
      rms: stats.samples ? Math.sqrt(stats.sumSquares / stats.samples) : 0,
      contextTime: player.context?.currentTime ?? 0,
      contextState: player.context?.state ?? "none",
      sampleRate: player.context?.sampleRate ?? 0,
      busy: player.busy,
      outputLevel: player.outputLevel(),
    };
  },
  timeline: () => ({ ...state.timelineCounts, drawCount: state.drawCount }),
  run: () => (state.run ? { runId: state.run.runId, mode: state.run.mode, active: state.run.active, endReason: state.run.endReason, cancelMs: state.run.cancelMs, firstAudioMs: state.run.firstAudioMs } : null),
  events: () => [...state.events],
  conversation: () =>
    state.turns.map((turn) => (turn.role === "user" ? { role: "user", text: turn.text } : { role: "assistant", text: turn.run.replyText(), interrupted: turn.run.heardChars !== null, heardChars: turn.run.heardChars })),
  caption: () => {
    const run = state.run;
    if (!run || !player.busy) return null;
    const heard = run.heardAt(run.now());
    const segment = heard.segmentIndex === null ? undefined : run.segments.get(heard.segmentIndex);
    return { segmentIndex: heard.segmentIndex, word: heard.word && segment ? segment.text.slice(heard.word.start, heard.word.end) : null, heardChars: heard.heardChars, words: run.words.size };
  },
  socket: () => connection.socket.readyState,
};
