import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { createProgressDisplay } from "./progress-display.js";

const MB = 1024 * 1024;

function clockAndOutput() {
  let time = 0;
  const written: string[] = [];
  return { now: () => time, advance: (ms: number) => (time += ms), written, write: (text: string) => written.push(text) };
}

describe("progress display", () => {
  it("not on a terminal: a line when a download starts, one every interval with size and rate, and one when done", () => {
    const io = clockAndOutput();
    const display = createProgressDisplay({ write: io.write, isTTY: false, now: io.now, intervalMs: 5000 });
    const label = "llama-cpp: downloading hf:a/b/c.gguf";
    display.update({ id: "d", label, state: "running", doneBytes: 0, totalBytes: 640 * MB });
    for (let second = 1; second <= 12; second++) {
      io.advance(1000);
      display.update({ id: "d", label, state: "running", doneBytes: second * 10 * MB, totalBytes: 640 * MB });
    }
    io.advance(1000);
    display.update({ id: "d", label, state: "done", doneBytes: 130 * MB, totalBytes: 640 * MB });
    expect(io.written).toEqual([
      `[voxpipe] ${label}: 0% (0.0 of 640.0 MB)\n`,
      `[voxpipe] ${label}: 7% (50.0 of 640.0 MB, 10.0 MB/s)\n`,
      `[voxpipe] ${label}: 15% (100.0 of 640.0 MB, 10.0 MB/s)\n`,
      `[voxpipe] ${label}: done in 13.0 s, 130.0 MB at 10.0 MB/s\n`,
    ]);
  });

  it("counts only the bytes fetched now in the rate of a resumed download, and copes with an unknown total", () => {
    const io = clockAndOutput();
    const display = createProgressDisplay({ write: io.write, isTTY: false, now: io.now, intervalMs: 1000 });
    display.update({ id: "r", label: "piper: downloading x", state: "running", doneBytes: 100 * MB });
    io.advance(2000);
    display.update({ id: "r", label: "piper: downloading x", state: "running", doneBytes: 104 * MB });
    expect(io.written).toEqual(["[voxpipe] piper: downloading x: 100.0 MB\n", "[voxpipe] piper: downloading x: 104.0 MB, 2.0 MB/s\n"]);
  });

  it("a task without bytes (a model load): one line when it starts; its end only when it took a while", () => {
    const io = clockAndOutput();
    const display = createProgressDisplay({ write: io.write, isTTY: false, now: io.now, intervalMs: 5000 });
    display.update({ id: "quick", label: "piper: loading voice a.onnx (0.1 MB)", state: "running" });
    io.advance(40);
    display.update({ id: "quick", label: "piper: loading voice a.onnx (0.1 MB)", state: "done" });
    display.update({ id: "slow", label: "llama-cpp: loading model b.gguf (639.0 MB)", state: "running" });
    io.advance(6000);
    display.update({ id: "slow", label: "llama-cpp: loading model b.gguf (639.0 MB)", state: "done" });
    expect(io.written).toEqual([
      "[voxpipe] piper: loading voice a.onnx (0.1 MB)…\n",
      "[voxpipe] llama-cpp: loading model b.gguf (639.0 MB)…\n",
      "[voxpipe] llama-cpp: loading model b.gguf (639.0 MB): done in 6.0 s\n",
    ]);
  });

  it("on a terminal: one bar redrawn in place (at most every 100 ms), ended by a newline when done", () => {
    const io = clockAndOutput();
    const display = createProgressDisplay({ write: io.write, isTTY: true, columns: 120, now: io.now });
    display.update({ id: "d", label: "dl", state: "running", doneBytes: 0, totalBytes: 100 * MB });
    io.advance(50);
    display.update({ id: "d", label: "dl", state: "running", doneBytes: 10 * MB, totalBytes: 100 * MB }); // too soon: not drawn
    io.advance(950);
    display.update({ id: "d", label: "dl", state: "running", doneBytes: 50 * MB, totalBytes: 100 * MB });
    io.advance(1000);
    display.update({ id: "d", label: "dl", state: "done", doneBytes: 100 * MB, totalBytes: 100 * MB });
    expect(io.written).toEqual([
      `\r[voxpipe] dl: [${"-".repeat(30)}] 0% (0.0 of 100.0 MB)\x1b[K`,
      `\r[voxpipe] dl: [${"#".repeat(15)}${"-".repeat(15)}] 50% (50.0 of 100.0 MB, 50.0 MB/s)\x1b[K`,
      "\r[voxpipe] dl: done in 2.0 s, 100.0 MB at 50.0 MB/s\x1b[K",
      "\n",
    ]);
  });

  it("a logger at the default level shows progress and clears a bar before a log line; at error it shows none", () => {
    const lines: string[] = [];
    const logger = createLogger("warn", (line) => lines.push(line));
    logger.progress?.({ id: "x", label: "piper: downloading u", state: "running", doneBytes: 0, totalBytes: MB });
    logger.info("not shown at warn");
    logger.warn("shown");
    expect(lines).toEqual(["[voxpipe] piper: downloading u: 0% (0.0 of 1.0 MB)", "[voxpipe] warn: shown"]);
    const quiet: string[] = [];
    createLogger("error", (line) => quiet.push(line)).progress?.({ id: "y", label: "z", state: "running" });
    expect(quiet).toEqual([]);
  });
});

describe("progress display on a narrow terminal", () => {
  it("shortens the label in the middle, never the figures, and shows small files in kB", () => {
    const written: string[] = [];
    const display = createProgressDisplay({ write: (text) => written.push(text), isTTY: true, columns: 80, now: () => 0 });
    const label = `piper: downloading https://huggingface.co/rhasspy/piper-voices/resolve/main/en/en_US/lessac/medium/en_US-lessac-medium.onnx`;
    display.update({ id: "a", label, state: "running", doneBytes: 0, totalBytes: 60 * MB });
    const line = written[0]?.replace(/^\r/, "").replace(/\x1b\[K$/, "") ?? "";
    expect(line.length).toBeLessThanOrEqual(79);
    expect(line).toMatch(/^\[voxpipe\] piper: downl.*….*medium\.onnx: \[-{10}\] 0% \(0\.0 of 60\.0 MB\)$/);
    const lines: string[] = [];
    createProgressDisplay({ write: (text) => lines.push(text), isTTY: false }).update({ id: "b", label: "piper: downloading v.onnx.json", state: "running", doneBytes: 0, totalBytes: 755 });
    expect(lines).toEqual(["[voxpipe] piper: downloading v.onnx.json: 0% (0 of 1 kB)\n"]);
  });
});
