// The assertions the scenario suites share. Plain functions, so that the
// suites run unchanged in Node and in a browser page.

export function check(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

/** Equal as JSON (key order included). */
export function equal(a, b, message) {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  if (x !== y) throw new Error(`assertion failed: ${message}: ${x} !== ${y}`);
}

/** The error `call` throws or rejects with (undefined if it succeeds). */
export async function errorOf(call) {
  try {
    await call();
  } catch (e) {
    return e;
  }
  return undefined;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
