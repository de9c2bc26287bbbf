// A Cloudflare Worker (run by workerd from npm): GET /?emu=…&name=… runs the
// scenario against the emulator and answers its steps.
import * as m from "braintrust-ai-secrets";
import { scenario } from "./scenario.mjs";

export default {
  async fetch(request) {
    const q = new URL(request.url).searchParams;
    try {
      return Response.json(await scenario(m, q.get("emu"), q.get("name")));
    } catch (e) {
      return Response.json({ failure: String(e && e.stack || e) }, { status: 500 });
    }
  },
};
