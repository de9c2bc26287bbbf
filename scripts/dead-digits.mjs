// Zeroes core::fmt's two-digit table ("000102…99", 200 bytes) in the shipped
// wasm when nothing in it refers to the table any more. The linker keeps the
// table because alloc's out-of-memory panic formats its size with it; our
// panic handler traps without formatting, so wasm-opt drops that code, but it
// never drops data (it cannot know which bytes a pointer may reach). The
// digits do not compress: zeroing them saves 0.2 KB gzip.
//
// The table is zeroed only when no address within it appears anywhere the
// module could take it from: an `i32.const` (in code or a global's initial
// value), a load's or store's offset, or a 4-byte word of data. (Code that
// read it would name its first byte; the address one past its last is the
// next object's.) Otherwise it stays.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dataSegments } from "./wasm-data.mjs";

const TABLE = Buffer.from(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join(""));

/** Returns what it did: "zeroed", "absent" or why it kept the table.
 * (`table`: other bytes to treat the same way, for tests of the check.) */
export function zeroDeadDigits({ wasmDis, wasmFile, table = TABLE }) {
  const bytes = readFileSync(wasmFile);
  const at = bytes.indexOf(table);
  if (at < 0) return "absent";
  const segments = dataSegments(bytes);
  const seg = segments.find((s) => s.address !== null && at >= s.file && at + table.length <= s.file + s.length);
  if (!seg) return "kept: the table is not in an active data segment";
  const lo = seg.address + (at - seg.file);
  const hi = lo + table.length;
  const near = (v) => v >= lo && v < hi;

  // Every constant and memory offset in the code and the globals, from
  // binaryen's text form (the data segments' own lines are not code).
  const text = execFileSync(wasmDis, [wasmFile], { encoding: "utf8", maxBuffer: 64 << 20 });
  for (const line of text.split("\n")) {
    if (line.startsWith(" (data ")) continue;
    for (const m of line.matchAll(/\bi32\.const (-?\d+)|\boffset=(\d+)/g)) {
      const v = Number(m[1] ?? m[2]) >>> 0;
      if (near(v)) return `kept: the code refers to ${v}`;
    }
  }
  // Every 4-byte word of data, at any alignment (a pointer in a table).
  for (const s of segments) {
    for (let i = s.file; i + 4 <= s.file + s.length; i++) {
      if (near(bytes.readUInt32LE(i))) return `kept: data at ${s.address + (i - s.file)} may point into it`;
    }
  }
  bytes.fill(0, at, at + table.length);
  writeFileSync(wasmFile, bytes);
  return "zeroed";
}
