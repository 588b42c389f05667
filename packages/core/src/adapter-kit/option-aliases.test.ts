import { describe, expect, it } from "vitest";
import { aliasWarnings, aliasWarningsOf, withAliasWarnings } from "./option-aliases.js";

const aliases = { timeoutMs: ["firstAudioTimeoutMs", "idleTimeoutMs"], firstByteTimeoutMs: ["firstAudioTimeoutMs"] };

describe("aliasWarnings", () => {
  it("says nothing when only new names are used", () => {
    expect(aliasWarnings("tts-x", { firstAudioTimeoutMs: 5 }, aliases)).toEqual([]);
  });

  it("names the new key (or keys) an old name stands for", () => {
    expect(aliasWarnings("tts-x", { firstByteTimeoutMs: 5 }, aliases)).toEqual(["tts-x: the option `firstByteTimeoutMs` is deprecated; rename it to `firstAudioTimeoutMs`."]);
    expect(aliasWarnings("tts-x", { timeoutMs: 5 }, aliases)[0]).toMatch(/rename it to `firstAudioTimeoutMs` and `idleTimeoutMs` \(it sets both\)/);
  });

  it("says the new name wins when both are given", () => {
    expect(aliasWarnings("tts-x", { firstByteTimeoutMs: 5, firstAudioTimeoutMs: 6 }, aliases)[0]).toMatch(/deprecated and ignored, because `firstAudioTimeoutMs` is also set/);
    expect(aliasWarnings("tts-x", { timeoutMs: 5, idleTimeoutMs: 6 }, aliases)[0]).toMatch(/`idleTimeoutMs` is also set and wins, so `timeoutMs` now sets only `firstAudioTimeoutMs`/);
  });

  it("remembers warnings with the validated options, for the factory to log", () => {
    const options = withAliasWarnings({ a: 1 }, ["w"]);
    expect(aliasWarningsOf({}, options)).toEqual(["w"]);
    expect(aliasWarningsOf({ a: 1 })).toEqual([]);
  });
});
