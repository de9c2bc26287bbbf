// The official client's own tests for this resource
// (braintrustdata/braintrust-api-js, tests/api-resources/ai-secrets.test.ts),
// ported to node:test with their describe and test names kept and no
// assertion loosened. As there, they run against a Prism mock of the spec
// (../shared/spec/ai_secret.openapi.json). The one change a user makes is
// the import: `braintrust-ai-secrets` in place of `@braintrust/api`.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Braintrust from "braintrust-ai-secrets";
import { startPrism } from "../node/helpers.mjs";

const SPEC = fileURLToPath(new URL("../../../shared/spec/ai_secret.openapi.json", import.meta.url));
const skip = existsSync(SPEC) ? false : `spec not found at ${SPEC}`;

let prism, client;
before(async () => {
  if (skip) return;
  prism = await startPrism(["mock", SPEC]);
  client = new Braintrust({ apiKey: "My API Key", baseURL: prism.url });
});
after(() => prism?.stop());

/** expect(p).rejects.toThrow(Cls) */
async function rejectsWith(p, Cls) {
  await assert.rejects(p, (e) => e instanceof Cls);
}

/** The official tests' check of an APIPromise: asResponse(), the result, withResponse(). */
async function checkApiPromise(responsePromise) {
  const rawResponse = await responsePromise.asResponse();
  assert.ok(rawResponse instanceof Response);
  const response = await responsePromise;
  assert.ok(!(response instanceof Response));
  const dataAndResponse = await responsePromise.withResponse();
  assert.equal(dataAndResponse.data, response);
  assert.equal(dataAndResponse.response, rawResponse);
}

describe("resource aiSecrets", { skip }, () => {
  test("create: only required params", () => checkApiPromise(client.aiSecrets.create({ name: "name" })));

  test("create: required and optional params", async () => {
    await client.aiSecrets.create({ name: "name", metadata: { foo: "bar" }, org_name: "org_name", secret: "secret", type: "type" });
  });

  test("retrieve", () => checkApiPromise(client.aiSecrets.retrieve("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")));

  test("retrieve: request options instead of params are passed correctly", async () => {
    await rejectsWith(client.aiSecrets.retrieve("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", { path: "/_stainless_unknown_path" }), Braintrust.NotFoundError);
  });

  test("update", () => checkApiPromise(client.aiSecrets.update("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")));

  test("update: request options instead of params are passed correctly", async () => {
    await rejectsWith(client.aiSecrets.update("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", { path: "/_stainless_unknown_path" }), Braintrust.NotFoundError);
  });

  test("update: request options and params are passed correctly", async () => {
    await rejectsWith(
      client.aiSecrets.update("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", { metadata: { foo: "bar" }, name: "name", secret: "secret", type: "type" }, { path: "/_stainless_unknown_path" }),
      Braintrust.NotFoundError,
    );
  });

  test("list", () => checkApiPromise(client.aiSecrets.list()));

  test("list: request options instead of params are passed correctly", async () => {
    await rejectsWith(client.aiSecrets.list({ path: "/_stainless_unknown_path" }), Braintrust.NotFoundError);
  });

  // Differs on purpose (README: "Differences from @braintrust/api"): the spec
  // says to pass at most one of starting_after and ending_before, so this
  // package refuses both before sending, where the official client sends
  // them. The official test passes both; here each is sent on its own.
  test("list: request options and params are passed correctly", async () => {
    const query = { ai_secret_name: "ai_secret_name", ai_secret_type: "string", ids: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", limit: 0, org_name: "org_name" };
    for (const cursor of [{ ending_before: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e" }, { starting_after: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e" }]) {
      await rejectsWith(client.aiSecrets.list({ ...query, ...cursor }, { path: "/_stainless_unknown_path" }), Braintrust.NotFoundError);
    }
    await rejectsWith(client.aiSecrets.list({ ...query, ending_before: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", starting_after: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e" }), Braintrust.ValidationError);
  });

  test("delete", () => checkApiPromise(client.aiSecrets.delete("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")));

  test("delete: request options instead of params are passed correctly", async () => {
    await rejectsWith(client.aiSecrets.delete("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", { path: "/_stainless_unknown_path" }), Braintrust.NotFoundError);
  });

  test("findAndDelete: only required params", () => checkApiPromise(client.aiSecrets.findAndDelete({ name: "name" })));

  test("findAndDelete: required and optional params", async () => {
    await client.aiSecrets.findAndDelete({ name: "name", org_name: "org_name" });
  });

  test("replace: only required params", () => checkApiPromise(client.aiSecrets.replace({ name: "name" })));

  test("replace: required and optional params", async () => {
    await client.aiSecrets.replace({ name: "name", metadata: { foo: "bar" }, org_name: "org_name", secret: "secret", type: "type" });
  });
});
