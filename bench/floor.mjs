// The stack floor (bench/floor): built as the package's module is (release
// profile, wasm-pack's web target, wasm-opt -Oz), loaded from its bytes.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const FLOOR_DIR = join(root, "target/bench-floor");
export const FLOOR_FILES = { wasm: join(FLOOR_DIR, "floor_bg.wasm"), glue: join(FLOOR_DIR, "floor.js") };

export function buildFloor() {
  const env = { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` };
  execFileSync("wasm-pack", ["--quiet", "build", "bench/floor", "--target", "web", "--release", "--mode", "no-install", "--no-pack", "--out-dir", FLOOR_DIR, "--out-name", "floor"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}

/** The floor's client class, its module instantiated. */
export async function loadFloor() {
  const glue = await import(pathToFileURL(FLOOR_FILES.glue).href);
  glue.initSync({ module: readFileSync(FLOOR_FILES.wasm) });
  return glue.FloorClient;
}
