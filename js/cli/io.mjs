// Where values come from and how the CLI asks: value sources (env:NAME,
// file:PATH, stdin), a hidden prompt on a terminal, a yes/no question.
// Values never come from the command line, which other users of the
// machine can read (ps, /proc/<pid>/cmdline).

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export class UsageError extends Error {}

let stdinText;
/** All of standard input, read once. */
export async function readStdin() {
  if (stdinText !== undefined) return stdinText;
  if (process.stdin.isTTY) throw new UsageError("stdin is a terminal: pipe the value in (for example `printf %s \"$KEY\" | …`).");
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  stdinText = Buffer.concat(chunks).toString("utf8");
  return stdinText;
}

const oneLine = (s) => s.replace(/\r?\n$/, "");

/** The value a source named on the command line (`env:NAME`, `file:PATH`,
 * `stdin`) names; `what` says whose it is, in errors. */
export function readSource(source, what) {
  const at = source.indexOf(":");
  return source === "stdin" ? readFrom({ from: "stdin" }, what) : readFrom({ from: source.slice(0, at), ref: source.slice(at + 1) }, what);
}

/** The value of a parsed source `{ from, ref }` (as the core's manifest
 * check gives them, crates/core/src/sync/manifest.rs `Source`). */
export async function readFrom({ from: kind, ref }, what) {
  if (kind === "stdin") {
    const v = oneLine(await readStdin());
    if (!v) throw new UsageError(`${what}: stdin was empty.`);
    return v;
  }
  if (kind === "env") {
    const v = process.env[ref];
    if (v === undefined || v === "") throw new UsageError(`${what}: the environment variable ${ref} is not set.`);
    return v;
  }
  if (kind === "file") {
    try {
      const v = oneLine(readFileSync(ref, "utf8"));
      if (!v) throw new UsageError(`${what}: the file ${ref} is empty.`);
      return v;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${what}: cannot read the file ${ref} (${e.code ?? e.message}).`);
    }
  }
  throw new UsageError(`${what}: a value source is env:NAME, file:PATH or stdin.`);
}

/** A value typed at a hidden prompt (a terminal), or read from `source`. */
export async function askValue(source, what) {
  if (source) return readSource(source, what);
  if (!process.stdin.isTTY) return readSource("stdin", what);
  return hiddenPrompt(`${what}: `);
}

function hiddenPrompt(question) {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing of what is typed.
    rl._writeToOutput = (s) => {
      if (s.startsWith(question)) process.stderr.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      answer ? resolve(answer) : reject(new UsageError("no value was typed."));
    });
  });
}

/** Whether the user confirms on a terminal; without one, `yes` decides. */
export async function confirm(question, yes) {
  if (yes) return true;
  if (!process.stdin.isTTY) throw new UsageError(`${question} Pass --yes to confirm when not on a terminal.`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise((r) => rl.question(`${question} [y/N] `, r));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}
