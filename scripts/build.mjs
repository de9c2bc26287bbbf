// Builds the npm package in pkg/: the wasm (release profile, wasm-opt -Oz)
// with wasm-pack's web target, the entry points, the CommonJS bundle, the
// types and the package.json with conditional exports.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyNames } from "./minify-names.mjs";
import { trimGlue } from "./trim-glue.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "pkg");
const bin = join(root, "node_modules", ".bin");
// wasm-opt from npm's binaryen (Debian's 108 emits modules that fail to load).
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });

// Built without reference types, so wasm-bindgen keeps JS values in a JS
// array (its heap slab) instead of an externref table run from wasm: no
// table allocator and no externref shim around each export (wasm -0.59 KB,
// glue +0.25 KB gzip; no CPU change beyond noise in instant-fetch A/Bs).
// wasm-bindgen picks its mode from the module's target_features section, and
// that still says +reference-types, from the prebuilt core and alloc (which
// use no reference types): -Cstrip=symbols drops the section. Should it stay,
// wasm-bindgen stops with "failed to find `__wbindgen_externref_table_alloc`"
// instead of shipping a mismatched module.
//
// A 64 KB stack instead of rustc's 1 MB: the deepest the shadow stack goes
// is about 1 KB (tests/node/memory.test.mjs measures it), and the module
// starts with 2 pages of memory instead of 17. Addresses of data then fit
// 3-byte constants instead of 4 (signed LEB128 reaches 2^20 in 3 bytes):
// -0.36 KB raw, -0.06 KB gzip. The stack sits below the data, so an
// overflow would trap, never overwrite data.
const rustflags = ["-Ctarget-feature=-reference-types", "-Cstrip=symbols", "-Clink-arg=-zstack-size=65536"];

// `--nightly-size`: the optional size profile. It rebuilds core and alloc
// with panics that trap on the spot (as the stable build's own panic handler
// does) and without panic locations or their file names. It needs a nightly
// toolchain with rust-src; the default build stays on stable.
const nightlySize = process.argv.includes("--nightly-size");
const cargoArgs = ["--features", "no-std"];
if (nightlySize) {
  const sysroot = execFileSync(process.env.RUSTC ?? "rustc", ["--print", "sysroot"], { cwd: root, env, encoding: "utf8" }).trim();
  if (!existsSync(join(sysroot, "lib/rustlib/src/rust/library/core"))) {
    throw new Error(`--nightly-size needs a nightly toolchain with rust-src (none under ${sysroot}): rustup component add rust-src --toolchain nightly, then RUSTUP_TOOLCHAIN=nightly npm run build -- --nightly-size`);
  }
  // Its own target dir, so switching profiles does not rebuild the stable one.
  cargoArgs.push("--target-dir", join(root, "target/nightly-size"), "-Zbuild-std=core,alloc", "-Zbuild-std-features=optimize_for_size");
  rustflags.push("-Zunstable-options", "-Cpanic=immediate-abort", "-Zlocation-detail=none");
}
// Cargo takes the first of CARGO_ENCODED_RUSTFLAGS, RUSTFLAGS and the
// target's config, so these flags go first in line, after the caller's own
// (with `--target`, none of them reach build scripts or proc macros).
const callers = process.env.CARGO_ENCODED_RUSTFLAGS?.split("\x1f") ?? process.env.RUSTFLAGS?.split(/\s+/) ?? [];
env.CARGO_ENCODED_RUSTFLAGS = [...callers.filter(Boolean), ...rustflags].join("\x1f");
// cdylib/ is the crate in src/ as a cdylib only (cdylib/Cargo.toml says
// why); its out-dir is relative to it.
run("wasm-pack", ["build", "cdylib", "--target", "web", "--release", "--mode", "no-install", "--no-pack", "--out-dir", "../pkg", "--out-name", "braintrust_ai_secrets", "--", ...cargoArgs]);

// The glue's code that no entry reaches (scripts/trim-glue.mjs).
trimGlue(join(pkg, "braintrust_ai_secrets.js"));

// Short import/export names in the wasm, and the glue rewritten to match.
// The same wasm-opt run then re-coalesces and re-orders each function's
// locals: done last, it saves 0.05 KB gzip (in cdylib/Cargo.toml's -Oz list, 0.01).
minifyNames({
  wasmOpt: join(bin, "wasm-opt"),
  wasmFile: join(pkg, "braintrust_ai_secrets_bg.wasm"),
  glueFile: join(pkg, "braintrust_ai_secrets.js"),
  passes: ["--coalesce-locals-learning", "--reorder-locals"],
});

// The glue ships minified, with the snippets it imports (js/probe.js)
// bundled in: one file, one request for users who load pkg/ unbundled, and
// one gzip stream in which the helpers' names shrink too (2.45 -> 2.03 KB
// gzip). wasm-bindgen's import object repeats the snippet's key with the
// same namespace, hence the override.
const glue = join(pkg, "braintrust_ai_secrets.js");
run(join(bin, "esbuild"), [glue, "--bundle", "--minify", "--format=esm", "--log-level=warning", "--log-override:duplicate-object-key=silent", "--allow-overwrite", `--outfile=${glue}`]);
if (/\bfrom\s*["']|\bimport\s*\(/.test(readFileSync(glue, "utf8"))) throw new Error("build: the bundled glue still imports a module");
rmSync(join(pkg, "snippets"), { recursive: true, force: true });

for (const f of [".gitignore", "braintrust_ai_secrets.d.ts", "braintrust_ai_secrets_bg.wasm.d.ts", "package.json"]) {
  rmSync(join(pkg, f), { force: true });
}
copyFileSync(join(root, "js/errors.js"), join(pkg, "errors.js"));
copyFileSync(join(root, "js/surface.js"), join(pkg, "surface.js"));
copyFileSync(join(root, "js/transport.js"), join(pkg, "transport.js"));
copyFileSync(join(root, "js/web.js"), join(pkg, "index.js"));
copyFileSync(join(root, "js/node.mjs"), join(pkg, "node.mjs"));
copyFileSync(join(root, "js/node-env.js"), join(pkg, "node-env.js"));
copyFileSync(join(root, "js/index.d.ts"), join(pkg, "index.d.ts"));
copyFileSync(join(root, "js/index.d.ts"), join(pkg, "index.d.cts"));
copyFileSync(join(root, "README.md"), join(pkg, "README.md"));

// require(): one CommonJS file with the glue and surface bundled in.
copyFileSync(join(root, "js/node-cjs.js"), join(pkg, "node-cjs.src.js"));
run(join(bin, "esbuild"), [join(pkg, "node-cjs.src.js"), "--bundle", "--format=cjs", "--platform=node", "--target=node18", "--log-level=error", `--outfile=${join(pkg, "node.cjs")}`]);
rmSync(join(pkg, "node-cjs.src.js"));

const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const manifest = {
  name: "braintrust-ai-secrets",
  version,
  description: "Client for Braintrust's AI-secret API (Rust compiled to WebAssembly), for browsers and Node.",
  license: "Apache-2.0",
  type: "module",
  sideEffects: ["./index.js", "./node.mjs", "./node.cjs"],
  engines: { node: ">=18" },
  main: "./node.cjs",
  module: "./index.js",
  types: "./index.d.ts",
  exports: {
    ".": {
      node: {
        import: { types: "./index.d.ts", default: "./node.mjs" },
        require: { types: "./index.d.cts", default: "./node.cjs" },
      },
      browser: { types: "./index.d.ts", default: "./index.js" },
      worker: { types: "./index.d.ts", default: "./index.js" },
      default: { types: "./index.d.ts", default: "./index.js" },
    },
    "./braintrust_ai_secrets_bg.wasm": "./braintrust_ai_secrets_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["index.js", "node.mjs", "node-env.js", "node.cjs", "errors.js", "surface.js", "transport.js", "braintrust_ai_secrets.js", "braintrust_ai_secrets_bg.wasm", "index.d.ts", "index.d.cts", "README.md"],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
if (!existsSync(join(pkg, "braintrust_ai_secrets_bg.wasm"))) throw new Error("build produced no wasm");

// Let tests, the demo and the bench import the package by its name, through
// its `exports`, exactly as a user would.
const link = join(root, "node_modules", "braintrust-ai-secrets");
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { recursive: true, force: true });
symlinkSync("../pkg", link, "dir");
console.error("build: pkg/ ready");
