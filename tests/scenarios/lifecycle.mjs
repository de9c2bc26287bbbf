// Rotation, metadata and audit (#28) through the library, written once and
// run in Node and in headless Chromium (tests/node/lifecycle.test.mjs).
import { check, equal, errorOf } from "./assert.mjs";
import { makeContext } from "./resource.mjs";

export { makeContext };

const DAY = 86_400_000;
const writes = async (ctx) => (await ctx.requests()).filter((r) => r.method !== "GET").length;

export const scenarios = {
  async "rotateAiSecret changes only the value, by name or id, and returns both previews"(ctx) {
    const c = ctx.client();
    const s = await c.createAiSecret({ name: "openai-prod", type: "openai", metadata: { organization_id: "org-1" }, secret: "sk-first-value-1111" });
    const r = await c.rotateAiSecret("openai-prod", "sk-second-value-2222");
    equal([r.id, r.name, r.type], [s.id, "openai-prod", "openai"], "the same secret");
    equal([r.before.preview_secret, r.after.preview_secret], ["sk-…1111", "sk-…2222"], "previews");
    check(Date.parse(r.after.secret_updated_at) > Date.parse(r.before.secret_updated_at), "secret_updated_at moved");
    const stored = await ctx.stored("openai-prod");
    equal([stored.secret, stored.type, stored.metadata], ["sk-second-value-2222", "openai", { organization_id: "org-1" }], "only the value changed");
    const patch = (await ctx.requests()).filter((q) => q.method === "PATCH");
    equal(patch.map((q) => JSON.parse(q.body)), [{ secret: "sk-second-value-2222" }], "a PATCH with the secret alone");
    const byId = await c.rotateAiSecret(s.id, "sk-third-value-3333");
    equal(byId.after.preview_secret, "sk-…3333", "by id");
    equal([(await c.findAiSecret("openai-prod")).id, (await c.findAiSecret(s.id)).name], [s.id, "openai-prod"], "findAiSecret by name and id");
  },

  async "rotateAiSecret refuses bad input before sending, and says when a name is unknown"(ctx) {
    const c = ctx.client();
    for (const [args, field] of [[["x", ""], "secret"], [["x", 5], "secret"], [["", "sk-value-0000000"], "idOrName"], [[null, "sk-value-0000000"], "idOrName"]]) {
      const e = await errorOf(() => c.rotateAiSecret(...args));
      check(e instanceof ctx.m.ValidationError && e.field === field, `${JSON.stringify(args)}: ${e}`);
    }
    equal((await ctx.requests()).length, 0, "nothing sent");
    const e = await errorOf(() => c.rotateAiSecret("missing", "sk-value-0000000"));
    check(e instanceof ctx.m.NotFoundError && /No AI secret is named `missing`/.test(e.message), String(e));
  },

  async "a rotation the server's answer does not show is a VerificationError"(ctx) {
    const c = ctx.client();
    const s = await c.createAiSecret({ name: "k", type: "openai", secret: "sk-first-value-1111" });
    // The server answers the PATCH with the secret as it was.
    await ctx.script({ match: { method: "PATCH" }, status: 200, body: s });
    const e = await errorOf(() => c.rotateAiSecret("k", "sk-second-value-2222"));
    check(e instanceof ctx.m.VerificationError && e instanceof ctx.m.BraintrustError, String(e));
    check(/secret_updated_at did not change/.test(e.message) && !e.message.includes("sk-second"), e.message);
  },

  async "setAiSecretMetadata replaces the whole metadata and keeps the value; it is checked like every write"(ctx) {
    const c = ctx.client();
    await c.createAiSecret({ name: "aws", type: "bedrock", metadata: { region: "us-east-1", access_key: "AKIA1", extra: 1 }, secret: "aws-secret-value-9999" });
    const r = await c.setAiSecretMetadata("aws", { region: "eu-west-1", access_key: "AKIA2" });
    equal(r.metadata, { region: "eu-west-1", access_key: "AKIA2" }, "extra is gone");
    const stored = await ctx.stored("aws");
    equal([stored.secret, stored.type], ["aws-secret-value-9999", "bedrock"], "value and type kept");
    const before = await writes(ctx);
    const e = await errorOf(() => c.setAiSecretMetadata("aws", { access_key: "AKIA3" }));
    check(e instanceof ctx.m.ValidationError && e.problems.some((p) => p.field === "metadata.region"), String(e));
    equal(await writes(ctx), before, "a refused write sends nothing");
  },

  async "auditAiSecrets: ages, stale, neverRotated and provider problems, riskiest first"(ctx) {
    const c = ctx.client();
    await c.createAiSecret({ name: "fresh", type: "openai", secret: "sk-fresh-value-0001" });
    await c.rotateAiSecret("fresh", "sk-fresh-value-0002");
    await c.createAiSecret({ name: "plain", type: "anthropic", secret: "sk-plain-value-0003" });
    await c.createAiSecret({ name: "broken", type: "bedrock", metadata: {}, secret: "x-broken-value-0004" }, { validateMetadata: "off" });
    const now = Date.now();
    const today = await c.auditAiSecrets();
    equal(today.map((e) => e.name), ["broken", "fresh", "plain"], "the broken one first, then by name");
    const by = (list, n) => list.find((e) => e.name === n);
    equal([by(today, "fresh").ageDays, by(today, "fresh").stale, by(today, "fresh").neverRotated], [0, false, false], "fresh");
    equal(by(today, "plain").neverRotated, true, "never rotated");
    check(by(today, "broken").problems.some((p) => p.field === "metadata.region"), "the proxy's problem");
    const later = await c.auditAiSecrets({ maxAgeDays: 90, now: new Date(now + 100 * DAY) });
    check(later.every((e) => e.stale && e.ageDays >= 99), "all stale after 100 days");
    check(!(await c.auditAiSecrets({ maxAgeDays: 365, now: now + 100 * DAY })).some((e) => e.stale), "none past a year's limit");
    for (const bad of [{ maxAgeDays: -1 }, { maxAgeDays: "90" }, { now: "not a date" }]) {
      check((await errorOf(() => c.auditAiSecrets(bad))) instanceof ctx.m.ValidationError, JSON.stringify(bad));
    }
  },
};

export async function runScenario(ctx, name) {
  await ctx.reset();
  await scenarios[name](ctx);
}

export { scenarios as suite, runScenario as run };
