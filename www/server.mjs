// Serves the dashboard on 127.0.0.1: www/ at /, the built package at /pkg/,
// /config.json (defaults for the page) and /proxy/* — a keyless-proxy
// backend that adds the API key server-side, so the page never holds it.
import http from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml" };
const SECURITY = {
  "Content-Security-Policy": "default-src 'self'; connect-src 'self' http://127.0.0.1:* http://localhost:* https:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/**
 * upstream: the API base URL (the emulator, or a real server).
 * proxyKey: the key the proxy adds (never sent to the page).
 * demoKey: the local emulator's demo key, which the page fills in (only
 *   ever the emulator's: a real key is never handed to the page).
 */
export async function startDashboard({ upstream, proxyKey, port = 0, hint, demoKey } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    try {
      if (url.pathname === "/config.json") {
        const origin = `http://${req.headers.host}`;
        return send(res, 200, TYPES[".json"], JSON.stringify({ baseURL: upstream, proxyURL: `${origin}/proxy`, hint, demoKey }));
      }
      if (url.pathname.startsWith("/proxy/")) return proxy(req, res, url);
      const [base, rel] = url.pathname.startsWith("/pkg/") ? [join(root, "pkg"), url.pathname.slice(5)] : [join(root, "www"), url.pathname === "/" ? "index.html" : url.pathname.slice(1)];
      const file = normalize(join(base, decodeURIComponent(rel)));
      if (!file.startsWith(base) || rel.endsWith(".mjs")) return send(res, 404, "text/plain", "not found");
      return send(res, 200, TYPES[extname(file)] ?? "application/octet-stream", await readFile(file));
    } catch {
      send(res, 404, "text/plain", "not found");
    }
  });

  async function proxy(req, res, url) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const target = `${upstream.replace(/\/$/, "")}/${url.pathname.slice("/proxy/".length)}${url.search}`;
    const headers = { "content-type": req.headers["content-type"] ?? "application/json" };
    if (proxyKey) headers.authorization = `Bearer ${proxyKey}`;
    try {
      const r = await fetch(target, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method) ? undefined : Buffer.concat(chunks) });
      const out = { "content-type": r.headers.get("content-type") ?? "text/plain" };
      for (const h of ["retry-after", "x-request-id", "x-should-retry"]) if (r.headers.has(h)) out[h] = r.headers.get(h);
      res.writeHead(r.status, out);
      res.end(Buffer.from(await r.arrayBuffer()));
    } catch {
      send(res, 502, "text/plain", "The proxy could not reach the API");
    }
  }

  function send(res, status, type, body) {
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...SECURITY });
    res.end(body);
  }

  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}
