import { Redactor } from "@voxpipe/core";
import { describe, expect, it } from "vitest";
import { helloMessage } from "./hello-message.js";
import { defaultLimits } from "./limits.js";
import { testBackend } from "./__fixtures__/test-backend.js";

describe("helloMessage", () => {
  it("masks the backend's secrets and URL credentials in every name it shows", () => {
    // Test double: backends whose names carry a secret, as a third-party adapter might (a model id with a signed URL).
    const backend = { ...testBackend(), redactor: new Redactor(["voice-secret-1234"]) };
    backend.llm = { id: "proxy", model: "https://reader:pw-5678@models.example/m?sig=abc123" } as typeof backend.llm;
    backend.tts = { ...backend.tts, voice: "clone-voice-secret-1234" } as typeof backend.tts;
    const hello = helloMessage(backend, defaultLimits);
    expect(hello.backends.llm.model).toBe("https://***@models.example/m?sig=***");
    expect(hello.backends.tts.voice).toBe("clone-***");
    expect(JSON.stringify(hello)).not.toMatch(/pw-5678|abc123|voice-secret-1234/);
  });
});
