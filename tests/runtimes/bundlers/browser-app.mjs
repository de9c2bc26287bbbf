// A page's script, bundled by each bundler of the matrix: the scenario in
// the browser, its steps left in window.__result. No top-level await, so an
// iife bundle can hold it.
import * as m from "braintrust-ai-secrets";
import { scenario } from "../scenario.mjs";

const q = new URLSearchParams(location.search);
scenario(m, q.get("emu"), q.get("name")).then(
  (steps) => (window.__result = steps),
  (e) => (window.__result = { failure: String(e?.stack ?? e) }),
);
