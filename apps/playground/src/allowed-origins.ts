import { networkInterfaces } from "node:os";

const loopbackNames = ["127.0.0.1", "localhost", "[::1]"];
const wildcardHosts = new Set(["0.0.0.0", "::", "[::]"]);

/** Puts an IPv6 address in brackets, as it appears in a URL. */
export function urlHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host.startsWith("127.") || host === "::1" || host === "[::1]";
}

/**
 * The origins whose pages may open the WebSocket: the server's own address
 * and port only. A loopback bind also accepts the other loopback names; a
 * wildcard bind (0.0.0.0, ::) accepts this machine's interface addresses.
 * Comparing against a fixed list, never the request's Host header, also
 * defeats DNS rebinding (evil.example resolving to 127.0.0.1).
 */
export function allowedOrigins(host: string, port: number, extra: readonly string[] = []): Set<string> {
  const hosts = new Set<string>([urlHost(host)]);
  if (isLoopback(host) || wildcardHosts.has(host)) for (const name of loopbackNames) hosts.add(name);
  if (wildcardHosts.has(host)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) hosts.add(urlHost(address.address));
    }
  }
  const origins = new Set<string>(extra.map((origin) => origin.toLowerCase()));
  for (const name of hosts) {
    origins.add(`http://${name}:${port}`.toLowerCase());
    // Browsers leave the default port out of the Origin header.
    if (port === 80) origins.add(`http://${name}`.toLowerCase());
  }
  return origins;
}

/** True when an upgrade with this Origin header may proceed. Requests without one (not from a browser) are allowed. */
export function isOriginAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  return allowed.has(origin.toLowerCase());
}
