import { measurePauseProfile, VoxpipeError } from "@voxpipe/core";
import { modelFiles, thrownBy } from "@voxpipe/core/testing";
import { describe, expect, it } from "vitest";
import { createPiperTts } from "./create-piper.js";

const SILENT = "piper-test-voice-silent.onnx";
const PLUS = "piper-plus-zero-shot-test.onnx";
const models = modelFiles([`tts/${SILENT}`, `tts/${SILENT}.json`, `tts/${PLUS}`, `tts/${PLUS}.json`]);
const context = { configDir: import.meta.dirname, env: { VOXPIPE_MODELS_DIR: models.dir }, log: () => {} };

// The test voices are not speech (random weights; zeros): the pause measurement must not learn pauses from them.
describe.skipIf(models.skipReason)(models.title("measurePauseProfile on Piper's test voices"), () => {
  it("learns no pause class from a random-weights voice (the defaults apply)", async () => {
    const piper = await createPiperTts({ model: PLUS }, context);
    try {
      const profile = await measurePauseProfile(piper);
      expect(profile.sentenceMs).toBeUndefined();
      expect(profile.clauseMs).toBeUndefined();
      expect(profile.paragraphMs).toBeUndefined();
    } finally {
      await piper.dispose();
    }
  });

  it("fails with a typed error naming the probe on a voice that speaks only zeros", async () => {
    const piper = await createPiperTts({ model: SILENT }, context);
    try {
      const error = await thrownBy(() => measurePauseProfile(piper));
      expect(VoxpipeError.isInstance(error) && error.code).toBe("tts-pause-profile-failed");
      expect((error as Error).message).toMatch(/produced no sound for "Now we are here/);
    } finally {
      await piper.dispose();
    }
  });
});
