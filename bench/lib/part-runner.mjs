// Runs one benchmark part in this (child) process and sends its result to the
// parent over IPC. Started by run.mjs with `--expose-gc`, one process per part,
// so no part inherits another's heap, timers or native threads.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { benchDir } from "./paths.mjs";

const [part, ...flags] = process.argv.slice(2);
const quick = flags.includes("--quick");
const log = (line) => process.stderr.write(`  [${part}] ${line}\n`);

let message;
try {
  const module = await import(pathToFileURL(join(benchDir, "parts", `${part}.mjs`)).href);
  const result = await module.run({ quick, log });
  message = { type: "result", result };
} catch (error) {
  message = { type: "result", result: { error: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
}
if (process.send) process.send(message, () => process.exit(0));
else {
  process.stdout.write(`${JSON.stringify(message.result, null, 2)}\n`);
  process.exit(0);
}
