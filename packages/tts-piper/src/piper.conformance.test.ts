import { join } from "node:path";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { createPiperTts } from "./create-piper.js";

const modelsDir = process.env.VOXPIPE_MODELS_DIR ?? join(import.meta.dirname, "../../../../shared/models");
const context = { configDir: import.meta.dirname, env: { VOXPIPE_MODELS_DIR: modelsDir }, log: () => {} };

// The official Piper test voice: the exact Piper interface, but 1 s of zeros per run.
describeTtsConformance({
  name: "piper (piper-test-voice-silent)",
  create: () => createPiperTts({ model: "piper-test-voice-silent.onnx" }, context),
  allowSilence: true,
});
