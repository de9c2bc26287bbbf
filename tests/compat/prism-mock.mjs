// A Prism mock server of a spec on 127.0.0.1, as the official client's tests
// use one (`prism mock`); started from node_modules/.bin so the PID is
// Prism's own.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { refusedUrl } from "../node/helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

export async function startPrismMock(spec) {
  const port = new URL(await refusedUrl()).port;
  const child = spawn(join(root, "node_modules/.bin/prism"), ["mock", spec, "--host", "127.0.0.1", "--port", port], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${output}`)), 60000);
    const onData = (d) => {
      output += d;
      if (/listening on/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`Prism exited (${code}):\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
