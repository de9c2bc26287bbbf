"use client";
// Next's client form: the scenario in the browser, from a client component.
import { useEffect, useState } from "react";
import * as m from "braintrust-ai-secrets";
import { scenario } from "../scenario.mjs";

export default function Page() {
  const [steps, setSteps] = useState("running");
  useEffect(() => {
    const q = new URLSearchParams(location.search);
    scenario(m, q.get("emu"), q.get("name")).then(
      (r) => ((window.__result = r), setSteps(JSON.stringify(r))),
      (e) => ((window.__result = { failure: String(e?.stack ?? e) }), setSteps("failed")),
    );
  }, []);
  return <pre>{steps}</pre>;
}
