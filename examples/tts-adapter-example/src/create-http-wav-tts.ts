import { VoxpipeError, defaultAdapterContext, type AdapterContext, type AudioChunk, type TtsProvider, type TtsRequest } from "@voxpipe/core";
import { parseAdapterOptions } from "@voxpipe/core/adapter-kit";
import { httpWavTtsOptionsSchema, type HttpWavTtsOptions } from "./http-wav-options.js";
import { parseWav } from "./parse-wav.js";

/**
 * A TTS provider for a server that answers `GET <url>?text=…&voice=…` with a
 * whole WAV. Nothing happens until the first `synthesize`: creating one opens
 * no socket, and there is nothing to free.
 */
export function createHttpWavTts(options: HttpWavTtsOptions = {}, context: AdapterContext = defaultAdapterContext()): TtsProvider {
  // Checked as a config would be: an unknown key is an error naming it, not silently dropped.
  const settings = parseAdapterOptions("voxpipe-tts-http-wav", httpWavTtsOptionsSchema, options);
  const server = describeServer(settings.url);
  context.log("debug", `http-wav: speaking through ${server}`);
  return {
    id: "http-wav",
    voice: settings.voice ?? "server default",
    format: { sampleRate: settings.sampleRate, channels: 1 },
    // One chunk per request, once the server has rendered the whole segment; the pipeline handles both kinds.
    streaming: "whole",
    async *synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
      if (request.text.trim() === "" || request.signal?.aborted) return;
      const { url, headers } = requestTarget(settings.url);
      url.searchParams.set("text", request.text);
      const voice = request.voice ?? settings.voice;
      if (voice) url.searchParams.set("voice", voice);
      const deadline = AbortSignal.timeout(settings.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      let bytes: Uint8Array;
      try {
        const response = await fetch(url, { signal, headers });
        if (!response.ok) throw await httpError(response, server);
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        // The caller's abort is not a failure: end quietly and promptly.
        if (request.signal?.aborted) return;
        if (VoxpipeError.isInstance(error)) throw error;
        if (deadline.aborted) {
          throw new VoxpipeError({ code: "tts-timeout", stage: "tts", retryable: true, message: `http-wav: the TTS server at ${server} did not answer within ${settings.timeoutMs} ms (option \`timeoutMs\`).` });
        }
        throw new VoxpipeError({ code: "tts-unreachable", stage: "tts", retryable: true, cause: error, message: `http-wav: cannot reach the TTS server at ${server} (${networkReason(error)}). Start the server, or fix \`url\` in the tts options.` });
      }
      const wav = parseWav(bytes, server);
      if (wav.sampleRate !== settings.sampleRate || wav.channels !== 1) {
        throw new VoxpipeError({
          code: "tts-format-mismatch",
          stage: "tts",
          message: `http-wav: the TTS server at ${server} sends ${wav.sampleRate} Hz audio with ${wav.channels} channel(s), but the adapter declares ${settings.sampleRate} Hz mono. Set \`sampleRate: ${wav.sampleRate}\` in the tts options.`,
        });
      }
      if (wav.pcm.length > 0) yield { pcm: wav.pcm, sampleRate: wav.sampleRate, channels: 1 };
    },
  };
}

/** fetch refuses a URL with credentials in it: they go into a basic Authorization header instead. */
function requestTarget(raw: string): { url: URL; headers: Record<string, string> } {
  const url = new URL(raw);
  const headers: Record<string, string> = { accept: "audio/wav" };
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  return { url, headers };
}

/** The server as errors and logs name it: no credentials, no query string (either may hold a token). */
function describeServer(raw: string): string {
  const url = new URL(raw);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

async function httpError(response: Response, server: string): Promise<VoxpipeError> {
  const body = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
  const said = body ? `: ${body}` : "";
  if (response.status >= 500) {
    return new VoxpipeError({ code: "tts-server-error", stage: "tts", retryable: true, message: `http-wav: the TTS server at ${server} failed with HTTP ${response.status}${said}.` });
  }
  const hint = response.status === 404 ? " Check `url`: it should be the server's TTS endpoint, e.g. http://127.0.0.1:5500/api/tts." : " Check `voice` and the text.";
  return new VoxpipeError({ code: "tts-bad-request", stage: "tts", message: `http-wav: the TTS server at ${server} refused the request with HTTP ${response.status}${said}.${hint}` });
}

/**
 * The network error's code (ECONNREFUSED, ENOTFOUND…), which fetch keeps in
 * `cause`. Never the message itself: fetch's messages can quote the whole URL.
 */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? cause.code : "no answer";
}
