// One passage's three renderings (the engine in one call, streamed with pauses
// off, streamed with pauses on) compared as a listener hears them: total
// duration, pauses by length, the pause at each segment join against the
// one-call rendering's pause at the same words, and clicks at the joins.
import { countPauses, durationMs, INAUDIBLE_JUMP, joinStep, pauseBetween, pauseMsAt, peakFrameRms, silenceRuns } from "./audio-analysis.mjs";
import { countSentenceEnds } from "./passages.mjs";

/** Pause lengths the part counts, in ms: 150 ms and more is a sentence-end pause in eSpeak NG's default voice. */
export const LONG_PAUSE_MS = 150;
export const LONGER_PAUSE_MS = 250;

/**
 * Where each cut between segments falls in the passage (`at`: the character
 * after the earlier segment's text, -1 when it is not found as written) and
 * what the text calls for there: `paragraph` (a blank line), `line` (a line
 * break: a list item), `sentence` (`.`, `?`, `!`), `clause` (`,`, `;`, `:`, a
 * dash), `word` (a cut inside a sentence), or `unknown`.
 */
export function cutsInText(text, segments) {
  const cuts = [];
  let cursor = 0;
  for (let i = 0; i < segments.length - 1; i++) {
    const written = segments[i]?.text.trim() ?? "";
    const at = written ? text.indexOf(written, cursor) : -1;
    if (at < 0) {
      cuts.push({ at: -1, kind: "unknown" });
      continue;
    }
    cursor = at + written.length;
    const between = /^\s*/.exec(text.slice(cursor))?.[0] ?? "";
    const last = written.at(-1) ?? "";
    const kind = /\n\s*\n/.test(between) ? "paragraph" : between.includes("\n") ? "line" : /[.?!]/.test(last) ? "sentence" : /[,;:—–-]/.test(last) ? "clause" : "word";
    cuts.push({ at: cursor, kind });
  }
  return cuts;
}

/** The kind of each cut between segments (see cutsInText). */
export function joinKinds(text, segments) {
  return cutsInText(text, segments).map((cut) => cut.kind);
}

/** Join kinds where the text calls for a full stop's pause. */
export const END_KINDS = ["sentence", "paragraph", "line"];

/** The engine's words match one to one between the two renderings (so a join can be placed in the one-call audio). */
function wordsAlign(oneCall, streamed) {
  if (oneCall.words.length === 0 || oneCall.words.length !== streamed.words.length) return false;
  return oneCall.words.every((word, i) => word.text.toLowerCase() === streamed.words[i].text.toLowerCase());
}

/** The one-call rendering's pause where segment `segmentIndex` starts, found through the words spoken before it; null when the words do not align. */
function oneCallPauseAt(oneCall, oneCallRuns, streamed, segmentIndex) {
  const before = streamed.words.filter((word) => word.segmentIndex < segmentIndex).length;
  const last = oneCall.words[before - 1];
  const next = oneCall.words[before];
  if (!last || !next) return null;
  return pauseBetween(oneCallRuns, last.endMs, next.startMs)?.ms ?? 0;
}

const rounded = (ms) => Math.round(ms);
/** The join's step over the largest local step (above 1 it is a discontinuity, or nearly: see joinStep). */
const jumpRatio = (step) => Math.round((step.jump / Math.max(step.localMaxStep, INAUDIBLE_JUMP)) * 100) / 100;

/**
 * One streamed rendering measured on its own segments: its silence runs, and
 * at each join where it falls in the text, what the text calls for, the pause
 * there (and the one-call rendering's at the same words), and the step into
 * it; clicks between audio events inside a segment.
 */
function measureStreamed({ text, streamed, oneCall, oneCallRuns, referenceRms }) {
  const { samples, sampleRate, segmentStarts, eventStarts, segments } = streamed;
  const runs = silenceRuns(samples, sampleRate, { referenceRms });
  const aligned = wordsAlign(oneCall, streamed);
  const cuts = cutsInText(text, segments);
  const joins = [];
  for (let i = 1; i < segmentStarts.length; i++) {
    const k = segmentStarts[i];
    if (k === undefined) continue;
    const step = joinStep(samples, k, sampleRate);
    const oneCallMs = aligned ? oneCallPauseAt(oneCall, oneCallRuns, streamed, i) : null;
    joins.push({
      at: cuts[i - 1]?.at ?? -1,
      after: segments[i - 1]?.text.trim().slice(-24) ?? "",
      kind: cuts[i - 1]?.kind ?? "unknown",
      oneCallMs: oneCallMs === null ? null : rounded(oneCallMs),
      pauseMs: rounded(pauseMsAt(runs, (k / sampleRate) * 1000)),
      click: step.discontinuity,
      jumpRatio: jumpRatio(step),
    });
  }
  // Audio events of one segment that follow each other: a click here comes from inside the segment (fades, inserted silence).
  let inner = 0;
  for (let e = 1; e < eventStarts.length; e++) {
    if (eventStarts[e].segmentIndex === eventStarts[e - 1].segmentIndex && joinStep(samples, eventStarts[e].sample, sampleRate).discontinuity) inner++;
  }
  const ends = joins.filter((j) => END_KINDS.includes(j.kind) && j.oneCallMs !== null && j.oneCallMs >= LONG_PAUSE_MS);
  return {
    runs,
    joins,
    segments: segments.length,
    wordsAligned: aligned,
    durationMs: rounded(durationMs(samples, sampleRate)),
    discontinuities: joins.filter((j) => j.click).length,
    innerDiscontinuities: inner,
    // Joins at a sentence end, a paragraph break or a list item where the engine, in one call, pauses 150 ms or more: "short" when the streamed pause is under half of that.
    endJoins: { joins: ends.length, short: ends.filter((j) => j.pauseMs < j.oneCallMs / 2).length },
  };
}

/** Compares one passage's renderings: the engine in one call, and streamed with pauses `off` and `on`. */
export function comparePassage({ index, text, oneCall, off, on }) {
  const referenceRms = peakFrameRms(oneCall.samples, oneCall.sampleRate);
  const oneCallRuns = silenceRuns(oneCall.samples, oneCall.sampleRate, { referenceRms });
  const measured = {
    off: measureStreamed({ text, streamed: off, oneCall, oneCallRuns, referenceRms }),
    on: measureStreamed({ text, streamed: on, oneCall, oneCallRuns, referenceRms }),
  };
  const both = (key) => ({ off: measured.off[key], on: measured.on[key] });
  const counts = (minMs) => ({ oneCall: countPauses(oneCallRuns, minMs), off: countPauses(measured.off.runs, minMs), on: countPauses(measured.on.runs, minMs) });
  const spoken = off.segments.map((segment) => segment?.spoken ?? "").join(" ").replace(/\s+/g, " ").trim();
  return {
    index,
    chars: text.length,
    sentenceEnds: countSentenceEnds(text),
    segments: both("segments"),
    spokenAsWritten: spoken === text.replace(/\s+/g, " ").trim(),
    wordsAligned: both("wordsAligned"),
    durationMs: { oneCall: rounded(durationMs(oneCall.samples, oneCall.sampleRate)), ...both("durationMs") },
    pauses150: counts(LONG_PAUSE_MS),
    pauses250: counts(LONGER_PAUSE_MS),
    discontinuities: both("discontinuities"),
    innerDiscontinuities: both("innerDiscontinuities"),
    endJoins: both("endJoins"),
    joins: both("joins"),
  };
}
