// Next's server-component form: the scenario runs while the page renders on the server.
import * as m from "braintrust-ai-secrets";
import { scenario } from "../../scenario.mjs";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }) {
  const q = await searchParams;
  const steps = await scenario(m, q.emu, q.name).catch((e) => ({ failure: String(e?.stack ?? e) }));
  return <pre id="steps">{JSON.stringify(steps)}</pre>;
}
