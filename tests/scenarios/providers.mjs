// Provider-aware secrets (#25), written once and run in Node and in headless
// Chromium (tests/node/providers.test.mjs), driven by the facts file
// (../shared/spec/provider-metadata.json, handed over as ctx.facts): the
// exported table agrees with it, and every write is checked before it is
// sent.
import { check, equal, errorOf } from "./assert.mjs";
import { makeContext } from "./resource.mjs";

export { makeContext };

const schemaOf = (m, type) => m.providers.schemas.find((s) => s.types.includes(type));

/** A valid value for a field of the table. */
function valid(f) {
  switch (f.kind) {
    case "boolean": return true;
    case "url": case "url_or_empty": return "https://example.com/v1";
    case "string[]": return ["a"];
    case "record<string,string>": return { "x-h": "v" };
    case "record<string,ModelSpec>": return { "my-model": { format: "openai", flavor: "chat" } };
    case "enum": return f.values[0];
    default: return "x";
  }
}

/** Required fields, and what the default auth type requires. */
function minimal(m, type) {
  const s = schemaOf(m, type);
  const meta = Object.fromEntries(s.fields.filter((f) => f.required).map((f) => [f.name, valid(f)]));
  const auth = s.authField && (meta[s.authField] ?? s.fields.find((f) => f.name === s.authField).default);
  for (const r of s.authRequires.filter((r) => r.authType === auth)) for (const f of r.fields) meta[f] = "x";
  return meta;
}

const logger = (lines) => ({ debug() {}, info() {}, warn: (line, fields) => lines.push({ line, fields }), error() {} });

export const scenarios = {
  async "the exported table agrees with the facts file; canonicalName"({ m, facts }) {
    equal(m.providers.types, facts.types, "the 23 types, exact casing");
    equal(m.providers.baseFields.map((f) => f.name), Object.keys(facts.base_fields), "base fields");
    for (const type of facts.types) {
      const group = Object.entries(facts.metadata_by_type).find(([k]) => k.split("|").includes(type))[1];
      const s = schemaOf(m, type);
      equal(s.fields.map((f) => f.name), Object.keys(group.fields), `${type} fields`);
      for (const f of s.fields) {
        const fact = group.fields[f.name];
        equal([f.kind, f.required, f.nullish, f.values ?? undefined], [fact.kind, fact.required === true, fact.nullish === true, fact.values], `${type}.${f.name}`);
      }
    }
    equal(m.providers.canonicalNames, facts.canonical_names, "canonical names");
    equal([m.canonicalName("openai"), m.canonicalName("xAI"), m.canonicalName("nope")], ["OPENAI_API_KEY", "XAI_API_KEY", undefined], "canonicalName");
    check(Object.isFrozen(m.providers) && Object.isFrozen(m.providers.schemas[0].fields[0] ?? m.providers.baseFields[0]), "frozen");
  },

  async "every type: a minimal secret is created; a missing required field, a wrong enum or kind is refused before sending"({ m, facts, client, requests }) {
    const c = client();
    for (const type of facts.types) {
      const meta = minimal(m, type);
      equal(m.checkAiSecret({ type, metadata: meta, secret: "sk-x" }).errors, [], `${type}: checkAiSecret of the minimal secret`);
      equal((await c.createAiSecret({ name: `min-${type}`, type, metadata: meta, secret: "sk-x" })).type, type, `${type}: created`);
      const s = schemaOf(m, type);
      const before = (await requests()).length;
      for (const f of s.fields.filter((f) => f.required)) {
        const { [f.name]: _, ...rest } = meta;
        const e = await errorOf(() => c.createAiSecret({ name: "n", type, metadata: rest }));
        check(e instanceof m.ValidationError && e.problems.some((p) => p.field === `metadata.${f.name}` && /is required/.test(p.message)), `${type} without ${f.name}: ${e}`);
      }
      for (const f of s.fields.filter((f) => f.kind === "enum")) {
        const e = await errorOf(() => c.createAiSecret({ name: "n", type, metadata: { ...meta, [f.name]: "bogus" } }));
        check(e instanceof m.ValidationError && e.problems.some((p) => p.message === `must be one of ${f.values.join(", ")}.`), `${type}.${f.name}: ${e}`);
      }
      const e = await errorOf(() => c.createAiSecret({ name: "n", type, metadata: { ...meta, models: "gpt" } }));
      check(e instanceof m.ValidationError && e.field === "metadata.models", `${type}: models not a list: ${e}`);
      equal((await requests()).length, before, `${type}: nothing sent for the refusals`);
    }
  },

  async "the Bedrock mistake: the suggestion, several problems at once, nothing sent; fixed, created"({ m, client, requests }) {
    const c = client();
    const e = await errorOf(() => c.createAiSecret({ name: "aws", type: "bedrock", metadata: { aws_access_key_id: "AKIA" }, secret: "sk-aws-secret" }));
    check(e instanceof m.ValidationError, `${e}`);
    equal(e.field, "metadata.aws_access_key_id", "the first problem's field");
    check(e.message.includes("did you mean access_key (the secret access key goes in secret)?"), e.message);
    equal(e.problems.map((p) => p.field), ["metadata.aws_access_key_id", "metadata.region", "metadata.access_key"], "every problem");
    check(!JSON.stringify(e).includes("sk-aws-secret") && !e.message.includes("AKIA"), "no value quoted");
    equal((await requests()).length, 0, "nothing sent");
    const made = await c.createAiSecret({ name: "aws", type: "bedrock", metadata: { access_key: "AKIA", region: "us-east-1" }, secret: "sk-aws-secret" });
    equal(made.metadata, { access_key: "AKIA", region: "us-east-1" }, "created");
    const t = await errorOf(() => c.createAiSecret({ name: "x", type: "xai" }));
    check(t instanceof m.ValidationError && t.field === "type" && t.message.includes('did you mean "xAI"?'), `${t}`);
    const az = await errorOf(() => c.createAiSecret({ name: "az", type: "azure", metadata: { api_base: "https://x.openai.azure.com", auth_type: "entra_api" }, secret: "plain" }));
    check(az instanceof m.ValidationError && az.field === "secret" && /client_id, client_secret, tenant_id and scope/.test(az.message), `${az}`);
  },

  async "validateMetadata: warn sends and logs, off sends silently; unknown keys and custom types pass with a warning"({ m, client, requests }) {
    const lines = [];
    const c = client({ logger: logger(lines) });
    await c.createAiSecret({ name: "w1", type: "bedrock", metadata: { aws_access_key_id: "AKIA" } }, { validateMetadata: "warn" });
    check(lines.some((l) => l.fields.field === "metadata.aws_access_key_id" && /did you mean access_key/.test(l.line)), JSON.stringify(lines));
    lines.length = 0;
    await client({ logger: logger(lines), validateMetadata: "off" }).createAiSecret({ name: "w2", type: "bedrock", metadata: {} });
    equal(lines, [], "off: no check, no warning");
    await c.createAiSecret({ name: "w3", type: "openai", metadata: { team: "ml" } });
    check(lines.some((l) => l.fields.field === "metadata.team"), "an unknown key: sent, with a warning");
    await c.createAiSecret({ name: "w4", type: "my-own-llm" });
    check(lines.some((l) => l.fields.field === "type"), "a custom type: sent, with a warning");
    equal((await requests()).length, 4, "all four sent");
    const bad = await errorOf(() => client({ validateMetadata: "loose" }));
    check(bad instanceof m.ValidationError && bad.field === "validateMetadata", `${bad}`);
  },

  async "the proxy's lookup (the emulator's, written from the facts alone) parses every secret the client let through; one saved with the check off breaks it"({ m, facts, client, proxyLookup }) {
    const c = client();
    for (const type of facts.types) await c.createAiSecret({ name: `lookup-${type}`, type, metadata: minimal(m, type), secret: "sk-x" });
    await c.createAiSecret({ name: "lookup-entra", type: "azure", metadata: { api_base: "https://x.openai.azure.com", auth_type: "entra_api" }, secret: JSON.stringify({ client_id: "a", client_secret: "b", tenant_id: "c", scope: "d" }) });
    for (const [params, why] of [
      [{ type: "bedrock", metadata: { aws_access_key_id: "AKIA" } }, "a wrong name, no region"],
      [{ type: "vertex", metadata: { project: "p", auth_type: "access_token" } }, "auth_type for authType"],
      [{ type: "azure", metadata: { api_base: "https://x", auth_type: "entra_api" }, secret: "plain" }, "an Entra secret that is not JSON"],
      [{ type: "openai", metadata: { api_base: "localhost" } }, "api_base not a URL"],
    ]) {
      const e = await errorOf(() => c.createAiSecret({ name: "refused", ...params }));
      check(e instanceof m.ValidationError, `${why}: refused by the client, got ${e}`);
    }
    const lookup = await proxyLookup();
    if (!lookup.available) return;
    equal([lookup.ok, lookup.failing], [true, []], "every secret the client sent parses");
    await client({ validateMetadata: "off" }).createAiSecret({ name: "lookup-broken", type: "bedrock", metadata: { aws_access_key_id: "AKIA" } });
    const broken = await proxyLookup();
    check(!broken.ok && broken.failing.length === 1 && broken.failing[0].name === "lookup-broken", JSON.stringify(broken));
  },

  async "an update checks what it sends and says PATCH cannot remove a key; checkAiSecret flags a stored secret"({ m, client }) {
    const c = client();
    const made = await c.createAiSecret({ name: "v", type: "vertex", metadata: { project: "p", authType: "access_token" } });
    const e = await errorOf(() => c.updateAiSecret(made.id, { type: "vertex", metadata: { authType: "key", location: 5 } }));
    check(e instanceof m.ValidationError && e.problems.length === 2, `${e}`);
    check(/cannot remove a key: use replaceAiSecret/.test(e.message), e.message);
    equal((await c.updateAiSecret(made.id, { metadata: { location: "us-central1" } })).metadata.location, "us-central1", "a fine patch");
    // A broken secret saved with the check off is flagged once stored.
    await client({ validateMetadata: "off" }).createAiSecret({ name: "broken", type: "bedrock", metadata: { aws_access_key_id: "AKIA" } });
    const stored = (await c.listAiSecrets({ ai_secret_name: "broken" })).objects[0];
    const r = m.checkAiSecret(stored);
    check(!r.ok && r.errors.some((p) => p.field === "metadata.region"), JSON.stringify(r));
    check(m.checkAiSecret((await c.getAiSecret(made.id))).ok, "the vertex secret is fine");
    const odd = m.checkAiSecret(new Map());
    check(!odd.ok && odd.errors[0].field === "value", JSON.stringify(odd));
  },
};

/** Resets the emulator, then runs one scenario. */
export async function runScenario(ctx, name) {
  await ctx.reset();
  await scenarios[name](ctx);
  return "ok";
}

export { scenarios as suite, runScenario as run };
