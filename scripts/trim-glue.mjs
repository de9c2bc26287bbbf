// Removes from the wasm-bindgen glue the code that no entry of this package
// can reach (-0.12 KB gzip). The glue is not an entry point (package.json
// exports only index.js, node.mjs and node.cjs), and those entries call its
// init functions one way only: web.js `init({ module_or_path: URL })`, the
// Node entries `initSync({ module: bytes })`. Runs on the glue as
// wasm-bindgen wrote it, before scripts/minify-names.mjs.
import { readFileSync, writeFileSync } from "node:fs";
import { glueEditor } from "./glue-edit.mjs";

const { replaceExactly } = glueEditor("trim-glue");

/** `[what, pattern, replacement]`: each must match exactly once. */
const CUTS = [
  // The entries pass one object; the positional form is deprecated.
  [
    "initSync's deprecated positional argument",
    /\n {4}if \(module !== undefined\) \{\n {8}if \(Object\.getPrototypeOf\(module\) === Object\.prototype\) \{\n {12}\(\{module\} = module\)\n {8}\} else \{\n {12}console\.warn\('using deprecated parameters for `initSync\(\)`; pass a single object instead'\)\n {8}\}\n {4}\}\n/,
    "\n    ({module} = module);\n",
  ],
  [
    "init's deprecated positional argument",
    /\n {4}if \(module_or_path !== undefined\) \{\n {8}if \(Object\.getPrototypeOf\(module_or_path\) === Object\.prototype\) \{\n {12}\(\{module_or_path\} = module_or_path\)\n {8}\} else \{\n {12}console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)\n {8}\}\n {4}\}\n/,
    "\n    ({module_or_path} = module_or_path);\n",
  ],
  // web.js names the wasm itself (so bundlers see the asset there).
  [
    "init's default wasm URL",
    /\n {4}if \(module_or_path === undefined\) \{\n {8}module_or_path = new URL\('braintrust_ai_secrets_bg\.wasm', import\.meta\.url\);\n {4}\}\n/,
    "\n",
  ],
];

export function trimGlue(glueFile) {
  let glue = readFileSync(glueFile, "utf8");
  for (const [what, pattern, replacement] of CUTS) glue = replaceExactly(glue, pattern, replacement, 1, what);
  writeFileSync(glueFile, glue);
}
