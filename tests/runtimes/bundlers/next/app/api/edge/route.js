// Next's edge form (runtime "edge", the edge-light condition): GET ?emu=…&name=… answers the scenario's steps.
import * as m from "braintrust-ai-secrets";
import { scenario } from "../../../scenario.mjs";

export const runtime = "edge";
export const dynamic = "force-dynamic";

export async function GET(request) {
  const q = new URL(request.url).searchParams;
  try {
    return Response.json(await scenario(m, q.get("emu"), q.get("name")));
  } catch (e) {
    return Response.json({ failure: String(e?.stack ?? e) }, { status: 500 });
  }
}
