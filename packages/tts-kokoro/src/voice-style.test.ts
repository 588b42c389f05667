import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateTestModel } from "./__fixtures__/test-model.js";
import { blendVoices, parseVoiceSpec, readVoiceFile, styleFor, VOICE_ROWS, type VoiceStyles } from "./voice-style.js";

const generated = generateTestModel();
afterAll(() => generated.remove());

const constant = (value: number, rows = VOICE_ROWS): VoiceStyles => ({ source: `const-${value}`, rows, data: new Float32Array(rows * 256).fill(value) });

describe("voice specs", () => {
  it("reads a name, a file and a weighted blend", () => {
    expect(parseVoiceSpec("af_heart")).toEqual([{ name: "af_heart", weight: 1 }]);
    expect(parseVoiceSpec("voices/custom.bin")).toEqual([{ name: "voices/custom.bin", weight: 1 }]);
    expect(parseVoiceSpec("af_heart:0.7, af_bella:0.3")).toEqual([
      { name: "af_heart", weight: 0.7 },
      { name: "af_bella", weight: 0.3 },
    ]);
  });

  it("rejects a zero weight or an empty part, saying how to write a blend", () => {
    expect(() => parseVoiceSpec("af_heart:0")).toThrow(/The part "af_heart:0" is not NAME or NAME:WEIGHT.*"af_heart:0.7,af_bella:0.3"/);
    expect(() => parseVoiceSpec("af_heart,")).toThrow(/The part "" is not NAME/);
    expect(() => parseVoiceSpec("af_heart,")).toThrow(expect.objectContaining({ code: "voice-not-found", message: expect.stringContaining("NAME:WEIGHT") }));
  });
});

describe("voice files", () => {
  it("reads the generated test voice: 510 rows of 256", async () => {
    const voice = await readVoiceFile(generated.voice);
    expect(voice.rows).toBe(510);
    expect(voice.data[256 * 255]).toBeCloseTo(0.25);
  });

  it("rejects a file that is not whole rows, naming it, its size and the expected size", async () => {
    const bad = `${generated.dir}/voices/broken.bin`;
    writeFileSync(bad, Buffer.alloc(1000));
    await expect(readVoiceFile(bad)).rejects.toThrow(new RegExp(`${bad} has 1000 bytes.*510 × 256 float32 = 522240 bytes`));
  });

  it("reports a missing file as an unknown voice, and one that cannot be read as an invalid voice file", async () => {
    await expect(readVoiceFile(`${generated.dir}/nope.bin`)).rejects.toMatchObject({ code: "voice-not-found", message: expect.stringContaining(`${generated.dir}/nope.bin`) });
    await expect(readVoiceFile(`${generated.dir}/voices`)).rejects.toMatchObject({ code: "invalid-voice-file", message: expect.stringContaining("could not read the voice file") });
  });
});

describe("styles", () => {
  it("picks row = token count (pads not counted), at most the last row", () => {
    const voice: VoiceStyles = { source: "rows", rows: 510, data: Float32Array.from({ length: 510 * 256 }, (_, i) => Math.floor(i / 256)) };
    expect(styleFor(voice, 0)[0]).toBe(0);
    expect(styleFor(voice, 17)[0]).toBe(17);
    expect(styleFor(voice, 17)).toHaveLength(256);
    expect(styleFor(voice, 9999)[0]).toBe(509);
  });

  it("blends with weights normalized to sum 1", () => {
    const blend = blendVoices([
      { styles: constant(1), weight: 0.7 },
      { styles: constant(0), weight: 0.3 },
    ]);
    expect(blend.data[0]).toBeCloseTo(0.7);
    expect(blendVoices([{ styles: constant(1), weight: 2 }, { styles: constant(0), weight: 2 }]).data[100]).toBeCloseTo(0.5);
  });

  it("refuses to blend voices of different lengths", () => {
    expect(() => blendVoices([{ styles: constant(1), weight: 1 }, { styles: constant(1, 20), weight: 1 }])).toThrow(/cannot blend const-1 \(510 rows\) with const-1 \(20 rows\)/);
    expect(() => blendVoices([{ styles: constant(1), weight: 1 }, { styles: constant(1, 20), weight: 1 }])).toThrow(expect.objectContaining({ code: "invalid-voice-file" }));
  });
});
