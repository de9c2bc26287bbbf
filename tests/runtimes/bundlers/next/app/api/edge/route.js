// Next's edge form (runtime "edge": the edge-light condition, the .wasm imported with ?module).
export { GET } from "../../../handler.js";
export const runtime = "edge";
export const dynamic = "force-dynamic";
