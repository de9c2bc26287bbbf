// Reads a wasm module's data section: where each segment's bytes sit in the
// file and, for an active segment, at which memory address they load.
// (tests/node/memory.test.mjs, for the stack.)

/** The data segments of `bytes` (a Buffer or Uint8Array of a module):
 * `{ file, address, length }`, `address` null for a passive segment. */
export function dataSegments(bytes) {
  let p = 8;
  const leb = (signed = false) => {
    let v = 0, shift = 0, b;
    do {
      b = bytes[p++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return signed && b & 0x40 ? v - 2 ** shift : v;
  };
  const segments = [];
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    if (id !== 11) {
      p += size;
      continue;
    }
    for (let n = leb(); n > 0; n--) {
      const flags = leb();
      if (flags === 2) leb();
      let address = null;
      if (flags !== 1) {
        if (bytes[p++] !== 0x41) throw new Error("wasm-data: a data segment's offset is not an i32.const");
        address = leb(true) >>> 0;
        if (bytes[p++] !== 0x0b) throw new Error("wasm-data: a data segment's offset is not a lone i32.const");
      }
      const length = leb();
      segments.push({ file: p, address, length });
      p += length;
    }
    break;
  }
  return segments;
}
