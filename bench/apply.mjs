// The CLI's `apply` measured: a manifest of `n` secrets into an empty org
// (each a create, with its value from the environment), then the same
// manifest again (nothing to do). Wall time of the whole command, and the
// requests it sent (its own count, from --json) beside the fewest possible.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../pkg/cli/main.mjs", import.meta.url));
const PAGE = 100; // the CLI lists in pages of 100

function apply(file, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, "apply", "-f", file, "--json"], { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`apply exited ${code}`));
      const r = JSON.parse(out);
      resolve({ ms: performance.now() - started, requests: r.requests, done: r.done.length, failed: r.failed.length });
    });
  });
}

export async function benchApply(baseURL, apiKey, n) {
  const dir = mkdtempSync(join(tmpdir(), "bt-apply-"));
  try {
    const env = { PATH: process.env.PATH, BRAINTRUST_API_KEY: apiKey, BRAINTRUST_BASE_URL: baseURL };
    const lines = ["secrets:"];
    for (let i = 0; i < n; i++) {
      env[`V_${i}`] = `sk-bench-${i}-${"x".repeat(24)}`;
      lines.push(`  - name: bench-${i}`, "    type: openai", `    value: env:V_${i}`);
    }
    const file = join(dir, "secrets.yaml");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const first = await apply(file, env);
    const again = await apply(file, env);
    if (first.done !== n || first.failed || again.done) throw new Error("apply did not do what was planned");
    const pages = Math.floor(n / PAGE) + 1;
    return [
      { run: "into an empty org", ...first, minimum: n + 1, why: `one list, one create per secret` },
      { run: "again (no changes)", ...again, minimum: pages, why: `the list only: ${pages} page${pages === 1 ? "" : "s"} of ${PAGE}, the last short` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
