import { afterAll } from "vitest";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { createKokoroTts } from "./create-kokoro.js";
import { generateTestModel } from "./__fixtures__/test-model.js";

// The generated test model: Kokoro's exact interface, a tone per token.
const generated = generateTestModel();
afterAll(() => generated.remove());

describeTtsConformance({
  name: "kokoro (generated test model)",
  create: () => createKokoroTts({ model: generated.model, voice: "af_test" }, { configDir: generated.dir, env: {}, log: () => {} }),
});
