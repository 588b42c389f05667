import { describe, expect, it } from "vitest";
import { randomChunks, seededRandom, segmentPieces, segmentWhole } from "./__fixtures__/run-segmenter.js";
import { createSegmenter } from "./create-segmenter.js";
import { FirstSegmentPolicy } from "./first-segment-policy.js";
import { NO_PAUSE_WORDS, isSafePauseWord } from "./no-pause-words.js";
import type { SegmenterOptions, SegmenterRates } from "./segmenter-options.js";

const EAGER: SegmenterOptions = { eagerFirstSegment: true };
/** An LLM at 96 characters a second (30 tokens a second) and a TTS at half real time: the early rules apply. */
const AHEAD: SegmenterRates = { llmCharsPerSecond: 96, ttsRealTimeFactor: 0.5 };

/** Every chunking the invariance tests use: whole, one character at a time, and random 1–6 pieces. */
function everyChunking(text: string, options: SegmenterOptions, rates?: SegmenterRates): string[] {
  const whole = segmentWhole(text, options, rates);
  expect(segmentPieces([...text], options, rates)).toEqual(whole);
  const random = seededRandom(0xf1257 + text.length);
  for (let run = 0; run < 30; run++) {
    const pieces = randomChunks(text, random);
    expect(segmentPieces(pieces, options, rates), JSON.stringify(pieces)).toEqual(whole);
  }
  return whole;
}

function lastWord(segment: string): string {
  return segment.split(/\s+/u).at(-1) ?? "";
}

describe("FirstSegmentPolicy", () => {
  it("is off until both rates are known, and when eagerFirstSegment is off", () => {
    const policy = new FirstSegmentPolicy(true);
    expect(policy.early()).toBe(false);
    policy.update({ llmCharsPerSecond: 96 });
    expect(policy.early()).toBe(false);
    policy.update({ ttsRealTimeFactor: 0.5 });
    expect(policy.early()).toBe(true);
    const off = new FirstSegmentPolicy(false);
    off.update(AHEAD);
    expect(off.early()).toBe(false);
  });

  it("needs the LLM 3 times faster than speech (45 chars/s) and the TTS at RTF 0.8 or less", () => {
    const at = (rates: SegmenterRates): boolean => {
      const policy = new FirstSegmentPolicy(true);
      policy.update(rates);
      return policy.early();
    };
    expect(at({ llmCharsPerSecond: 45, ttsRealTimeFactor: 0.8 })).toBe(true);
    expect(at({ llmCharsPerSecond: 44, ttsRealTimeFactor: 0.5 })).toBe(false);
    expect(at({ llmCharsPerSecond: 200, ttsRealTimeFactor: 0.81 })).toBe(false);
    expect(at({ llmCharsPerSecond: Number.NaN, ttsRealTimeFactor: 0.5 })).toBe(false);
  });
});

describe("isSafePauseWord (English)", () => {
  it("refuses articles, prepositions, conjunctions, auxiliaries, pronouns and numbers", () => {
    for (const word of ["the", "The", "a", "an", "to", "of", "and", "or", "is", "was", "will", "can't", "I", "your", "(the", "“of", "5", "$3", "10%", "2nd"]) {
      expect(isSafePauseWord(word), word).toBe(false);
    }
  });

  it("allows nouns, verbs, adjectives and adverbs", () => {
    for (const word of ["Sure", "plan", "trip", "coast", "weekend", "leave", "quickly", "museum", "here"]) expect(isSafePauseWord(word), word).toBe(true);
  });

  it("allows no word cut in a language without a list", () => {
    expect(isSafePauseWord("plan", "xx")).toBe(false);
    expect(NO_PAUSE_WORDS.en?.has("the")).toBe(true);
  });
});

describe("early first segment", () => {
  const seed = "Sure, here is a quick plan for your trip to the coast this weekend. Leave early on Saturday.";

  it("keeps today's cut while the rates are unknown or tight", () => {
    const today = ["Sure, here is a quick plan for your trip to the coast this weekend.", "Leave early on Saturday."];
    expect(everyChunking(seed, EAGER)).toEqual(today);
    expect(everyChunking(seed, EAGER, { llmCharsPerSecond: 30, ttsRealTimeFactor: 0.5 })).toEqual(today);
    expect(everyChunking(seed, EAGER, { llmCharsPerSecond: 96, ttsRealTimeFactor: 0.9 })).toEqual(today);
    expect(everyChunking(seed, {}, AHEAD)).toEqual(today);
  });

  it("ends at the first clause mark when the rates are ahead", () => {
    expect(everyChunking(seed, EAGER, AHEAD)).toEqual(["Sure,", "here is a quick plan for your trip to the coast this weekend.", "Leave early on Saturday."]);
  });

  it("without a clause mark, ends after a few words at a word safe to pause on", () => {
    const text = "Leave early on Saturday to miss the traffic and stop for breakfast in the old harbour town. Then rest.";
    expect(everyChunking(text, EAGER, AHEAD)).toEqual([
      "Leave early on Saturday",
      "to miss the traffic and stop for breakfast in the old harbour town.",
      "Then rest.",
    ]);
  });

  it("later segments are whole sentences as before", () => {
    const text = "Here is the plan for today, in short. We walk to the harbour, then we eat. Then we rest.";
    expect(everyChunking(text, EAGER, AHEAD)).toEqual(["Here is the plan", "for today, in short.", "We walk to the harbour, then we eat.", "Then we rest."]);
  });

  it("never cuts inside brackets or quotes", () => {
    const text = "Tell them (when you arrive at the gate tomorrow morning) that we are late.";
    expect(everyChunking(text, EAGER, AHEAD)[0]).toBe("Tell them (when you arrive at the gate tomorrow morning)");
  });

  it("takes rates fed in mid-reply from that point on", () => {
    const segmenter = createSegmenter(EAGER);
    expect(segmenter.push("I think we could walk along ")).toEqual([]);
    segmenter.updateRates(AHEAD);
    expect(segmenter.push("the beach at noon").map((s) => s.text)).toEqual(["I think we could walk along the beach"]);
  });

  // Replies chosen to put every kind of unsafe word at each position after the third word.
  const replies = [
    "We could go to the old museum of modern art and then eat at the small cafe by the harbour.",
    "The trains to the airport leave every twenty minutes from the platform on the left.",
    "It costs 5 dollars for adults and 3 dollars for children under the age of twelve.",
    "You will need a ticket, a map and your passport when you get to the border crossing.",
    "My sister and her friends have been waiting at the station since early this morning.",
    "Walk past the bakery and turn left at the lights because the road is closed.",
    "Try asking the guide whether the tower is open or if it has closed for the winter.",
    "Pack warm clothes as the nights can get cold up in the hills near the lake.",
    "Most of the shops in town should be open until 6 pm on weekdays and Saturdays.",
    "Remember that an umbrella would be useful since it might rain on Sunday afternoon.",
  ];

  it.each(replies.map((text) => [text] as const))("never ends right after an unsafe word, in every chunking: %s", (text) => {
    for (const rates of [AHEAD, { llmCharsPerSecond: 500, ttsRealTimeFactor: 0.1 }]) {
      const [first, ...rest] = everyChunking(text, EAGER, rates);
      if (first === undefined) throw new Error("no segment");
      expect([first, ...rest].join(" ")).toBe(text);
      if (rest.length === 0) continue;
      const word = lastWord(first);
      expect(isSafePauseWord(word) || /[,;:]$/u.test(word), `cut after ${JSON.stringify(word)}`).toBe(true);
      for (const unsafe of ["the", "a", "an", "to", "of", "and", "or", "is", "be", "been", "will", "at", "for", "my", "her", "5", "3", "6"]) {
        expect(word.toLowerCase(), first).not.toBe(unsafe);
      }
      expect(first.split(/\s+/u).length >= 3 || /[,;:]$/u.test(first), first).toBe(true);
    }
  });
});
