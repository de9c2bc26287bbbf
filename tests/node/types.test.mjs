// The package's .d.ts checked by `tsc --noEmit --strict` on a usage file,
// under moduleResolution node16 (ESM and CJS) and bundler. The usage file
// holds @ts-expect-error lines, so types that were too loose fail too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsc = `${root}node_modules/.bin/tsc`;

for (const config of ["node16", "bundler", "readme"]) {
  test(`tsc --strict accepts the usage file under moduleResolution ${config}`, () => {
    try {
      execFileSync(tsc, ["-p", `tests/types/tsconfig.${config}.json`], { cwd: root, encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
}

test("the declarations use no `any`", () => {
  for (const f of ["index.d.ts", ...readdirSync(`${root}pkg/types`).map((t) => `types/${t}`)]) {
    const dts = readFileSync(`${root}pkg/${f}`, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    assert.doesNotMatch(dts, /\bany\b/, f);
  }
});
