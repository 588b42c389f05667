import { describe } from "vitest";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { modelFiles } from "@voxpipe/core/testing";
import { createPiperTts } from "./create-piper.js";

const models = modelFiles(["tts/piper-test-voice-silent.onnx", "tts/piper-test-voice-silent.onnx.json"]);
const context = { configDir: import.meta.dirname, env: { VOXPIPE_MODELS_DIR: models.dir }, log: () => {} };

// The official Piper test voice: the exact Piper interface, but 1 s of zeros per run.
describe.skipIf(models.skipReason)(models.title("piper on its test voice"), () => {
  describeTtsConformance({
    name: "piper (piper-test-voice-silent)",
    create: () => createPiperTts({ model: "piper-test-voice-silent.onnx" }, context),
    allowSilence: true,
  });
});
