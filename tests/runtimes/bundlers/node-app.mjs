// A Node program, bundled with the package inside it (esbuild
// --platform=node, CJS or ESM): prints the scenario's steps. No top-level
// await, so a CJS bundle can hold it.
import * as m from "braintrust-ai-secrets";
import { scenario } from "../scenario.mjs";

const [baseURL, name] = process.argv.slice(2);
scenario(m, baseURL, name).then((steps) => console.log(JSON.stringify(steps)));
