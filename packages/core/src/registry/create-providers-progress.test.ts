import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ProgressUpdate } from "../logging/progress-update.js";
import { Redactor } from "../redaction/redactor.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import { createProvider } from "./create-providers.js";
import { defineAdapter } from "./define-adapter.js";

describe("createProvider and progress", () => {
  it("passes the adapter's progress on to the host, with secrets masked in the label", async () => {
    const secret = "hf_supersecrettoken123";
    const definition = defineAdapter({
      kind: "tts",
      id: "downloads-with-a-token",
      optionsSchema: z.object({}),
      create: (_options, context) => {
        context.progress?.({ id: "d", label: `downloading https://user:${secret}@example.com/voice.onnx`, state: "running", doneBytes: 0, totalBytes: 10 });
        return createSyntheticTts({});
      },
    });
    const updates: ProgressUpdate[] = [];
    const context = { configDir: ".", env: {}, log: () => {}, progress: (update: ProgressUpdate) => updates.push(update) };
    const provider = await createProvider({ key: "tts", use: "x", definition, options: {} }, context, new Redactor([secret]));
    await provider.dispose?.();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ id: "d", state: "running", doneBytes: 0, totalBytes: 10 });
    expect(updates[0]?.label).toContain("example.com/voice.onnx");
    expect(updates[0]?.label).not.toContain(secret);
  });
});
