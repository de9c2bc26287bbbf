// The one handler of the Node and edge routes: GET ?emu=…&name=… answers the scenario's steps.
import * as m from "braintrust-ai-secrets";
import { scenario } from "./scenario.mjs";

export async function GET(request) {
  const q = new URL(request.url).searchParams;
  try {
    return Response.json(await scenario(m, q.get("emu"), q.get("name")));
  } catch (e) {
    return Response.json({ failure: String(e?.stack ?? e) }, { status: 500 });
  }
}
