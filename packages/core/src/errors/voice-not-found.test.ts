import { describe, expect, it } from "vitest";
import { VOICE_NOT_FOUND, voiceNotFoundError } from "./voice-not-found.js";
import { VoxpipeError } from "./voxpipe-error.js";

describe("voiceNotFoundError", () => {
  it("is a tts VoxpipeError with the one code, not retryable, naming the voice, the backend and what to do", () => {
    const error = voiceNotFoundError({ backend: "eSpeak NG", voice: "en-zz", known: ["en", "en-gb", "en-us"] });
    expect(VoxpipeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "voice-not-found", stage: "tts", retryable: false });
    expect(VOICE_NOT_FOUND).toBe("voice-not-found");
    expect(error.message).toBe('eSpeak NG has no voice "en-zz"; it has e.g. "en", "en-gb", "en-us". Ask for one of those voices, or leave `voice` unset to use the configured one.');
  });

  it("shows the first twelve known voices and counts the rest", () => {
    const known = Array.from({ length: 15 }, (_, i) => `v${i}`);
    const error = voiceNotFoundError({ backend: "kokoro", voice: "nope", known });
    expect(error.message).toContain('"v11" and 3 more.');
    expect(error.message).not.toContain('"v12"');
  });

  it("without known voices, says how to list them; a hint replaces the advice; the cause is kept", () => {
    expect(voiceNotFoundError({ backend: "piper (x)", voice: "alice" }).message).toBe('piper (x) has no voice "alice". Ask for a voice the backend lists (see its documentation), or leave `voice` unset to use the configured one.');
    const cause = new Error("ENOENT");
    const hinted = voiceNotFoundError({ backend: "kokoro", voice: "af_x", hint: "Download af_x.bin.", cause });
    expect(hinted.message).toBe('kokoro has no voice "af_x". Download af_x.bin.');
    expect(hinted.cause).toBe(cause);
  });
});
