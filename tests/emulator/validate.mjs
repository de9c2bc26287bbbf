// Request-body checks the real API makes (400 with a text body), written from
// the spec's schemas CreateAISecret, PatchAISecret and DeleteAISecret.

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

const SCHEMAS = {
  CreateAISecret: { required: ["name"], props: { name: "string", type: "string?", metadata: "object?", secret: "string?", org_name: "string?" } },
  PatchAISecret: { required: [], props: { name: "string?", type: "string?", metadata: "object?", secret: "string?" } },
  DeleteAISecret: { required: ["name"], props: { name: "string", org_name: "string?" } },
};

/** Returns an error sentence, or null when `body` fits the schema. */
export function checkBody(schemaName, body) {
  const schema = SCHEMAS[schemaName];
  if (!isObj(body)) return `Request body must be a JSON object (${schemaName})`;
  for (const k of schema.required) if (!(k in body)) return `Missing required field '${k}'`;
  for (const [k, v] of Object.entries(body)) {
    const type = schema.props[k];
    if (!type) continue; // the real API ignores unknown fields
    const nullable = type.endsWith("?");
    if (v === null && nullable) continue;
    const base = type.replace("?", "");
    if (base === "string" && typeof v !== "string") return `Field '${k}' must be a string${nullable ? " or null" : ""}`;
    if (base === "object" && !isObj(v)) return `Field '${k}' must be an object${nullable ? " or null" : ""}`;
  }
  if (typeof body.name === "string" && body.name.length === 0) return "Field 'name' must not be empty";
  return null;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
