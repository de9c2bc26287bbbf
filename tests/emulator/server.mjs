// A local Braintrust API emulator for the ai_secret resource: node:http only,
// no dependencies. Listens on 127.0.0.1 on a port the OS picks.
//
//   import { startEmulator } from "./tests/emulator/server.mjs";
//   const emu = await startEmulator({ keys: ["test-key"] });   // emu.url
//
//   node tests/emulator/server.mjs --key demo-key --seed 3     (prints the URL)
//
// Semantics: every key belongs to every org (the first is its default);
// POST returns an existing secret of the same name unmodified; PUT replaces
// type and metadata and keeps the stored secret when `secret` is omitted;
// PATCH deep-merges metadata; lists are newest first (creation order, ties by
// id), with cursor pagination both ways (`starting_after`, `ending_before`)
// and filters `ids` (repeated), `ai_secret_name`, `ai_secret_type`
// (repeated) and `org_name`; an unknown id is 404; both cursors are 400.
// Every /v1 request is checked against the official spec (spec-check.mjs).
//
// Control API (no auth, not logged) under /_emulator/:
//   POST /_emulator/reset     {keys?, orgs?}  fresh store, empty log and script
//   GET  /_emulator/requests  the request log: method, path, query, headers, body
//   POST /_emulator/script    {responses: [...]}  queue scripted responses
//   GET  /_emulator/secrets   stored records, secret values included
//   POST /_emulator/seed      {count, prefix?, type?, org_name?}  create secrets quickly
//   GET  /_emulator/violations  requests that broke the official spec (see spec-check.mjs)
//   POST /_emulator/config    {latencyMs?}  delay every API response (a slow server)
//   GET  /_emulator/proxy-lookup  what the AI proxy's lookup of the org's secrets would
//                             make of them: {available, ok, failing} (proxy-lookup.mjs)
// A scripted response is used once, by the next API request it matches:
//   {match?: {method?, path?, headers?: {name: value}}, status?, headers?, body?, delayMs?,
//    drop?: true            close the connection without a response
//    hang?: true            never answer
//    stallBody?: true       send headers and part of the body, then stall
//    resetMidBody?: true    send headers and part of the body, then reset
//    bodyBytes?: n          a JSON body of about n bytes ({"pad": "xxx…"})
//    chunked?: true | n     send the body in pieces without Content-Length:
//                           16 KB ones, or n bytes each (splitting UTF-8
//                           characters) with a pause so each arrives alone
//    gzip?: true            send the body gzip-encoded (Content-Length: its
//                           compressed size, which fetch decodes)
//    afterHandling?: "drop" | "reset"  handle the request for real, then lose
//                           the response: close at once, or after a first byte}
import http from "node:http";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { Store } from "./store.mjs";
import { checkBody, UUID_RE } from "./validate.mjs";
import { SpecChecker } from "./spec-check.mjs";
import { ProxyLookup } from "./proxy-lookup.mjs";

const COLLECTION = "/v1/ai_secret";
const EXPOSED = "Retry-After, X-Request-Id";

export async function startEmulator(options = {}) {
  const emu = new Emulator(options);
  await emu.listen(options.port ?? 0);
  return emu;
}

class HttpError {
  constructor(status, text, headers = {}) {
    Object.assign(this, { status, text, headers });
  }
}

export class Emulator {
  constructor({ keys = ["test-key"], orgs = ["acme"], log = () => {}, spec = new SpecChecker(), record = true } = {}) {
    this.options = { keys, orgs };
    this.logLine = log;
    this.spec = spec;
    // The benchmark turns off the request log and spec checks, which would
    // otherwise grow without bound and cost the server CPU.
    this.record = record;
    this.reset();
    this.sockets = new Set();
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
  }

  reset({ keys, orgs } = {}) {
    if (keys) this.options.keys = keys;
    if (orgs) this.options.orgs = orgs;
    this.store = new Store(this.options);
    this.requests = [];
    this.violations = [];
    this.script = [];
    this.counter = 0;
    this.latencyMs = 0;
  }

  listen(port) {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.port = this.server.address().port;
        this.url = `http://127.0.0.1:${this.port}`;
        resolve(this);
      });
    });
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server.close(r));
  }

  /** Requests to the API (not the control API, not preflights). */
  apiRequests() {
    return this.requests.filter((r) => r.method !== "OPTIONS");
  }

  cors(req) {
    const origin = req.headers.origin;
    const h = {
      "Access-Control-Allow-Origin": origin ?? "*",
      "Access-Control-Expose-Headers": EXPOSED,
      Vary: "Origin",
    };
    if (origin) h["Access-Control-Allow-Credentials"] = "true";
    return h;
  }

  send(req, res, status, body, headers = {}) {
    const isText = typeof body === "string";
    const text = isText ? body : JSON.stringify(body);
    res.writeHead(status, {
      ...this.cors(req),
      "Content-Type": isText ? "text/plain; charset=utf-8" : "application/json",
      "X-Request-Id": `req_${++this.counter}`,
      ...headers,
    });
    res.end(text);
  }

  async handle(req, res) {
    const url = new URL(req.url, "http://x");
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString("utf8");
    try {
      if (url.pathname.startsWith("/_emulator/")) return this.control(req, res, url, raw);
      if (req.method === "OPTIONS") {
        this.requests.push({ method: "OPTIONS", path: url.pathname, query: url.search, headers: req.headers, body: "" });
        res.writeHead(204, {
          ...this.cors(req),
          "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
          "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "authorization, content-type",
          "Access-Control-Max-Age": "86400",
        });
        return res.end();
      }
      const entry = { method: req.method, path: url.pathname, query: url.search, headers: req.headers, body: raw, time: Date.now() };
      if (this.record) this.requests.push(entry);
      if (this.record && url.pathname.startsWith("/v1/")) {
        entry.violations = this.spec.check(entry);
        this.violations.push(...entry.violations);
      }
      this.logLine(`${req.method} ${url.pathname}`);
      if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
      const scripted = this.takeScript(req, url.pathname);
      if (scripted) return await this.scripted(req, res, url, raw, scripted);
      const { status, body, headers } = this.api(req, url, raw);
      this.send(req, res, status, body, headers);
    } catch (e) {
      if (e instanceof HttpError) return this.send(req, res, e.status, e.text, e.headers);
      this.send(req, res, 500, `Emulator error: ${e.message}`);
    }
  }

  takeScript(req, path) {
    const fits = (m = {}) =>
      (!m.method || m.method === req.method) &&
      (!m.path || m.path === path) &&
      Object.entries(m.headers ?? {}).every(([k, v]) => req.headers[k.toLowerCase()] === v);
    const i = this.script.findIndex((s) => fits(s.match));
    return i < 0 ? undefined : this.script.splice(i, 1)[0];
  }

  async scripted(req, res, url, raw, s) {
    if (s.delayMs) await new Promise((r) => setTimeout(r, s.delayMs));
    if (s.drop) return req.socket.destroy();
    if (s.hang) return;
    if (s.afterHandling) {
      let done;
      try {
        done = this.api(req, url, raw);
      } catch {}
      if (s.afterHandling === "reset" && done) {
        // Headers and a first byte, then a reset: the response is lost, and
        // no browser retries it on its own (it would for an empty response).
        res.writeHead(done.status, { ...this.cors(req), "Content-Type": "application/json", "Content-Length": "100000" });
        res.write("{");
        return setTimeout(() => req.socket.destroy(), 20);
      }
      return req.socket.destroy();
    }
    const body = s.bodyBytes ? { pad: "x".repeat(s.bodyBytes) } : s.body === undefined ? "" : s.body;
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const headers = {
      ...this.cors(req),
      "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
      "X-Request-Id": `req_${++this.counter}`,
      ...s.headers,
    };
    if (s.stallBody || s.resetMidBody) {
      res.writeHead(s.status ?? 200, { ...headers, "Content-Length": String(Buffer.byteLength(text) + 100) });
      res.write(text.slice(0, Math.max(1, text.length >> 1)));
      if (s.resetMidBody) setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    if (s.chunked) {
      res.writeHead(s.status ?? 200, headers);
      if (s.chunked === true) {
        for (let i = 0; i < text.length; i += 16384) res.write(text.slice(i, i + 16384));
      } else {
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length; i += s.chunked) {
          res.write(bytes.subarray(i, i + s.chunked));
          await new Promise((r) => setTimeout(r, 2));
        }
      }
      return res.end();
    }
    const sent = s.gzip ? gzipSync(text) : text;
    if (s.gzip) headers["Content-Encoding"] = "gzip";
    res.writeHead(s.status ?? 200, { ...headers, "Content-Length": String(Buffer.byteLength(sent)) });
    res.end(sent);
  }

  control(req, res, url, raw) {
    const body = raw ? JSON.parse(raw) : {};
    const ok = (b) => this.send(req, res, 200, b);
    switch (`${req.method} ${url.pathname}`) {
      case "POST /_emulator/reset":
        this.reset(body);
        return ok({ ok: true });
      case "GET /_emulator/requests":
        return ok(this.requests);
      case "POST /_emulator/script":
        this.script.push(...(body.responses ?? []));
        return ok({ queued: this.script.length });
      case "POST /_emulator/config":
        if (body.latencyMs !== undefined) this.latencyMs = body.latencyMs;
        return ok({ latencyMs: this.latencyMs });
      case "GET /_emulator/violations":
        return ok({ checked: this.spec.available, skipReason: this.spec.skipReason ?? null, violations: this.violations });
      case "GET /_emulator/secrets":
        return ok([...this.store.secrets.values()]);
      case "GET /_emulator/proxy-lookup":
        this.lookup ??= new ProxyLookup();
        return ok(this.lookup.run([...this.store.secrets.values()]));
      case "POST /_emulator/seed": {
        const key = this.options.keys[0];
        const user = this.store.user(key);
        const org = this.store.org(body.org_name ?? null);
        const made = [];
        for (let i = 0; i < (body.count ?? 1); i++) {
          made.push(this.store.view(this.store.create(org, user, { name: `${body.prefix ?? "seed"}-${i}`, type: body.type ?? "openai", secret: `sk-seed-value-${i}-0000`, metadata: null })));
        }
        return ok(made);
      }
      default:
        return this.send(req, res, 404, "Unknown control endpoint");
    }
  }

  /** The real API: returns {status, body, headers} or throws HttpError. */
  api(req, url, raw) {
    const auth = req.headers.authorization ?? "";
    const key = auth.startsWith("Bearer ") ? auth.slice(7) : null;
    const user = key && this.store.user(key);
    if (!user) throw new HttpError(401, "Invalid API key");

    const parts = url.pathname.split("/");
    const id = parts.length === 4 ? decodeURIComponent(parts[3]) : null;
    if (url.pathname !== COLLECTION && !(parts.length === 4 && `/${parts[1]}/${parts[2]}` === COLLECTION)) {
      throw new HttpError(404, `No route for ${req.method} ${url.pathname}`);
    }
    const json = () => {
      if (!raw) return {};
      try {
        return JSON.parse(raw);
      } catch {
        throw new HttpError(400, "Request body is not valid JSON");
      }
    };
    const checked = (schema) => {
      const b = json();
      const problem = checkBody(schema, b);
      if (problem) throw new HttpError(400, problem);
      return b;
    };
    const orgOf = (name) => {
      const org = this.store.org(name);
      if (typeof org === "string") throw new HttpError(403, org);
      return org;
    };
    const ok = (r) => ({ status: 200, body: this.store.view(r) });

    if (id === null) {
      switch (req.method) {
        case "POST": {
          const b = checked("CreateAISecret");
          return ok(this.store.create(orgOf(b.org_name), user, b));
        }
        case "PUT": {
          const b = checked("CreateAISecret");
          return ok(this.store.replace(orgOf(b.org_name), user, b));
        }
        case "DELETE": {
          const b = checked("DeleteAISecret");
          const r = this.store.findByName(orgOf(b.org_name).id, b.name);
          if (!r) throw new HttpError(404, `AI secret '${b.name}' not found`);
          return ok(this.store.delete(r));
        }
        case "GET":
          return { status: 200, body: this.list(url.searchParams) };
        default:
          throw new HttpError(405, `Method ${req.method} not allowed`);
      }
    }
    if (!UUID_RE.test(id)) throw new HttpError(400, "ai_secret_id must be a uuid");
    const r = this.store.secrets.get(id);
    if (!r) throw new HttpError(404, `AI secret ${id} not found`);
    switch (req.method) {
      case "GET":
        return ok(r);
      case "PATCH":
        return ok(this.store.patch(r, user, checked("PatchAISecret")));
      case "DELETE":
        return ok(this.store.delete(r));
      default:
        throw new HttpError(405, `Method ${req.method} not allowed`);
    }
  }

  /** GET /v1/ai_secret: newest first; cursors, filters and limit. */
  list(q) {
    const after = q.get("starting_after");
    const before = q.get("ending_before");
    if (after && before) throw new HttpError(400, "Only one of starting_after and ending_before may be given");
    for (const c of [after, before]) if (c && !UUID_RE.test(c)) throw new HttpError(400, "Pagination cursors must be uuids");
    const limitRaw = q.get("limit");
    const limit = limitRaw === null ? null : Number(limitRaw);
    if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) throw new HttpError(400, "limit must be a non-negative integer");
    const ids = q.getAll("ids");
    const types = q.getAll("ai_secret_type");
    const name = q.get("ai_secret_name");
    const org = this.store.org(q.get("org_name"));
    if (typeof org === "string") throw new HttpError(403, org);
    let rows = this.store.sorted(org.id).filter(
      (r) => (ids.length === 0 || ids.includes(r.id)) && (types.length === 0 || types.includes(r.type)) && (name === null || r.name === name),
    );
    const position = (cursor) => {
      const i = rows.findIndex((r) => r.id === cursor);
      if (i < 0) throw new HttpError(400, `Unknown pagination cursor ${cursor}`);
      return i;
    };
    if (after) rows = rows.slice(position(after) + 1);
    if (before) {
      rows = rows.slice(0, position(before));
      if (limit !== null) rows = rows.slice(Math.max(0, rows.length - limit));
    }
    if (limit !== null) rows = rows.slice(0, limit);
    return { objects: rows.map((r) => this.store.view(r)) };
  }
}

// CLI: node tests/emulator/server.mjs [--port N] [--key K]... [--seed N] [--no-record]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const keys = [];
  let port = 0;
  let seed = 0;
  let record = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--no-record") record = false;
    if (args[i] === "--key") keys.push(args[++i]);
    else if (args[i] === "--port") port = Number(args[++i]);
    else if (args[i] === "--seed") seed = Number(args[++i]);
  }
  const emu = await startEmulator({ keys: keys.length ? keys : ["test-key"], port, record });
  if (seed) {
    const user = emu.store.user(emu.options.keys[0]);
    const providers = ["openai", "anthropic", "google", "mistral", "groq"];
    for (let i = 0; i < seed; i++) {
      emu.store.create(emu.store.orgs[0], user, { name: `${providers[i % providers.length]}-demo-${i + 1}`, type: providers[i % providers.length], secret: `sk-demo-${i + 1}-${"x".repeat(24)}`, metadata: { env: "demo" } });
    }
  }
  console.log(`EMULATOR_URL=${emu.url}`);
  process.on("SIGTERM", () => emu.close().then(() => process.exit(0)));
  process.on("SIGINT", () => emu.close().then(() => process.exit(0)));
}
