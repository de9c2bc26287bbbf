// The wasm modules ship inside JS modules, gzip-compressed and base64-encoded
// (scripts/build.mjs writes wasm-inline.js and sync/wasm-inline.js), so that
// every bundler and runtime carries them as plain JS, with no asset to copy
// and no URL to resolve: see docs/ARCHITECTURE.md, "Loading the wasm".

const decode =
  typeof Uint8Array.fromBase64 === "function"
    ? (text) => Uint8Array.fromBase64(text)
    : (text) => {
        const raw = atob(text);
        const bytes = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
        return bytes;
      };

/** The bytes of a module shipped as base64 of its gzip, unpacked with the
 * platform's DecompressionStream (browsers, workers, Deno, Bun, Node). */
export async function unpack(gzipBase64) {
  const stream = new Blob([decode(gzipBase64)]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
