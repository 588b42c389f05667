// Tiny request/reply helpers over a forked child's IPC channel.
import { fork } from "node:child_process";

/** Forks `script`; resolves once it says { type: "loaded" }. */
export async function forkChild(script, { execArgv = [], args = [] } = {}) {
  const child = fork(script, args, { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await nextMessage(child, "loaded");
  return child;
}

/** The child's next message of `type`; rejects on a { type: "error" } message or if the child exits. */
export function nextMessage(child, type, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no "${type}" from ${child.spawnfile} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message) => {
      if (message?.type === type) done(null, message);
      else if (message?.type === "error") done(new Error(message.message));
    };
    const onExit = (code) => done(new Error(`child exited (code ${code}) while waiting for "${type}"`));
    function done(error, message) {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(message);
    }
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

/** Sends `message` and waits for the reply of `replyType`. */
export function ask(child, message, replyType, timeoutMs) {
  const reply = nextMessage(child, replyType, timeoutMs);
  child.send(message);
  return reply;
}
