import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How the echo is wrapped, so each adapter's error reader takes the whole echo as the server's message. */
export type EchoShape = "openai" | "ollama" | "gpt-sovits";

export interface EchoServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request seen, as echoed. */
  echoes: string[];
  close(): Promise<void>;
}

/**
 * A hostile test server on 127.0.0.1, port 0: it answers every request with
 * `status` and an error body that quotes the full URL, every header value on
 * its own (no names, so only the known-value masking can catch them), and the
 * headers as JSON, in the error shape the adapter reads.
 */
export async function startEchoServer(shape: EchoShape, status = 401): Promise<EchoServer> {
  const echoes: string[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const echo = echoOf(request);
      echoes.push(echo);
      const body = shape === "openai" ? { error: { message: echo, type: "invalid_request_error", code: "invalid_api_key" } } : shape === "ollama" ? { error: echo } : { message: echo };
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    echoes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function echoOf(request: IncomingMessage): string {
  // Credential-bearing headers first, so an adapter that shortens the server's message still gets them.
  const first = (name: string): number => (/auth|key|token|secret|custom/i.test(name) ? 0 : 1);
  const entries = Object.entries(request.headers).sort(([a], [b]) => first(a) - first(b));
  const values = entries.flatMap(([, value]) => (Array.isArray(value) ? value : value === undefined ? [] : [value]));
  return `you sent ${request.method} ${request.url} with ${values.join(" | ")} headers=${JSON.stringify(request.headers)}`;
}
