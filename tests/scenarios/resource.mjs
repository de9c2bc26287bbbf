// The ai_secret resource end to end, written once and run in Node and in
// headless Chromium (tests/node/resource.test.mjs). Only web APIs are used:
// the emulator is driven and observed through its control API over fetch.
// Each scenario resets the emulator, so they run one at a time.
import { check, equal, errorOf } from "./assert.mjs";

async function rejects(promise, Cls, message) {
  try {
    await promise;
  } catch (e) {
    check(e instanceof Cls, `${message}: expected ${Cls.name}, got ${e && e.name}: ${e && e.message}`);
    return e;
  }
  throw new Error(`assertion failed: ${message}: expected ${Cls.name}, got success`);
}

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export function makeContext(m, emuUrl, refused) {
  const control = async (method, path, body) => {
    const r = await fetch(`${emuUrl}/_emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return r.json();
  };
  return {
    m,
    refused,
    config: (c) => control("POST", "config", c),
    secrets: () => control("GET", "secrets"),
    client: (opts = {}) => new m.BraintrustClient({ apiKey: "test-key", baseURL: emuUrl, ...opts }),
    reset: () => control("POST", "reset", {}),
    seed: (count, extra = {}) => control("POST", "seed", { count, ...extra }),
    script: (...responses) => control("POST", "script", { responses }),
    requests: async () => (await control("GET", "requests")).filter((r) => r.method !== "OPTIONS"),
    stored: async (name) => (await control("GET", "secrets")).find((s) => s.name === name),
    violations: () => control("GET", "violations"),
    proxyLookup: () => control("GET", "proxy-lookup"),
  };
}

export const scenarios = {
  async "replace: PUT creates, then replaces; an omitted secret is kept and null clears it"({ client, stored, requests }) {
    const c = client();
    const made = await c.replaceAiSecret({ name: "rotating", type: "openai", secret: "sk-first-value-000001", metadata: { v: 1 } });
    equal((await stored("rotating")).secret, "sk-first-value-000001", "stored on create");
    const kept = await c.replaceAiSecret({ name: "rotating", type: "anthropic" });
    equal(kept.id, made.id, "same object");
    equal(kept.type, "anthropic", "type replaced");
    equal(kept.metadata, null, "replace drops what was not given");
    equal((await stored("rotating")).secret, "sk-first-value-000001", "omitted secret kept");
    await c.replaceAiSecret({ name: "rotating", secret: null });
    equal((await stored("rotating")).secret, null, "null secret cleared");
    const bodies = (await requests()).map((r) => JSON.parse(r.body));
    check(!("secret" in bodies[1]), "omitted stays omitted on the wire");
    check("secret" in bodies[2] && bodies[2].secret === null, "null is sent as null");
    equal((await requests()).map((r) => r.method), ["PUT", "PUT", "PUT"], "methods");
  },

  async "text of every shape crosses into wasm intact: non-ASCII first, surrogate pairs, long; lone surrogates are refused"({ client, requests, script, m }) {
    const names = ["é", "😀", "a😀", "日本語", "x".repeat(2000) + "é€😀".repeat(300) + "z", "😀".repeat(3) + "x"];
    const c = client();
    for (const name of names) {
      const secret = `sk-${name}`;
      await c.createAiSecret({ name, type: "openai", secret, metadata: { name, secret: [name] } });
      const sent = JSON.parse((await requests()).at(-1).body);
      equal([sent.name, sent.secret, sent.metadata], [name, secret, { name, secret: [name] }], `sent ${name.length} units`);
      equal((await c.listAiSecrets({ ai_secret_name: name })).objects.length, 1, `list by ${name.length} units`);
      check((await requests()).at(-1).query === `?ai_secret_name=${encodeURIComponent(name)}`, `query of ${name.length} units`);
    }
    // A lone surrogate has no UTF-8 form: sending it replaced by U+FFFD would
    // send other text than the caller gave, so it is refused, with its path.
    const before = (await requests()).length;
    for (const [params, field] of [
      [{ name: "a\ud800b" }, "name"],
      [{ name: "n", secret: "\udc00" }, "secret"],
      [{ name: "n", metadata: { note: ["x\ud800"] } }, "metadata.note[0]"],
    ]) {
      const e = await rejects(c.createAiSecret(params), m.ValidationError, field);
      equal([e.field, /not valid Unicode/.test(e.message)], [field, true], `lone surrogate in ${field}`);
    }
    equal((await rejects(c.listAiSecrets({ ai_secret_name: "\udc00" }), m.ValidationError, "query")).field, "ai_secret_name", "query field");
    equal((await requests()).length, before, "nothing sent");
    // Response text crosses too: an error body goes through the redactor.
    const text = "名前 is bad 😀 é";
    await script({ status: 400, body: text });
    const e = await rejects(c.createAiSecret({ name: "n", type: "openai" }), m.BadRequestError, "400");
    equal([e.body, e.message.includes(text)], [text, true], "error body");
  },

  async "get: by id; unknown id is NotFoundError; a non-uuid id sends nothing"({ client, requests, m }) {
    const c = client();
    const made = await c.createAiSecret({ name: "g", type: "openai" });
    equal(await c.getAiSecret(made.id), made, "same object");
    const nf = await rejects(c.getAiSecret(UNKNOWN_ID), m.NotFoundError, "unknown id");
    equal([nf.status, nf.attempts, nf.mayHaveSucceeded], [404, 1, false], "404 details");
    for (const bad of ["not-a-uuid", "../../v1/ai_secret", "", 42, null, UNKNOWN_ID.toUpperCase() + "0"]) {
      const e = await rejects(c.getAiSecret(bad), m.ValidationError, `id ${bad}`);
      equal(e.field, "id", "field");
    }
    equal((await requests()).length, 3, "create, get, get-unknown");
    const paths = (await requests()).map((r) => r.path);
    equal(paths[1], `/v1/ai_secret/${made.id}`, "get path");
  },

  async "update: PATCH merges metadata; omitted and null secret stay distinct"({ client, stored, requests, m }) {
    const c = client();
    const made = await c.createAiSecret({ name: "p", type: "openai", secret: "sk-patch-value-000001", metadata: { a: 1, nested: { x: 1 } } });
    const u1 = await c.updateAiSecret(made.id, { metadata: { b: 2, nested: { y: 2 } } });
    equal(u1.metadata, { a: 1, nested: { x: 1, y: 2 }, b: 2 }, "deep merge");
    equal((await stored("p")).secret, "sk-patch-value-000001", "omitted secret kept");
    await c.updateAiSecret(made.id, { secret: null });
    equal((await stored("p")).secret, null, "null secret sent");
    const u3 = await c.updateAiSecret(made.id, { name: "p2", type: "azure", secret: "sk-rotated-value-0002" });
    equal([u3.name, u3.type], ["p2", "azure"], "renamed");
    equal((await stored("p2")).secret, "sk-rotated-value-0002", "rotated");
    const bodies = (await requests()).filter((r) => r.method === "PATCH").map((r) => r.body);
    equal(bodies[0], JSON.stringify({ metadata: { b: 2, nested: { y: 2 } } }), "only metadata");
    equal(bodies[1], JSON.stringify({ secret: null }), "only a null secret");
    await rejects(c.updateAiSecret(UNKNOWN_ID, { type: "x" }), m.NotFoundError, "unknown id");
    const before = (await requests()).length;
    equal((await rejects(c.updateAiSecret("nope", { type: "x" }), m.ValidationError, "bad id")).field, "id", "id field");
    equal((await rejects(c.updateAiSecret(made.id, { org_name: "x" }), m.ValidationError, "unknown patch key")).field, "org_name", "org_name field");
    equal((await rejects(c.updateAiSecret(made.id, { name: "" }), m.ValidationError, "empty name")).field, "name", "name field");
    equal((await requests()).length, before, "nothing sent");
  },

  async "delete: by id returns the deleted object; a second delete is NotFoundError"({ client, requests, m }) {
    const c = client();
    const made = await c.createAiSecret({ name: "d", type: "openai" });
    const gone = await c.deleteAiSecret(made.id);
    equal(gone.id, made.id, "returns the deleted object");
    await rejects(c.getAiSecret(made.id), m.NotFoundError, "gone");
    const again = await rejects(c.deleteAiSecret(made.id), m.NotFoundError, "second delete");
    equal(again.mayHaveSucceeded, false, "no earlier attempt");
    const before = (await requests()).length;
    await rejects(c.deleteAiSecret("x"), m.ValidationError, "bad id");
    equal((await requests()).length, before, "nothing sent");
  },

  async "deleteByName: DELETE with a JSON body; returns the deleted object"({ client, requests, m }) {
    const c = client({ orgName: "acme" });
    const made = await c.createAiSecret({ name: "byname" });
    const gone = await c.deleteAiSecretByName({ name: "byname" });
    equal(gone.id, made.id, "deleted object");
    const del = (await requests()).find((r) => r.method === "DELETE");
    equal([del.path, del.body], ["/v1/ai_secret", JSON.stringify({ name: "byname", org_name: "acme" })], "wire");
    await rejects(c.deleteAiSecretByName({ name: "byname" }), m.NotFoundError, "already gone");
    const before = (await requests()).length;
    equal((await rejects(c.deleteAiSecretByName({}), m.ValidationError, "no name")).field, "name", "field");
    equal((await rejects(c.deleteAiSecretByName({ name: "n", secret: "x" }), m.ValidationError, "extra key")).field, "secret", "field");
    equal((await requests()).length, before, "nothing sent");
  },

  async "list: filters, repeated ids and types, encoding, both cursor directions"({ client, requests, seed, m }) {
    const c = client();
    const made = await seed(10, { prefix: "l" }); // l-0 … l-9, l-9 newest
    const all = await c.listAiSecrets();
    equal(all.objects.map((s) => s.name), made.map((s) => s.name).reverse(), "newest first");
    const ids = [made[1].id, made[3].id];
    const byIds = await c.listAiSecrets({ ids });
    equal(byIds.objects.map((s) => s.id).sort(), [...ids].sort(), "ids filter");
    equal((await c.listAiSecrets({ ids: made[2].id })).objects.map((s) => s.id), [made[2].id], "one id");
    await c.createAiSecret({ name: "a b&c=d/é", type: "anthropic" });
    equal((await c.listAiSecrets({ ai_secret_name: "a b&c=d/é" })).objects.length, 1, "name filter, encoded");
    equal((await c.listAiSecrets({ ai_secret_type: ["anthropic", "nope"] })).objects.length, 1, "type array filter");
    equal((await c.listAiSecrets({ ai_secret_type: "openai", limit: 3 })).objects.length, 3, "type + limit");
    const log = await requests();
    const idsQuery = log.find((r) => r.query.includes("ids="));
    equal(idsQuery.query, `?ids=${ids[0]}&ids=${ids[1]}`, "ids repeated, not comma-joined");
    check(log.some((r) => r.query === "?ai_secret_name=a%20b%26c%3Dd%2F%C3%A9"), "name percent-encoded");
    check(log.some((r) => r.query === "?ai_secret_type=anthropic&ai_secret_type=nope"), "types repeated");
    // pages forward then back
    const p1 = await c.listAiSecrets({ limit: 4 });
    const p2 = await c.listAiSecrets({ limit: 4, starting_after: p1.objects[3].id });
    const back = await c.listAiSecrets({ limit: 4, ending_before: p2.objects[0].id });
    equal(back.objects.map((s) => s.id), p1.objects.map((s) => s.id), "ending_before returns the previous page");
    const before = (await requests()).length;
    equal((await rejects(c.listAiSecrets({ starting_after: made[0].id, ending_before: made[1].id }), m.ValidationError, "both cursors")).field, "ending_before", "field");
    equal((await rejects(c.listAiSecrets({ starting_after: "x" }), m.ValidationError, "bad cursor")).field, "starting_after", "field");
    equal((await rejects(c.listAiSecrets({ ids: ["nope"] }), m.ValidationError, "bad ids")).field, "ids", "field");
    equal((await rejects(c.listAiSecrets({ limit: -1 }), m.ValidationError, "limit")).field, "limit", "field");
    equal((await rejects(c.listAiSecrets({ limt: 1 }), m.ValidationError, "typo")).field, "limt", "field");
    equal((await requests()).length, before, "nothing sent");
  },

  async "iterate: 250 secrets with limit 7 visit each once in ceil(250/7) requests"({ client, requests, seed }) {
    await seed(250);
    const seen = new Set();
    let n = 0;
    for await (const s of client().iterAiSecrets({ limit: 7 })) {
      seen.add(s.id);
      n++;
    }
    equal([n, seen.size], [250, 250], "each exactly once");
    const lists = (await requests()).filter((r) => r.method === "GET");
    equal(lists.length, Math.ceil(250 / 7), "requests");
    check(lists.slice(1).every((r) => r.query.startsWith("?limit=7&starting_after=")), "follows starting_after");
  },

  async "iterate: break after 10 items makes exactly 2 requests"({ client, requests, seed }) {
    await seed(30);
    let n = 0;
    for await (const s of client().iterAiSecrets({ limit: 7 })) {
      void s;
      if (++n === 10) break;
    }
    equal((await requests()).length, 2, "requests");
  },

  async "iterate: an error on a later page surfaces from the iteration"({ client, seed, script, m }) {
    await seed(10);
    const c = client({ maxRetries: 0 });
    const got = [];
    const e = await rejects(
      (async () => {
        let first = true;
        for await (const s of c.iterAiSecrets({ limit: 7 })) {
          got.push(s.id);
          if (first) {
            first = false;
            await script({ match: { method: "GET" }, status: 500, body: "page two failed" });
          }
        }
      })(),
      m.InternalServerError,
      "page two",
    );
    equal([got.length, e.status], [7, 500], "first page delivered, then the error");
  },

  async "drop-in: client.aiSecrets.* gives the same results as the native names"({ client, seed }) {
    await seed(9);
    const c = client();
    const made = await c.aiSecrets.create({ name: "alias", type: "openai" });
    equal(await c.aiSecrets.retrieve(made.id), await c.getAiSecret(made.id), "retrieve");
    equal((await c.aiSecrets.update(made.id, { type: "azure" })).type, "azure", "update");
    equal((await c.aiSecrets.replace({ name: "alias", type: "groq" })).type, "groq", "replace");
    equal(await c.aiSecrets.list({ limit: 4 }), await c.listAiSecrets({ limit: 4 }), "await list = first page");
    const viaAlias = [];
    for await (const s of c.aiSecrets.list({ limit: 4 })) viaAlias.push(s.id);
    const native = [];
    for await (const s of c.iterAiSecrets({ limit: 4 })) native.push(s.id);
    equal(viaAlias, native, "for await list = iterAiSecrets");
    equal(viaAlias.length, 10, "all items");
    equal((await c.aiSecrets.delete(made.id)).id, made.id, "delete");
    const other = await c.aiSecrets.create({ name: "alias2" });
    equal((await c.aiSecrets.findAndDelete({ name: "alias2" })).id, other.id, "findAndDelete");
  },

  async "the official page API: getPaginatedItems, hasNextPage, getNextPage, iterPages; update with no body; APIError.error"({ client, seed, requests, m }) {
    await seed(5);
    const c = client();
    const page = await c.aiSecrets.list({ limit: 2 });
    equal([page.getPaginatedItems().length, page.hasNextPage()], [2, true], "first page");
    const next = await page.getNextPage();
    check(next.objects[0].id !== page.objects[0].id, "the next page moves on");
    check((await requests()).at(-1).query.includes(`starting_after=${page.objects[1].id}`), "by starting_after");
    const sizes = [];
    for await (const p of page.iterPages()) sizes.push(p.objects.length);
    equal(sizes, [2, 2, 1, 0], "every page, then the empty one that ends it");
    const names = [];
    for await (const s of page) names.push(s.name);
    equal(names.length, 5, "for await over a page: every item from there on");
    const back = await c.aiSecrets.list({ limit: 2, ending_before: next.objects[0].id });
    equal(back.nextPageInfo(), { params: { ending_before: back.objects[0].id } }, "backwards");
    const last = await c.aiSecrets.list({ limit: 10 });
    check(!(await last.getNextPage()).hasNextPage(), "an empty page has no next one");
    const empty = await c.aiSecrets.list({ ai_secret_name: "none" });
    const e = await errorOf(() => empty.getNextPage());
    check(e instanceof m.BraintrustError && /hasNextPage/.test(e.message), `${e}`);
    const updated = await c.aiSecrets.update(page.objects[0].id);
    equal([updated.id, (await requests()).at(-1).body], [page.objects[0].id, "{}"], "update(id) sends {}");
    const nf = await errorOf(() => c.getAiSecret("00000000-0000-4000-8000-000000000000"));
    check(nf instanceof m.NotFoundError && nf.error === nf.body && nf.error !== undefined, "APIError.error is the parsed body");
  },

  async "calls return the official APIPromise: asResponse() (body unread), withResponse(), and awaiting gives the result"({ client, m }) {
    const c = client();
    const p = c.createAiSecret({ name: "api-promise", type: "openai", secret: "sk-api-promise-0001" });
    check(p instanceof Promise && typeof p.asResponse === "function" && typeof p.withResponse === "function", "an APIPromise");
    const made = await p;
    equal(made.name, "api-promise", "awaited: the result");
    const res = await c.getAiSecret(made.id).asResponse();
    check(res instanceof Response && res.status === 200 && !res.bodyUsed, "a Response, body unread");
    check(/json/.test(res.headers.get("content-type")), "its headers");
    const body = await res.json();
    check(body.id === made.id && !JSON.stringify(body).includes("sk-api-promise-0001"), "the checked body, no secret");
    const { data, response } = await c.listAiSecrets({ limit: 1 }).withResponse();
    check(data.objects.length === 1 && response.status === 200, "withResponse: data and response");
    const e = await errorOf(() => c.getAiSecret("00000000-0000-4000-8000-000000000000").asResponse());
    check(e instanceof m.NotFoundError, `asResponse of an error rejects with it: ${e}`);
    const v = await errorOf(() => c.createAiSecret({ name: 5 }).withResponse());
    check(v instanceof m.ValidationError, `withResponse of a refusal: ${v}`);
    // The one-call form too (port 1 is one fetch blocks: refused, nothing sent).
    const one = m.createAiSecret({ name: "api-promise-2" }, { apiKey: "test-key", baseURL: "http://127.0.0.1:1" });
    check(typeof one.asResponse === "function", "createAiSecret returns an APIPromise");
    check((await errorOf(() => one.withResponse())) instanceof m.ValidationError, "its refusal");
  },

  async "sparse arrays are refused before anything is allocated for their holes"({ client, requests, m }) {
    const memory = () => m.BraintrustClient[Symbol.for("braintrust-ai-secrets.wasmMemory")]().buffer.byteLength;
    const c = client();
    const sparse = (n, at = []) => Object.assign(new Array(n), Object.fromEntries(at.map((i) => [i, "00000000-0000-4000-8000-000000000000"])));
    const start = memory();
    for (const [call, field] of [
      [() => c.listAiSecrets({ ids: sparse(1e8) }), "ids"],
      [() => c.listAiSecrets({ ids: sparse(2 ** 32 - 1, [0, 5]) }), "ids"],
      [() => c.aiSecrets.list({ ids: sparse(3, [0, 2]) }), "ids"],
      [() => c.createAiSecret({ name: "n", metadata: { models: ["a", , "c"] } }), "metadata"],
    ]) {
      const e = await rejects(call(), m.ValidationError, field);
      equal(e.field, field, "the field");
      check(/hole at index/.test(e.message), e.message);
    }
    check(memory() - start < 16 * 2 ** 20, `wasm memory did not grow for the holes (${start} -> ${memory()} B)`);
    equal((await requests()).length, 0, "nothing sent");
  },

};

/** Resets the emulator, runs one scenario, then checks every request it sent
 * against the official spec. Returns a note when the spec check was skipped. */
export async function runScenario(ctx, name) {
  await ctx.reset();
  await scenarios[name](ctx);
  const v = await ctx.violations();
  if (!v.checked) return `spec check skipped: ${v.skipReason}`;
  equal(v.violations, [], "requests that break the official spec");
  return `${(await ctx.requests()).length} requests checked against the spec`;
}

export { scenarios as suite, runScenario as run };
