import { describe, expect, it } from "vitest";
import type { ProgressUpdate } from "../logging/progress-update.js";
import { startProgress } from "./progress-task.js";

describe("startProgress", () => {
  it("sends running updates with a stable id, keeps the total, and ends once", () => {
    const updates: ProgressUpdate[] = [];
    const task = startProgress({ log: () => {}, progress: (update) => updates.push(update) }, "piper: downloading u", { doneBytes: 5 });
    task.bytes(10, 100);
    task.bytes(20);
    task.done();
    task.bytes(30);
    task.failed();
    expect(updates.map(({ state, doneBytes, totalBytes }) => [state, doneBytes, totalBytes])).toEqual([
      ["running", 5, undefined],
      ["running", 10, 100],
      ["running", 20, 100],
      ["done", 20, 100],
    ]);
    expect(new Set(updates.map((u) => u.id)).size).toBe(1);
    expect(startProgress({ log: () => {}, progress: (update) => updates.push(update) }, "piper: downloading u").bytes).toBeTypeOf("function");
    expect(updates.at(-1)?.id).not.toBe(updates[0]?.id);
  });

  it("a host without `progress` gets the same lines through log at info", () => {
    const lines: string[] = [];
    const task = startProgress({ log: (level, message) => lines.push(`${level}: ${message}`) }, "llama-cpp: downloading hf:a/b/c.gguf", { doneBytes: 0, totalBytes: 2 * 1024 * 1024 });
    task.done();
    expect(lines[0]).toBe("info: llama-cpp: downloading hf:a/b/c.gguf: 0% (0.0 of 2.0 MB)");
    expect(lines[1]).toMatch(/^info: llama-cpp: downloading hf:a\/b\/c\.gguf: done in \d+ ms, 0\.0 MB$/);
  });
});
