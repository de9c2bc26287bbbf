// The code and data sections of a wasm module, each gzipped alone: where a
// difference between two builds of one module lies (instructions or
// constants). Each section compresses worse alone than inside the file, so
// the two parts add up to a little more than the file's own difference.
import { gzipSync } from "node:zlib";

const CODE = 10;
const DATA = 11;

/** `{ code, data }`: each section's gzip -9 size in bytes. */
export function sectionGzip(wasm) {
  const out = { code: 0, data: 0 };
  let p = 8; // after the magic number and version
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = wasm[p++];
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
    }
  };
  while (p < wasm.length) {
    const id = wasm[p++];
    const len = leb();
    const body = wasm.subarray(p, p + len);
    if (id === CODE) out.code = gzipSync(body, { level: 9 }).length;
    if (id === DATA) out.data = gzipSync(body, { level: 9 }).length;
    p += len;
  }
  return out;
}
