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
 * What the text calls for at a cut between segments: `paragraph` (a blank
 * line), `line` (a line break: a list item), `sentence` (`.`, `?`, `!`),
 * `clause` (`,`, `;`, `:`, a dash), `word` (a cut inside a sentence), or
 * `unknown` when the segment's text is not found in the passage as written.
 */
export function joinKinds(text, segments) {
  const kinds = [];
  let cursor = 0;
  for (let i = 0; i < segments.length - 1; i++) {
    const written = segments[i]?.text.trim() ?? "";
    const at = written ? text.indexOf(written, cursor) : -1;
    if (at < 0) {
      kinds.push("unknown");
      continue;
    }
    cursor = at + written.length;
    const between = /^\s*/.exec(text.slice(cursor))?.[0] ?? "";
    const last = written.at(-1) ?? "";
    if (/\n\s*\n/.test(between)) kinds.push("paragraph");
    else if (between.includes("\n")) kinds.push("line");
    else if (/[.?!]/.test(last)) kinds.push("sentence");
    else if (/[,;:—–-]/.test(last)) kinds.push("clause");
    else kinds.push("word");
  }
  return kinds;
}

/** The engine's words match one to one between the two renderings (so a join can be placed in the one-call audio). */
function wordsAlign(oneCall, streamed) {
  if (oneCall.words.length === 0 || oneCall.words.length !== streamed.words.length) return false;
  return oneCall.words.every((word, i) => word.text.toLowerCase() === streamed.words[i].text.toLowerCase());
}

/** Measures of one streamed rendering: its silence runs, the pause and the step at each join, clicks inside segments. */
function measureStreamed(streamed, referenceRms) {
  const { samples, sampleRate, segmentStarts, eventStarts } = streamed;
  const runs = silenceRuns(samples, sampleRate, { referenceRms });
  const joins = [];
  for (let i = 1; i < segmentStarts.length; i++) {
    const k = segmentStarts[i];
    if (k === undefined) continue;
    joins.push({ segmentIndex: i, pauseMs: pauseMsAt(runs, (k / sampleRate) * 1000), ...joinStep(samples, k, sampleRate) });
  }
  // Audio events of one segment that follow each other: a click here comes from inside the segment (fades, inserted silence).
  let inner = 0;
  for (let e = 1; e < eventStarts.length; e++) {
    if (eventStarts[e].segmentIndex === eventStarts[e - 1].segmentIndex && joinStep(samples, eventStarts[e].sample, sampleRate).discontinuity) inner++;
  }
  return { runs, joins, innerDiscontinuities: inner, durationMs: durationMs(samples, sampleRate) };
}

/** The one-call rendering's pause where segment `segmentIndex` starts, found through the words spoken before it; null when the words do not align. */
function oneCallPauseAt(oneCall, oneCallRuns, streamed, segmentIndex, aligned) {
  if (!aligned) return null;
  const before = streamed.words.filter((word) => word.segmentIndex < segmentIndex).length;
  const last = oneCall.words[before - 1];
  const next = oneCall.words[before];
  if (!last || !next) return null;
  return pauseBetween(oneCallRuns, last.endMs, next.startMs)?.ms ?? 0;
}

const rounded = (ms) => Math.round(ms);
/** The join's step over the largest local step (above 1 it is a discontinuity, or nearly: see joinStep). */
const jumpRatio = (join) => Math.round((join.jump / Math.max(join.localMaxStep, INAUDIBLE_JUMP)) * 100) / 100;

/** Compares one passage's renderings; `on` may be null (pauses not measured). */
export function comparePassage({ index, text, oneCall, off, on }) {
  const referenceRms = peakFrameRms(oneCall.samples, oneCall.sampleRate);
  const oneCallRuns = silenceRuns(oneCall.samples, oneCall.sampleRate, { referenceRms });
  const measured = { off: measureStreamed(off, referenceRms), on: on ? measureStreamed(on, referenceRms) : null };
  const aligned = wordsAlign(oneCall, off);
  const kinds = joinKinds(text, off.segments);
  const joins = measured.off.joins.map((join) => {
    const onJoin = measured.on?.joins.find((j) => j.segmentIndex === join.segmentIndex);
    const oneCallMs = oneCallPauseAt(oneCall, oneCallRuns, off, join.segmentIndex, aligned);
    return {
      after: off.segments[join.segmentIndex - 1]?.text.trim().slice(-24) ?? "",
      kind: kinds[join.segmentIndex - 1] ?? "unknown",
      oneCallMs: oneCallMs === null ? null : rounded(oneCallMs),
      offMs: rounded(join.pauseMs),
      onMs: onJoin ? rounded(onJoin.pauseMs) : null,
      clickOff: join.discontinuity,
      clickOn: onJoin ? onJoin.discontinuity : null,
      jumpRatioOff: jumpRatio(join),
      jumpRatioOn: onJoin ? jumpRatio(onJoin) : null,
    };
  });
  const pick = (fn) => ({ oneCall: fn(oneCallRuns, oneCall), off: fn(measured.off.runs, off), on: measured.on ? fn(measured.on.runs, on) : null });
  const spoken = off.segments.map((segment) => segment?.spoken ?? "").join(" ").replace(/\s+/g, " ").trim();
  return {
    index,
    chars: text.length,
    sentenceEnds: countSentenceEnds(text),
    segments: off.segments.length,
    segmentsOn: on ? on.segments.length : null,
    spokenAsWritten: spoken === text.replace(/\s+/g, " ").trim(),
    wordsAligned: aligned,
    durationMs: { oneCall: rounded(durationMs(oneCall.samples, oneCall.sampleRate)), off: rounded(measured.off.durationMs), on: measured.on ? rounded(measured.on.durationMs) : null },
    pauses150: pick((runs) => countPauses(runs, LONG_PAUSE_MS)),
    pauses250: pick((runs) => countPauses(runs, LONGER_PAUSE_MS)),
    discontinuities: { off: measured.off.joins.filter((j) => j.discontinuity).length, on: measured.on ? measured.on.joins.filter((j) => j.discontinuity).length : null },
    innerDiscontinuities: { off: measured.off.innerDiscontinuities, on: measured.on?.innerDiscontinuities ?? null },
    joins,
  };
}
