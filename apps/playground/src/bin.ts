#!/usr/bin/env node
import { runCli } from "./run-cli.js";

const result = await runCli(process.argv.slice(2));
if (typeof result === "number") {
  process.exitCode = result;
} else {
  let closing = false;
  const shutdown = (): void => {
    if (closing) process.exit(130);
    closing = true;
    void result.shutdown().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
