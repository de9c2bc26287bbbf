// Removes from the wasm-bindgen glue the code that no entry of this package
// can reach. The glue is not an entry point (package.json
// exports only index.js, node.mjs and node.cjs), and those entries call its
// init functions one way only: web.js `init({ module_or_path: URL })`, the
// Node entries `initSync({ module: bytes })`. Runs on the glue as
// wasm-bindgen wrote it, before scripts/minify-names.mjs.
import { readFileSync, writeFileSync } from "node:fs";
import { glueEditor } from "./glue-edit.mjs";

const { replaceExactly } = glueEditor("trim-glue");

/** wasm-bindgen 0.2.130's loader, word for word. */
const LOAD = `async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(\`failed to fetch Wasm: \${module.status} \${module.statusText} fetching '\${module.url}'\`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("\`WebAssembly.instantiateStreaming\` failed because your server does not serve Wasm with \`application/wasm\` MIME type. Falling back to \`WebAssembly.instantiate\` which is slower. Original error:\\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}`;

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
  // ... as a URL, which init always fetches.
  [
    "init's fetch of anything but a URL",
    /\n {4}if \(typeof module_or_path === 'string' \|\| \(typeof Request === 'function' && module_or_path instanceof Request\) \|\| \(typeof URL === 'function' && module_or_path instanceof URL\)\) \{\n {8}module_or_path = fetch\(module_or_path\);\n {4}\}\n/,
    "\n    module_or_path = fetch(module_or_path);\n",
  ],
  // So the loader only ever gets that fetch's Response: its branch for
  // modules and bytes goes, and so does most of the warning's long text.
  [
    "the loader's branch for anything but a Response",
    LOAD,
    `async function __wbg_load(module, imports) {
    if (!module.ok) {
        throw new Error(\`failed to fetch Wasm: \${module.status} \${module.statusText} fetching '\${module.url}'\`);
    }
    if (typeof WebAssembly.instantiateStreaming === 'function') {
        try {
            return await WebAssembly.instantiateStreaming(module, imports);
        } catch (e) {
            // As the original: only a same-origin or CORS response of the wrong MIME type falls back.
            if (!['basic', 'cors', 'default'].includes(module.type) || module.headers.get('Content-Type') === 'application/wasm') throw e;
            console.warn("braintrust-ai-secrets: the .wasm is not served as application/wasm, so it loads the slower way:", e);
        }
    }
    return await WebAssembly.instantiate(await module.arrayBuffer(), imports);
}`,
  ],
  // The glue keeps the instance and the module for threads, which this
  // build does not use: only the exports are read. Nor is there a memory
  // view to drop yet: the finaliser runs once, before any call.
  [
    "the unread instance and module",
    /let wasmModule, wasmInstance, wasm;\nfunction __wbg_finalize_init\(instance, module\) \{\n {4}wasmInstance = instance;\n {4}wasm = instance\.exports;\n {4}wasmModule = module;\n {4}cachedUint8ArrayMemory0 = null;\n/,
    "let wasm;\nfunction __wbg_finalize_init(instance) {\n    wasm = instance.exports;\n",
  ],
  [
    "initSync's module for the finaliser",
    /\n {4}const instance = new WebAssembly\.Instance\(module, imports\);\n {4}return __wbg_finalize_init\(instance, module\);\n/,
    "\n    return __wbg_finalize_init(new WebAssembly.Instance(module, imports));\n",
  ],
  [
    "init's module for the finaliser",
    /\n {4}const \{ instance, module \} = await __wbg_load\(await module_or_path, imports\);\n\n {4}return __wbg_finalize_init\(instance, module\);\n/,
    "\n    return __wbg_finalize_init((await __wbg_load(await module_or_path, imports)).instance);\n",
  ],
];

export function trimGlue(glueFile) {
  let glue = readFileSync(glueFile, "utf8");
  for (const [what, pattern, replacement] of CUTS) glue = replaceExactly(glue, pattern, replacement, 1, what);
  writeFileSync(glueFile, glue);
}
