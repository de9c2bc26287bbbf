// What the CLI prints: aligned tables on a terminal (tab-separated columns
// elsewhere), plans as a diff, a progress bar on a terminal. Never a value:
// only names, types, previews and times.

const DAY_MS = 86_400_000;

/** Rows as aligned columns under `headers`. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c == null ? "" : String(c))));
  if (!process.stdout.isTTY) return cells.slice(1).map((r) => r.join("\t")).join("\n");
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

/** Whole days since an ISO time, or "" when there is none. */
export function age(iso, now = Date.now()) {
  const t = Date.parse(iso ?? "");
  return Number.isNaN(t) ? "" : `${Math.floor(Math.max(0, now - t) / DAY_MS)}d`;
}

export function secretRows(secrets) {
  return secrets.map((s) => [s.name, s.type ?? "", s.preview_secret ?? "", age(s.secret_updated_at ?? s.created), s.id]);
}
export const SECRET_HEADERS = ["NAME", "TYPE", "PREVIEW", "AGE", "ID"];

const SIGN = { add: "+", remove: "-", change: "~" };
const REASON = { forced: "--rotate", preview_differs: "the value differs from the stored preview", no_stored_value: "no value is stored" };

/** A plan as a diff, one line per write, then a count. */
export function planText(plan) {
  const lines = plan.actions.map((a) => {
    switch (a.op) {
      case "create":
        return `+ create ${a.name}${a.type ? ` (${a.type})` : ""}${a.with_value ? ", with its value" : ""}`;
      case "update":
        return `~ update ${a.name}: ${a.changes.map((c) => `${SIGN[c.change]}${c.field}`).join(", ")}${a.rotate ? `; ↻ rotate (${REASON[a.rotate]})` : ""}`;
      case "rotate":
        return `↻ rotate ${a.name} (${REASON[a.reason]})`;
      case "delete":
        return `- delete ${a.name}`;
      default:
        return `? ${a.op} ${a.name}`;
    }
  });
  // Notes of one kind together (an org with many secrets outside the manifest).
  const byMessage = Map.groupBy ? Map.groupBy(plan.notes, (n) => n.message) : group(plan.notes);
  for (const [message, notes] of byMessage) {
    const names = notes.map((n) => n.name);
    const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    lines.push(`  note: ${shown} ${message}`);
  }
  lines.push(summary(plan));
  return lines.join("\n");
}

function group(notes) {
  const out = new Map();
  for (const n of notes) out.set(n.message, [...(out.get(n.message) ?? []), n]);
  return out;
}

function summary(plan) {
  const count = (op) => plan.actions.filter((a) => a.op === op || (op === "rotate" && a.op === "update" && a.rotate)).length;
  if (!plan.actions.length) return `No changes: ${plan.unchanged.length} secret${plan.unchanged.length === 1 ? "" : "s"} already as the manifest says.`;
  return `Plan: ${count("create")} to create, ${count("update")} to update, ${count("rotate")} to rotate, ${count("delete")} to delete, ${plan.unchanged.length} unchanged.`;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise. */
export function progress(total) {
  const tty = process.stderr.isTTY && total > 0;
  let done = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  };
  if (tty) draw();
  return {
    tick() {
      done++;
      if (tty) draw();
    },
    end() {
      if (tty) process.stderr.write("\n");
    },
  };
}
