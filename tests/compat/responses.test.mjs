// The official client's response tests (braintrustdata/braintrust-api-js,
// tests/responses.test.ts), ported to node:test with their names kept. The
// official ones call the internal `createResponseHeaders`; here the headers
// are those of a public call's `APIError`, built from what fetch answered.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import Braintrust from "braintrust-ai-secrets";

const ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

/** The `headers` of the APIError a 404 with `headers` makes. */
async function errorHeaders(headers) {
  const client = new Braintrust({ apiKey: "My API Key", maxRetries: 0, fetch: async () => new Response("{}", { status: 404, headers }) });
  const e = await client.aiSecrets.retrieve(ID).then(() => assert.fail("resolved"), (e) => e);
  assert.ok(e instanceof Braintrust.NotFoundError);
  return e.headers;
}

describe("response parsing", () => {
  test("headers are case agnostic", async () => {
    const headers = await errorHeaders(new Headers({ "Content-Type": "foo", Accept: "text/plain" }));
    assert.equal(headers["content-type"], "foo");
    assert.equal(headers["Content-type"], "foo");
    assert.equal(headers["Content-Type"], "foo");
    assert.equal(headers["accept"], "text/plain");
    assert.equal(headers["Accept"], "text/plain");
    assert.equal(headers["Hello-World"], undefined);
  });

  test("duplicate headers are concatenated", async () => {
    const headers = await errorHeaders(
      new Headers([
        ["Content-Type", "text/xml"],
        ["Content-Type", "application/json"],
      ]),
    );
    assert.equal(headers["content-type"], "text/xml, application/json");
  });
});
