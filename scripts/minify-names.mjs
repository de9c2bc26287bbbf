// Shortens the wasm's import and export names and rewrites the glue to match.
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` under the
// module "./braintrust_ai_secrets_bg.js", and the hex does not compress: the
// names cost ~0.8 KB gzip in the wasm and as much again in the glue.
// `wasm-opt --minify-imports-and-exports-and-modules` renames them (one
// module, short names) and prints the mapping, which is applied here to the
// glue that wasm-bindgen 0.2.130 (pinned) writes, each rewrite checked
// (scripts/glue-edit.mjs).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { glueEditor } from "./glue-edit.mjs";

const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

const { fail, replaceExactly } = glueEditor("minify-names");

/** `passes`: wasm-opt passes to run in the same pass over the file, after the renaming. */
export function minifyNames({ wasmOpt, wasmFile, glueFile, passes = [] }) {
  const map = JSON.parse(execFileSync(wasmOpt, [wasmFile, "--minify-imports-and-exports-and-modules", ...passes, ...FEATURES, "-o", wasmFile], { encoding: "utf8" }));
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmFile))).map((i) => i.module));
  if (modules.size !== 1) fail(`expected one import module, found ${modules.size}`);
  const [moduleName] = modules;

  let glue = readFileSync(glueFile, "utf8");

  // Exports: the glue reaches every one as `wasm.<name>`.
  const exportName = new Map(map.exports);
  glue = glue.replace(/\bwasm\.(\w+)\b/g, (whole, name) => (exportName.has(name) ? `wasm.${exportName.get(name)}` : whole));
  for (const [old] of map.exports) if (new RegExp(`\\bwasm\\.${old}\\b`).test(glue)) fail(`export ${old} left unrenamed`);

  // Imports: the import object's members, keyed by module.
  const ret = /return \{\n\s*__proto__: null,\n((?:\s*"[^"]+": import\d+,\n)+)\s*\};/.exec(glue) ?? fail("no import object returned");
  const moduleVar = new Map([...ret[1].matchAll(/"([^"]+)": (import\d+)/g)].map((m) => [m[1], m[2]]));
  // The glue's own shims (one object literal) are renamed in place; the
  // snippets' exports (module namespaces) are picked by name.
  const BG = "./braintrust_ai_secrets_bg.js";
  const members = [`...${moduleVar.get(BG) ?? fail(`no import object for ${BG}`)}`];
  for (const [module, base, short] of map.imports) {
    if (module === BG) {
      glue = replaceExactly(glue, new RegExp(`(\\n\\s+)${base}(: function)`, "g"), (_, pre, post) => pre + short + post, 1, `import ${base}`);
    } else {
      const v = moduleVar.get(module) ?? fail(`no import object for ${module}`);
      members.push(`${short}: ${v}.${base}`);
    }
  }
  // With no snippet member, the shims' object is the module's, unspread.
  const object = members.length === 1 ? members[0].slice(3) : `{ ${members.join(", ")} }`;
  glue = replaceExactly(glue, ret[0], `return { ${JSON.stringify(moduleName)}: ${object} };`, 1, "import object");
  // wasm-bindgen imports a snippet once per function it uses; one namespace is enough now.
  for (const [, v] of ret[1].matchAll(/": (import\d+)/g)) {
    if (!new RegExp(`\\b${v}\\b`).test(glue.replace(/^import \* as \w+ from .*$/gm, ""))) {
      glue = replaceExactly(glue, new RegExp(`^import \\* as ${v} from "[^"]+";?\\n`, "gm"), "", 1, `unused ${v}`);
    }
  }

  writeFileSync(glueFile, glue);
}
