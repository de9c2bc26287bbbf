// Builds the npm package in pkg/: the wasm crate with wasm-pack (release
// profile: opt-level "z", LTO, panic = "abort", wasm-opt -Oz) for the web
// target, the JS entry points, the CommonJS bundle, the types and the
// package.json with conditional exports.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "pkg");
const bin = join(root, "node_modules", ".bin");
// wasm-opt from npm's binaryen (Debian's is too old for current modules).
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });

rmSync(pkg, { recursive: true, force: true });
run("wasm-pack", ["build", "crates/wasm", "--target", "web", "--release", "--mode", "no-install", "--no-pack", "--out-dir", "../../pkg", "--out-name", "braintrust_ai_secrets"]);
// The sync logic (manifests, plans, audits) as a second module, loaded on
// first use: a page that only creates secrets never downloads it.
run("wasm-pack", ["build", "crates/sync-wasm", "--target", "web", "--release", "--mode", "no-install", "--no-pack", "--out-dir", "../../pkg/sync", "--out-name", "braintrust_ai_secrets_sync"]);
for (const f of [".gitignore", "braintrust_ai_secrets.d.ts", "braintrust_ai_secrets_bg.wasm.d.ts", "package.json"]) {
  rmSync(join(pkg, f), { force: true });
  rmSync(join(pkg, "sync", f.replace("braintrust_ai_secrets", "braintrust_ai_secrets_sync")), { force: true });
}
for (const [from, to] of [
  ["js/errors.js", "errors.js"],
  ["js/surface.js", "surface.js"],
  ["js/lifecycle.js", "lifecycle.js"],
  ["js/web.js", "index.js"],
  ["js/node.mjs", "node.mjs"],
  ["js/node-env.js", "node-env.js"],
  ["js/index.d.ts", "index.d.ts"],
  ["js/index.d.ts", "index.d.cts"],
  ["README.md", "README.md"],
]) copyFileSync(join(root, from), join(pkg, to));
// The CLI (js/cli): `npx braintrust-ai-secrets …`.
mkdirSync(join(pkg, "cli"));
for (const f of readdirSync(join(root, "js", "cli"))) copyFileSync(join(root, "js", "cli", f), join(pkg, "cli", f));
chmodSync(join(pkg, "cli", "main.mjs"), 0o755);

// require(): node.mjs bundled into one CommonJS file, glue included; its
// `import.meta.url` becomes the bundle's own file URL. As the official
// client's, `require()` gives the client class, every export on it.
run(join(bin, "esbuild"), [join(pkg, "node.mjs"), "--bundle", "--format=cjs", "--platform=node", "--target=node18", "--log-level=error",
  "--define:import.meta.url=__bundle_url", "--banner:js=const __bundle_url = require(\"node:url\").pathToFileURL(__filename).href;",
  "--keep-names", "--footer:js=module.exports = Object.assign(module.exports.default, module.exports);", `--outfile=${join(pkg, "node.cjs")}`]);

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
  bin: { "braintrust-ai-secrets": "./cli/main.mjs" },
  // The CLI reads YAML manifests; the library itself needs nothing.
  dependencies: { yaml: JSON.parse(readFileSync(join(root, "package.json"), "utf8")).dependencies.yaml },
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
  files: ["index.js", "node.mjs", "node-env.js", "node.cjs", "errors.js", "surface.js", "lifecycle.js", "braintrust_ai_secrets.js", "braintrust_ai_secrets_bg.wasm", "snippets/", "cli/", "sync/", "index.d.ts", "index.d.cts", "README.md"],
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
