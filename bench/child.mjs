// A fresh process for one contender: `cold` (import, make a client, one
// create; time since the process started) or `memory` (RSS and JS heap after
// N1 and N2 creates, after a full GC). Prints one JSON line.
import { makeContender } from "./contenders.mjs";

const [mode, name, baseURL, apiKey, ...rest] = process.argv.slice(2);
const call = await makeContender(name, { baseURL, apiKey });

if (mode === "cold") {
  await call();
  console.log(JSON.stringify({ ms: performance.now() }));
} else if (mode === "memory") {
  const marks = rest.map(Number);
  const out = [];
  let done = 0;
  for (const target of marks) {
    let next = done;
    const worker = async () => {
      while (next < target) {
        next++;
        await call();
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
    done = target;
    // A GC only queues FinalizationRegistry callbacks (undici registers one
    // per AbortSignal); the entries they release go in a later GC. So let
    // the callbacks run between collections, or the heap reads high at
    // random by what is still queued.
    for (let i = 0; i < 4; i++) {
      globalThis.gc?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    const m = process.memoryUsage();
    out.push({ creates: target, rssMB: +(m.rss / 2 ** 20).toFixed(1), heapUsedMB: +(m.heapUsed / 2 ** 20).toFixed(2), externalMB: +(m.external / 2 ** 20).toFixed(2), arrayBuffersMB: +(m.arrayBuffers / 2 ** 20).toFixed(2) });
  }
  console.log(JSON.stringify(out));
}
