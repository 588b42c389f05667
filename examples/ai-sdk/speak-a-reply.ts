// Speaks a language model's reply while it is still being written:
// streamText's text stream → voxpipe's speech model (segmenter + eSpeak NG) →
// a WAV file that grows as the audio arrives. Run: pnpm --filter @voxpipe/example-ai-sdk start
import { createWriteStream } from "node:fs";
import { experimental_streamSpeech as streamSpeech, streamText } from "ai";
import { createVoxpipe } from "@voxpipe/ai-sdk";
import { standInModel } from "./stand-in-language-model.js";

const out = process.argv[2] ?? "reply.wav";
// The same settings as a voxpipe.config.yaml; or createVoxpipe({ configFile: "voxpipe.config.yaml" }).
const voxpipe = createVoxpipe({ config: { tts: { use: "@voxpipe/tts-espeak", options: { voice: "en-us" } } } });
await voxpipe.ready(); // load the voice now, so it is not counted in the time to first audio

const started = performance.now();
let textDone: number | undefined;
const reply = streamText({ model: standInModel, prompt: "Tell me a short story.", onFinish: () => void (textDone = performance.now()) });
const speech = streamSpeech({ model: voxpipe.speech(), text: reply.textStream, outputFormat: { type: "audio/wav", rate: 22050 } });

const file = createWriteStream(out);
let firstAudio: number | undefined;
let bytes = 0;
for await (const audio of speech.audioStream) {
  firstAudio ??= performance.now();
  bytes += audio.byteLength;
  file.write(audio);
}
await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
await voxpipe.dispose();

const ms = (at: number | undefined): string => (at === undefined ? "-" : `${(at - started).toFixed(0)} ms`);
console.log(`first audio after ${ms(firstAudio)}; the text ended after ${ms(textDone)}`);
console.log(`wrote ${out}: ${((bytes - 44) / 2 / 22050).toFixed(1)} s of speech, ${(await speech.usage).inputCharacters} characters`);
