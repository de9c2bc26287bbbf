// The official client's core tests (braintrustdata/braintrust-api-js,
// tests/index.test.ts, with the tests its `next` branch adds), ported to
// node:test with their describe and test names kept and no assertion
// loosened. The official ones reach into Stainless internals
// (`client.buildRequest`, `client.buildURL`, `client.get('/foo')`,
// `client.request(...)`); here the same behaviour is driven through a
// public ai_secret call, and the assertion is on what reached `fetch` (or,
// for Content-Length, a real HTTP server). The one change a user makes is
// the import's package name; `Braintrust` is this package's default export.
import { describe, test, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Braintrust, { APIUserAbortError } from "braintrust-ai-secrets";
import { startPrism } from "../node/helpers.mjs";

const SPEC = fileURLToPath(new URL("../../../shared/spec/ai_secret.openapi.json", import.meta.url));
const ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
// What `client.get('/foo')` answered there: here an AISecret (bodies are
// checked against the spec), with the official test's fields on it.
const A = { id: ID, org_id: "7e3c5f8a-1b2d-4c6e-9f0a-2b4c6d8e0f1a", name: "a", a: 1 };
const json = (body, init = {}) => new Response(JSON.stringify(body), { ...init, headers: { "Content-Type": "application/json", ...init.headers } });

/** A fetch that records each call's init and answers `answer(count)`. */
function recording(answer) {
  const f = async (url, init = {}) => {
    f.calls.push({ url: String(url), init });
    return answer(f.calls.length, init);
  };
  f.calls = [];
  return f;
}
const lastInit = (f) => f.calls.at(-1).init;
// Plain objects of lower-case names, as the official client gives fetch.
const headersOf = (f) => lastInit(f).headers;

describe("instantiate client", () => {
  const env = process.env;

  beforeEach(() => {
    process.env = { ...env };
  });

  afterEach(() => {
    process.env = env;
  });

  describe("defaultHeaders", () => {
    const fetch = recording(() => json(A));
    const client = new Braintrust({
      baseURL: "http://localhost:5000/",
      defaultHeaders: { "X-My-Default-Header": "2" },
      apiKey: "My API Key",
      fetch,
    });

    test("they are used in the request", async () => {
      await client.aiSecrets.create({ name: "a" });
      assert.equal(headersOf(fetch)["x-my-default-header"], "2");
    });

    test("can ignore `undefined` and leave the default", async () => {
      await client.aiSecrets.create({ name: "a" }, { headers: { "X-My-Default-Header": undefined } });
      assert.equal(headersOf(fetch)["x-my-default-header"], "2");
    });

    test("can be removed with `null`", async () => {
      await client.aiSecrets.create({ name: "a" }, { headers: { "X-My-Default-Header": null } });
      assert.ok(!Object.hasOwn(headersOf(fetch), "x-my-default-header"));
    });
  });

  describe("defaultQuery", () => {
    const urlOf = async (options, query) => {
      const fetch = recording(() => json(A));
      await new Braintrust({ ...options, fetch }).aiSecrets.retrieve(ID, query === undefined ? undefined : { query });
      return fetch.calls[0].url;
    };

    test("with null query params given", async () => {
      const client = { baseURL: "http://localhost:5000/", defaultQuery: { apiVersion: "foo" }, apiKey: "My API Key" };
      assert.equal(await urlOf(client), `http://localhost:5000/v1/ai_secret/${ID}?apiVersion=foo`);
    });

    test("multiple default query params", async () => {
      const client = { baseURL: "http://localhost:5000/", defaultQuery: { apiVersion: "foo", hello: "world" }, apiKey: "My API Key" };
      assert.equal(await urlOf(client), `http://localhost:5000/v1/ai_secret/${ID}?apiVersion=foo&hello=world`);
    });

    test("overriding with `undefined`", async () => {
      const client = { baseURL: "http://localhost:5000/", defaultQuery: { hello: "world" }, apiKey: "My API Key" };
      assert.equal(await urlOf(client, { hello: undefined }), `http://localhost:5000/v1/ai_secret/${ID}`);
    });
  });

  test("custom fetch", async () => {
    const client = new Braintrust({
      baseURL: "http://localhost:5000/",
      apiKey: "My API Key",
      fetch: (url) => Promise.resolve(json({ ...A, url, custom: true })),
    });

    const response = await client.aiSecrets.retrieve(ID);
    assert.deepEqual(response, { ...A, url: `http://localhost:5000/v1/ai_secret/${ID}`, custom: true });
  });

  test("explicit global fetch", async () => {
    // The global fetch is a valid `fetch` option.
    const client = new Braintrust({ baseURL: "http://localhost:5000/", apiKey: "My API Key", fetch: globalThis.fetch });
    assert.ok(client instanceof Braintrust);
  });

  describe("with a mock server", { skip: existsSync(SPEC) ? false : `spec not found at ${SPEC}` }, () => {
    let prism;
    before(async () => {
      prism = await startPrism(["mock", SPEC]);
    });
    after(() => prism?.stop());

    test("custom signal", async () => {
      const fetch = recording((_, init) => new Promise((resolve, reject) => setTimeout(() => globalThis.fetch(fetch.calls[0].url, init).then(resolve).catch(reject), 300)));
      const client = new Braintrust({ baseURL: process.env["TEST_API_BASE_URL"] ?? prism.url, apiKey: "My API Key", fetch });

      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);

      await assert.rejects(client.aiSecrets.retrieve(ID, { signal: controller.signal }), (e) => e instanceof APIUserAbortError);
      assert.equal(fetch.calls.length, 1);
    });
  });

  test("normalized method", async () => {
    const fetch = recording(() => json(A));
    const client = new Braintrust({ baseURL: "http://localhost:5000/", apiKey: "My API Key", fetch });

    await client.aiSecrets.update(ID);
    assert.equal(lastInit(fetch).method, "PATCH");
  });

  describe("baseUrl", () => {
    const urlOf = async (options, requestOptions) => {
      const fetch = recording(() => json(A));
      await new Braintrust({ ...options, fetch }).aiSecrets.retrieve(ID, requestOptions);
      return fetch.calls[0].url;
    };

    test("trailing slash", async () => {
      assert.equal(await urlOf({ baseURL: "http://localhost:5000/custom/path/", apiKey: "My API Key" }), `http://localhost:5000/custom/path/v1/ai_secret/${ID}`);
    });

    test("no trailing slash", async () => {
      assert.equal(await urlOf({ baseURL: "http://localhost:5000/custom/path", apiKey: "My API Key" }), `http://localhost:5000/custom/path/v1/ai_secret/${ID}`);
    });

    afterEach(() => {
      delete process.env["BRAINTRUST_BASE_URL"];
    });

    test("explicit option", () => {
      const client = new Braintrust({ baseURL: "https://example.com", apiKey: "My API Key" });
      assert.equal(client.baseURL, "https://example.com");
    });

    test("env variable", () => {
      process.env["BRAINTRUST_BASE_URL"] = "https://example.com/from_env";
      const client = new Braintrust({ apiKey: "My API Key" });
      assert.equal(client.baseURL, "https://example.com/from_env");
    });

    test("empty env variable", () => {
      process.env["BRAINTRUST_BASE_URL"] = ""; // empty
      const client = new Braintrust({ apiKey: "My API Key" });
      assert.equal(client.baseURL, "https://api.braintrust.dev");
    });

    test("blank env variable", () => {
      process.env["BRAINTRUST_BASE_URL"] = "  "; // blank
      const client = new Braintrust({ apiKey: "My API Key" });
      assert.equal(client.baseURL, "https://api.braintrust.dev");
    });

    test("in request options", async () => {
      assert.equal(await urlOf({ apiKey: "My API Key" }, { defaultBaseURL: "http://localhost:5000/option" }), `http://localhost:5000/option/v1/ai_secret/${ID}`);
    });

    test("in request options overridden by client options", async () => {
      const url = await urlOf({ apiKey: "My API Key", baseURL: "http://localhost:5000/client" }, { defaultBaseURL: "http://localhost:5000/option" });
      assert.equal(url, `http://localhost:5000/client/v1/ai_secret/${ID}`);
    });

    test("in request options overridden by env variable", async () => {
      process.env["BRAINTRUST_BASE_URL"] = "http://localhost:5000/env";
      assert.equal(await urlOf({ apiKey: "My API Key" }, { defaultBaseURL: "http://localhost:5000/option" }), `http://localhost:5000/env/v1/ai_secret/${ID}`);
    });
  });

  test("maxRetries option is correctly set", () => {
    const client = new Braintrust({ maxRetries: 4, apiKey: "My API Key" });
    assert.equal(client.maxRetries, 4);

    // default
    const client2 = new Braintrust({ apiKey: "My API Key" });
    assert.equal(client2.maxRetries, 2);
  });

  test("with environment variable arguments", () => {
    // set options via env var
    process.env["BRAINTRUST_API_KEY"] = "My API Key";
    const client = new Braintrust();
    assert.equal(client.apiKey, "My API Key");
  });

  test("with overridden environment variable arguments", () => {
    // set options via env var
    process.env["BRAINTRUST_API_KEY"] = "another My API Key";
    const client = new Braintrust({ apiKey: "My API Key" });
    assert.equal(client.apiKey, "My API Key");
  });
});

describe("request building", () => {
  describe("Content-Length", () => {
    // What reached a real HTTP server: fetch sets Content-Length from the
    // body's bytes. The official client pretty-prints its bodies (20 and 22
    // bytes there); this one sends them compact.
    let server, url;
    const lengths = [];
    before(async () => {
      server = createServer((req, res) => {
        lengths.push(req.headers["content-length"]);
        req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(A)));
      });
      await new Promise((r) => server.listen(0, "127.0.0.1", r));
      url = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => server.close());
    const client = () => new Braintrust({ apiKey: "My API Key", baseURL: url });

    test("handles multi-byte characters", async () => {
      await client().aiSecrets.create({ name: "—" }); // {"name":"—"}: 12 characters, 14 bytes
      assert.equal(lengths.at(-1), "14");
    });

    test("handles standard characters", async () => {
      await client().aiSecrets.create({ name: "hello" });
      assert.equal(lengths.at(-1), "16");
    });
  });

  describe("custom headers", () => {
    test("handles undefined", async () => {
      const fetch = recording(() => json(A));
      const client = new Braintrust({ apiKey: "My API Key", fetch });
      await client.aiSecrets.create({ name: "hello" }, { headers: { "X-Foo": "baz", "x-foo": "bar", "x-Foo": undefined, "x-baz": "bam", "X-Baz": null } });
      const headers = headersOf(fetch);
      assert.equal(headers["x-foo"], "bar");
      assert.equal(headers["x-Foo"], undefined);
      assert.equal(headers["X-Foo"], undefined);
      assert.equal(headers["x-baz"], undefined);
    });
  });
});

describe("retries", () => {
  const rateLimited = (headers) => new Response(undefined, { status: 429, headers });

  test("retry on timeout", async () => {
    let count = 0;
    const testFetch = async (url, { signal } = {}) => {
      if (count++ === 0) {
        return new Promise((resolve, reject) => signal?.addEventListener("abort", () => reject(new Error("timed out"))));
      }
      return json(A);
    };

    const client = new Braintrust({ apiKey: "My API Key", timeout: 10, fetch: testFetch });

    assert.deepEqual(await client.aiSecrets.retrieve(ID), A);
    assert.equal(count, 2);
    assert.equal(await client.aiSecrets.retrieve(ID).asResponse().then((r) => r.text()), JSON.stringify(A));
    assert.equal(count, 3);
  });

  /** Two 429s (Retry-After 0.1 s), then a success, as the official tests answer. */
  const twiceLimited = () => recording((n) => (n <= 2 ? rateLimited({ "Retry-After": "0.1" }) : json(A)));

  test("retry count header", async () => {
    const fetch = twiceLimited();
    const client = new Braintrust({ apiKey: "My API Key", fetch, maxRetries: 4 });

    assert.deepEqual(await client.aiSecrets.retrieve(ID), A);

    assert.equal(headersOf(fetch)["x-stainless-retry-count"], "2");
    assert.equal(fetch.calls.length, 3);
  });

  test("omit retry count header", async () => {
    const fetch = twiceLimited();
    const client = new Braintrust({ apiKey: "My API Key", fetch, maxRetries: 4 });

    assert.deepEqual(await client.aiSecrets.retrieve(ID, { headers: { "X-Stainless-Retry-Count": null } }), A);

    assert.ok(!Object.hasOwn(headersOf(fetch), "x-stainless-retry-count"));
  });

  test("omit retry count header by default", async () => {
    const fetch = twiceLimited();
    const client = new Braintrust({ apiKey: "My API Key", fetch, maxRetries: 4, defaultHeaders: { "X-Stainless-Retry-Count": null } });

    assert.deepEqual(await client.aiSecrets.retrieve(ID), A);

    assert.ok(!Object.hasOwn(headersOf(fetch), "x-stainless-retry-count"));
  });

  test("overwrite retry count header", async () => {
    const fetch = twiceLimited();
    const client = new Braintrust({ apiKey: "My API Key", fetch, maxRetries: 4 });

    assert.deepEqual(await client.aiSecrets.retrieve(ID, { headers: { "X-Stainless-Retry-Count": "42" } }), A);

    assert.equal(headersOf(fetch)["x-stainless-retry-count"], "42");
  });

  for (const [name, headers] of [["retry on 429 with retry-after", { "Retry-After": "0.1" }], ["retry on 429 with retry-after-ms", { "Retry-After-Ms": "10" }]]) {
    test(name, async () => {
      let count = 0;
      const testFetch = async () => (count++ === 0 ? rateLimited(headers) : json(A));

      const client = new Braintrust({ apiKey: "My API Key", fetch: testFetch });

      assert.deepEqual(await client.aiSecrets.retrieve(ID), A);
      assert.equal(count, 2);
      assert.equal(await client.aiSecrets.retrieve(ID).asResponse().then((r) => r.text()), JSON.stringify(A));
      assert.equal(count, 3);
    });
  }
});
