import { createNormalizer, loadConfig, NORMALIZE_LANGUAGES } from "@voxpipe/core";
import { parseCommandArgs, UsageError } from "../args.js";

export const normalizeUsage = `Usage: voxpipe normalize [--config FILE] [--lang en] [--phonemes] [--json]

Reads text from stdin and prints, line by line, the spoken form the TTS is sent: numbers, money,
dates, times, units, abbreviations, addresses and symbols as words, and the config's
normalize.lexicon applied (normalize.categories switches apply too).

Options:
  --config FILE   the config whose "normalize" section to use (default: voxpipe.config.* here, or the defaults)
  --lang L        language of the rules (${Object.keys(NORMALIZE_LANGUAGES).join(", ")}; default: the config's normalize.lang)
  --phonemes      write lexicon phonemes as [[…]], as eSpeak and Piper get them (default: their "say" form)
  --json          print each line as a JSON object {written, spoken, spans}`;

export async function normalizeCommand(
  argv: readonly string[],
  io: { stdout: (s: string) => void },
  input: AsyncIterable<string | Buffer> = process.stdin,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    config: { type: "string" },
    lang: { type: "string" },
    phonemes: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(normalizeUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`normalize reads its text from stdin; unexpected argument "${positionals[0]}" (try: echo "${positionals[0]}" | voxpipe normalize)`);
  const { config } = await loadConfig(values.config);
  const { lexicon, categories } = config.normalize;
  const lang = values.lang ?? config.normalize.lang;
  if (!NORMALIZE_LANGUAGES[lang.toLowerCase().split(/[-_]/)[0] ?? ""]) {
    throw new UsageError(`--lang: there are no normalization rules for "${lang}"; expected one of ${Object.keys(NORMALIZE_LANGUAGES).join(", ")}`);
  }
  const normalizer = createNormalizer({ lang, categories, lexicon, ...(values.phonemes ? { phonemes: "espeak" as const } : {}) });
  const enabled = config.normalize.enabled;
  const print = (line: string): void => {
    const normalized = enabled ? normalizer.normalize(line) : { written: line, spoken: line, spans: [] };
    io.stdout(values.json ? JSON.stringify(normalized) : normalized.spoken);
  };
  const decoder = new TextDecoder();
  let pending = "";
  for await (const piece of input) {
    pending += typeof piece === "string" ? piece : decoder.decode(piece, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) print(line.replace(/\r$/, ""));
  }
  pending += decoder.decode();
  if (pending !== "") print(pending.replace(/\r$/, ""));
  return 0;
}
