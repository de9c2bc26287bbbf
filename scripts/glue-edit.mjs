// Checked rewrites of the glue that wasm-bindgen 0.2.130 (pinned) writes,
// for scripts/minify-names.mjs and scripts/trim-glue.mjs: a glue of another
// shape stops the build instead of shipping a broken one.

/** `fail(why)` and `replaceExactly(...)` that name `tool` when they stop the build. */
export function glueEditor(tool) {
  const fail = (why) => {
    throw new Error(`${tool}: ${why} (has the wasm-bindgen glue changed shape?)`);
  };
  /** Replaces `pattern` in `text`, insisting on exactly `count` matches. */
  const replaceExactly = (text, pattern, replacement, count, what) => {
    let n = 0;
    const out = text.replace(pattern, (...m) => {
      n++;
      return typeof replacement === "function" ? replacement(...m) : replacement;
    });
    if (n !== count) fail(`${what}: ${n} matches, expected ${count}`);
    return out;
  };
  return { fail, replaceExactly };
}
