// Checks requests against Braintrust's own OpenAPI spec, read from
// ../shared/spec/braintrust-openapi.json (never copied into the project).
// Covers the operation, path and query parameters (types, formats, minimum,
// repeated array parameters, unknown names) and the JSON body ($ref, type,
// nullable, required, properties, formats). Where the file is absent the
// checker says so and skips.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SPEC_PATH = fileURLToPath(new URL("../../../shared/spec/braintrust-openapi.json", import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class SpecChecker {
  constructor(path = process.env.BRAINTRUST_OPENAPI_SPEC ?? SPEC_PATH) {
    this.path = path;
    this.available = existsSync(path);
    if (!this.available) {
      this.skipReason = `spec not found at ${path}: request checks skipped`;
      return;
    }
    this.spec = JSON.parse(readFileSync(path, "utf8"));
    this.operations = Object.entries(this.spec.paths)
      .filter(([p]) => p.startsWith("/v1/ai_secret"))
      .map(([template, item]) => ({ template, item, re: new RegExp(`^${template.replace(/\{[^}]+\}/g, "([^/]+)")}$`), names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]) }));
  }

  resolve(node) {
    while (node && node.$ref) {
      node = node.$ref.replace(/^#\//, "").split("/").reduce((n, k) => n[k], this.spec);
    }
    return node;
  }

  /** Problems with a value against a schema, each a sentence. */
  value(schema, v, at) {
    schema = this.resolve(schema) ?? {};
    if (v === null) return schema.nullable || Object.keys(schema).length === 0 ? [] : [`${at} is null but not nullable`];
    if (schema.anyOf) {
      const fits = schema.anyOf.some((s) => this.value(s, v, at).length === 0);
      return fits ? [] : [`${at} matches none of anyOf`];
    }
    const problems = [];
    switch (schema.type) {
      case "string":
        if (typeof v !== "string") return [`${at} should be a string`];
        if (schema.format === "uuid" && !UUID.test(v)) problems.push(`${at} should be a uuid`);
        if (schema.format === "date-time" && !DATE_TIME.test(v)) problems.push(`${at} should be a date-time`);
        break;
      case "integer":
        if (!Number.isInteger(v)) return [`${at} should be an integer`];
        if (schema.minimum !== undefined && v < schema.minimum) problems.push(`${at} is below ${schema.minimum}`);
        break;
      case "array":
        if (!Array.isArray(v)) return [`${at} should be an array`];
        v.forEach((x, i) => problems.push(...this.value(schema.items, x, `${at}[${i}]`)));
        break;
      case "object": {
        if (typeof v !== "object" || Array.isArray(v)) return [`${at} should be an object`];
        for (const r of schema.required ?? []) if (!(r in v)) problems.push(`${at}.${r} is required`);
        const props = schema.properties ?? {};
        for (const [k, x] of Object.entries(v)) {
          if (props[k]) problems.push(...this.value(props[k], x, `${at}.${k}`));
          else if (schema.additionalProperties === false) problems.push(`${at}.${k} is not allowed`);
          else if (schema.properties) problems.push(`${at}.${k} is not a property of the schema`);
        }
        break;
      }
    }
    return problems;
  }

  /** Query strings carry text: coerce a raw value to what the schema wants. */
  coerce(schema, raw) {
    schema = this.resolve(schema) ?? {};
    if (schema.type === "integer") return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    return raw;
  }

  /** Violations of one request: [] when it conforms or when the spec is absent. */
  check({ method, path, query, body }) {
    if (!this.available) return [];
    const found = this.operations.find((o) => o.re.test(path));
    if (!found) return [`${method} ${path}: no such path in the spec`];
    const op = found.item[method.toLowerCase()];
    if (!op) return [`${method} ${path}: no such operation in the spec`];
    const where = `${method} ${found.template}`;
    const problems = [];
    const params = (op.parameters ?? []).map((p) => this.resolve(p));
    const match = found.re.exec(path);
    found.names.forEach((name, i) => {
      const p = params.find((x) => x.in === "path" && x.name === name);
      problems.push(...this.value(p?.schema, decodeURIComponent(match[i + 1]), `path parameter ${name}`));
    });
    const q = new URLSearchParams(query ?? "");
    const queryParams = params.filter((p) => p.in === "query");
    for (const name of new Set(q.keys())) {
      const p = queryParams.find((x) => x.name === name);
      if (!p) {
        problems.push(`query parameter ${name} is not in the spec`);
        continue;
      }
      const all = q.getAll(name);
      const schema = this.resolve(p.schema);
      const arrayOk = schema.type === "array" || (schema.anyOf ?? []).some((s) => this.resolve(s).type === "array");
      if (all.length > 1 && !arrayOk) problems.push(`query parameter ${name} is repeated but not an array`);
      const v = all.length > 1 ? all : this.coerce(schema, all[0]);
      problems.push(...this.value(schema, v, `query parameter ${name}`));
    }
    if (body !== undefined && body !== "") {
      const content = this.resolve(op.requestBody)?.content?.["application/json"];
      if (!content) problems.push("a body was sent but the operation takes none");
      else {
        let parsed;
        try {
          parsed = JSON.parse(body);
          problems.push(...this.value(content.schema, parsed, "body"));
        } catch {
          problems.push("body is not JSON");
        }
      }
    }
    return problems.map((p) => `${where}: ${p}`);
  }
}
