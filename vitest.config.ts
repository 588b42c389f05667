import { defineConfig } from "vitest/config";

// One vitest run covers every package; each folder is its own project.
// `pnpm test` builds first, because packages import each other through their built `dist`.
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: "core", root: "packages/core", include: ["src/**/*.test.ts"] } },
      { extends: true, test: { name: "adapters", include: ["packages/{llm,tts}-*/src/**/*.test.ts", "packages/espeak-phonemizer/src/**/*.test.ts", "packages/onnx-worker/src/**/*.test.ts", "examples/*/src/**/*.test.ts"] } },
      { extends: true, test: { name: "server", root: "packages/server", include: ["src/**/*.test.ts"] } },
      { extends: true, test: { name: "cli", root: "packages/cli", include: ["src/**/*.test.ts"] } },
      { extends: true, test: { name: "ai-sdk", root: "packages/ai-sdk", include: ["src/**/*.test.ts"] } },
      { extends: true, test: { name: "playground", root: "apps/playground", include: ["src/**/*.test.ts"] } },
      { extends: true, test: { name: "scripts", root: "scripts", include: ["**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", root: "test", include: ["**/*.test.ts"], exclude: ["**/node_modules/**", "live/**"] } },
      { extends: true, test: { name: "live", include: ["packages/*/src/**/*.live.ts", "test/live/**/*.live.ts"] } },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    passWithNoTests: true,
  },
});
