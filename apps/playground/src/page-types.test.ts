import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

describe("the page's JavaScript", () => {
  it("type-checks strictly against the server's protocol types and the shared frame codec (tsconfig.page.json)", async () => {
    const result = await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.page.json", "--pretty", "false"], { cwd: packageDir }).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? "", stderr: error.stderr ?? String(error) }),
    );
    // On failure the compiler's own messages are the assertion's message: file, line and what is wrong.
    expect(`${result.stdout}${result.stderr}`.trim()).toBe("");
  }, 120_000);
});
