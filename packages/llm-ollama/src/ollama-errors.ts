import type { VoxpipeError } from "@voxpipe/core";
import { adapterError, networkCode, parseRetryAfter, shortenText, type Redactor, type StreamTimeoutKind } from "@voxpipe/core/adapter-kit";

/** Builds the adapter's classified errors for one Ollama server and model; names the URL and the model, with every secret masked by the adapter's redactor. */
export class OllamaErrors {
  readonly baseUrl: string;
  readonly model: string;
  readonly #secrets: Redactor;
  readonly #headers: Record<string, string>;
  /** The real server URL (credentials included), for listing models; `baseUrl` is the masked one for messages. */
  readonly #url: string;

  constructor(baseUrl: string, model: string, secrets: Redactor, headers: Record<string, string>) {
    this.baseUrl = secrets.redact(baseUrl);
    this.#url = baseUrl;
    this.model = model;
    this.#secrets = secrets;
    this.#headers = headers;
  }

  /** The request never got an answer: refused, unknown host, reset before the status line. */
  unreachable(cause: unknown): VoxpipeError {
    const detail = networkCode(cause);
    return adapterError("llm", "llm-unreachable", `Cannot reach Ollama at ${this.baseUrl}${detail ? ` (${detail})` : ""}. Start it with \`ollama serve\`, or set \`host\` (or OLLAMA_HOST) to where it runs.`, this.#secrets, { cause });
  }

  /** A non-2xx answer, classified by status; for a 404 on `/api/chat`, lists the models the server has. */
  async fromResponse(response: Response, path: string): Promise<VoxpipeError> {
    const status = response.status;
    const text = await response.text().catch(() => "");
    const said = serverSaid(text);
    const where = `Ollama at ${this.baseUrl}`;
    const retryAfterMs = parseRetryAfter(response.headers);
    const cause = { status, body: shortenText(text) };
    if (status === 401 || status === 403) {
      return adapterError("llm", "llm-auth", `${where} refused the request (${status}${said ? `: ${said}` : ""}). Set \`apiKey\` (or OLLAMA_API_KEY), or the header your proxy expects in \`headers\`.`, this.#secrets, { cause });
    }
    if (status === 404 && path.endsWith("/api/chat")) {
      const models = await this.localModels();
      const listing = models === undefined ? "" : models.length === 0 ? " The server has no models yet." : ` Models on the server: ${models.join(", ")}.`;
      return adapterError("llm", "llm-model-not-found", `${where} has no model "${this.model}"${said ? ` (${said})` : ""}. Pull it with \`ollama pull ${this.model}\`, or set \`model\` to one the server has.${listing}`, this.#secrets, { cause });
    }
    if (status === 404) {
      return adapterError("llm", "llm-unreachable", `${this.baseUrl}${path} answered 404: is ${this.baseUrl} an Ollama server? Check \`host\`.`, this.#secrets, { cause });
    }
    if (status === 429) {
      return adapterError("llm", "llm-rate-limited", `${where} is rate limiting requests (429${said ? `: ${said}` : ""})${retryAfterMs === undefined ? "" : `; it asks to wait ${retryAfterMs} ms`}.`, this.#secrets, { cause, retryAfterMs });
    }
    if (status >= 500) {
      return adapterError("llm", "llm-server-error", `${where} failed with ${status}${said ? `: ${said}` : ""}. Check the server's log (\`journalctl -u ollama\` or the \`ollama serve\` output).`, this.#secrets, { cause, retryAfterMs });
    }
    return adapterError("llm", "llm-bad-request", `${where} rejected the request for model "${this.model}" (${status}${said ? `: ${said}` : ""}). Check the adapter options (thinking, modelOptions, keepAlive).`, this.#secrets, { cause });
  }

  /** A line of the NDJSON stream that is not a JSON object. */
  malformed(line: string): VoxpipeError {
    return adapterError("llm", "llm-malformed-chunk", `Ollama at ${this.baseUrl} sent a line that is not a JSON object: ${JSON.stringify(shortenText(line, 80))}. Is \`host\` an Ollama server (not a proxy answering with HTML)?`, this.#secrets);
  }

  /** An `{"error": …}` line in the middle of the stream. */
  inStream(message: string): VoxpipeError {
    return adapterError("llm", "llm-server-error", `Ollama at ${this.baseUrl} reported an error while generating with "${this.model}": ${shortenText(message)}`, this.#secrets);
  }

  /** The connection closed before the final `done` line. */
  dropped(cause: unknown, deliveredChars: number): VoxpipeError {
    const when = deliveredChars > 0 ? `after ${deliveredChars} characters (the text so far was delivered)` : "before the reply started";
    return adapterError("llm", "llm-stream-dropped", `The connection to Ollama at ${this.baseUrl} closed ${when}.`, this.#secrets, { cause });
  }

  /** One of the three timeouts passed. */
  timeout(kind: StreamTimeoutKind, limitMs: number): VoxpipeError {
    const messages: Record<StreamTimeoutKind, string> = {
      "connect": `connect timeout: Ollama at ${this.baseUrl} did not answer within connectTimeoutMs (${limitMs} ms). Check that the server is up and reachable, or raise connectTimeoutMs.`,
      "first-token": `first-token timeout: Ollama at ${this.baseUrl} sent no token for "${this.model}" within firstTokenTimeoutMs (${limitMs} ms). Loading a large model can take that long: raise firstTokenTimeoutMs, or keep the model loaded with keepAlive.`,
      "idle": `idle timeout: Ollama at ${this.baseUrl} sent nothing for idleTimeoutMs (${limitMs} ms) in the middle of the reply. Raise idleTimeoutMs if the server is just slow.`,
    };
    return adapterError("llm", "llm-timeout", messages[kind], this.#secrets);
  }

  /** Names of the models on the server (`/api/tags`), or undefined when they cannot be listed quickly. */
  async localModels(): Promise<string[] | undefined> {
    try {
      const response = await fetch(`${this.#url}/api/tags`, { headers: this.#headers, signal: AbortSignal.timeout(2_000) });
      if (!response.ok) return undefined;
      const body = (await response.json()) as { models?: { name?: unknown }[] };
      return (body.models ?? []).map((model) => String(model.name)).slice(0, 20);
    } catch {
      return undefined;
    }
  }
}

function serverSaid(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === "string") return shortenText(body.error);
  } catch {
    // not JSON: fall through
  }
  return shortenText(text, 120);
}
