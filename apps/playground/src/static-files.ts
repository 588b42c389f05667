import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The page's files, next to `dist/` and `src/`. */
export const defaultPublicDir = fileURLToPath(new URL("../public/", import.meta.url));

/**
 * Page modules compiled from the server's TypeScript, so server and page share one source:
 * URL path → the compiled file (`dist/`, next to `public/`; built by `pnpm build`).
 */
const compiledPageModules: Readonly<Record<string, string>> = {
  "/js/audio-frame-codec.js": fileURLToPath(new URL("../dist/audio-frame-codec.js", import.meta.url)),
};

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
};

const securityHeaders = {
  "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/**
 * Serves GET/HEAD requests for files inside `publicDir`; "/" is index.html.
 * Anything else is 404/405, and so is a file whose real path (symlinks
 * resolved) lies outside the folder.
 */
export async function serveStatic(publicDir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") return plain(response, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    return plain(response, 400, "Bad request\n");
  }
  if (pathname.endsWith("/")) pathname += "index.html";
  const root = path.resolve(publicDir);
  const compiled = compiledPageModules[pathname];
  const file = compiled ?? path.resolve(root, `.${pathname}`);
  const type = contentTypes[path.extname(file)];
  if ((!compiled && !file.startsWith(root + path.sep)) || pathname.includes("\0") || !type) return plain(response, 404, "Not found\n");
  // A compiled module is ours (dist/); anything else must really lie inside public/.
  const real = compiled ?? (await realPathInside(root, file));
  const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || !info?.isFile()) return plain(response, 404, "Not found\n");
  response.writeHead(200, { "Content-Type": type, "Content-Length": info.size, ...securityHeaders });
  if (request.method === "HEAD") return void response.end();
  createReadStream(real)
    .on("error", () => response.destroy())
    .pipe(response);
}

/** `file`'s real path when it exists and lies inside `root`'s real path; undefined otherwise. */
async function realPathInside(root: string, file: string): Promise<string | undefined> {
  const [realRoot, realFile] = await Promise.all([realpath(root).catch(() => undefined), realpath(file).catch(() => undefined)]);
  if (realRoot === undefined || realFile === undefined) return undefined;
  return realFile.startsWith(realRoot + path.sep) ? realFile : undefined;
}

function plain(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...securityHeaders, ...headers });
  response.end(body);
}
