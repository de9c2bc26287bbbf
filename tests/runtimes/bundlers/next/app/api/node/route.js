// Next's server form (Node runtime): the package as Next's server bundle resolves it.
export { GET } from "../../../handler.js";
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
