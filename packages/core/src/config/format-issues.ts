import type { z } from "zod";

/** Turns zod issues into lines like `tts.options.voice: expected string, received number`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): string[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String);
    let message = issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "");
    if (issue.code === "unrecognized_keys") {
      const keys = (issue as { keys: string[] }).keys;
      return keys.map((key) => `${[...path, key].join(".")}: unknown key (check the spelling; see the README for the keys allowed here)`).join("\n");
    }
    if (issue.code === "invalid_type" && /received undefined/.test(message)) message = message.replace("received undefined", "but it is missing");
    return `${path.length > 0 ? path.join(".") : "(top level)"}: ${message}`;
  }).flatMap((line) => line.split("\n"));
}
