// The one scenario every runtime and bundler of the matrix runs
// (tests/node/runtimes.test.mjs, bundlers.test.mjs), given the package as that
// runtime or bundler resolved it: create → list → get → update → an audit
// (which loads the second wasm module) → delete → get after delete
// (NotFoundError) → a wrong key (AuthenticationError), each error checked
// with instanceof. Returns what happened, as plain data.
export async function scenario(m, baseURL, name) {
  const steps = [];
  const c = new m.BraintrustClient({ apiKey: "test-key", baseURL, maxRetries: 0 });
  const s = await c.createAiSecret({ name, type: "openai", secret: "sk-runtime-value-2468", metadata: { team: "ml" } });
  steps.push(`create ${s.preview_secret}`);
  const page = await c.listAiSecrets({ ai_secret_name: name });
  steps.push(`list ${page.objects.length}`);
  steps.push(`get ${(await c.getAiSecret(s.id)).name === name}`);
  steps.push(`update ${JSON.stringify((await c.updateAiSecret(s.id, { metadata: { env: "prod" } })).metadata)}`);
  steps.push(`audit ${(await c.auditAiSecrets()).find((a) => a.id === s.id)?.ageDays}`);
  steps.push(`delete ${(await c.deleteAiSecret(s.id)).id === s.id}`);
  const gone = await c.getAiSecret(s.id).catch((e) => e);
  steps.push(`get after delete ${gone instanceof m.NotFoundError && gone instanceof m.APIError && gone.status}`);
  const denied = await new m.BraintrustClient({ apiKey: "wrong", baseURL }).createAiSecret({ name }).catch((e) => e);
  steps.push(`wrong key ${denied instanceof m.AuthenticationError && denied instanceof m.BraintrustError && denied.status}`);
  return steps;
}

export const EXPECTED = [
  "create sk-…2468",
  "list 1",
  "get true",
  'update {"team":"ml","env":"prod"}',
  "audit 0",
  "delete true",
  "get after delete 404",
  "wrong key 401",
];
