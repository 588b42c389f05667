import { describe, expect, it } from "vitest";
import { cleanEspeakIpa } from "./clean-espeak-ipa.js";
import { loadEspeakPhonemizer } from "./espeak-phonemizer.js";

describe("cleanEspeakIpa", () => {
  it("drops phoneme separators and language flags, turns inner clause breaks into spaces", () => {
    expect(cleanEspeakIpa("h_ə_l_ˈoʊ__ w_ˈɜː_l_d | t_ˈɛ_s_t")).toBe("həlˈoʊ wˈɜːld tˈɛst");
    expect(cleanEspeakIpa("(en)_ð_ə w_iː_k_ˈɛ_n_d_(fr)")).toBe("ðə wiːkˈɛnd");
  });
});

describe("loadEspeakPhonemizer (eSpeak NG WebAssembly)", () => {
  it("is one engine per process, whoever loads it", async () => {
    const [first, second] = await Promise.all([loadEspeakPhonemizer(), loadEspeakPhonemizer()]);
    expect(first).toBe(second);
    expect(first).toBe(await loadEspeakPhonemizer());
  });

  it('switches voices between calls ("en-us" and British "en" differ)', async () => {
    const engine = await loadEspeakPhonemizer();
    const us = cleanEspeakIpa(engine.textToIpa("en-us", "tomato"));
    const gb = cleanEspeakIpa(engine.textToIpa("en", "tomato"));
    expect(us).not.toBe(gb);
    expect(cleanEspeakIpa(engine.textToIpa("en-us", "tomato"))).toBe(us);
  });

  it("names an unknown voice and what to use instead", async () => {
    const engine = await loadEspeakPhonemizer();
    expect(() => engine.textToIpa("xx-nowhere", "hello")).toThrow(/eSpeak NG has no voice "xx-nowhere"\. Use an eSpeak NG language code/);
    expect(() => engine.textToIpa("xx-nowhere", "hello")).toThrow(expect.objectContaining({ code: "voice-not-found", stage: "tts", retryable: false }));
    // the voice that worked before still works after a failed switch
    expect(cleanEspeakIpa(engine.textToIpa("en-us", "hello"))).toBe("həlˈoʊ");
  });
});
