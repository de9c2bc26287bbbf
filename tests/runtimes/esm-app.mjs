// Node (any version), Deno and Bun: the package by name, as the runtime
// resolves it from the app's node_modules. Prints the scenario's steps.
import * as m from "braintrust-ai-secrets";
import { scenario } from "./scenario.mjs";

const [baseURL, name] = (globalThis.Deno ? Deno.args : process.argv.slice(2));
console.log(JSON.stringify(await scenario(m, baseURL, name)));
