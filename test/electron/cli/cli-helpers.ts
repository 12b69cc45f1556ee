import Database from 'better-sqlite3';
import { join } from 'node:path';
import { runCli } from '../../../electron/cli/run';

/** Runs the CLI in `dir` against `dir/k.db`, collecting its output. */
export function cliIn(dir: string) {
  return (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = runCli(['--db', 'k.db', ...argv], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      cwd: dir,
      env: { HOME: dir },
      version: 'test',
    });
    const stdout = out.join('\n');
    return { status, stdout, stderr: err, json: stdout ? (JSON.parse(stdout) as unknown) : undefined };
  };
}

/** Everything a write could change, read straight from the file: rows of every table. */
export function contentOf(dir: string) {
  const raw = new Database(join(dir, 'k.db'), { readonly: true });
  const snapshot = {
    cards: raw.prepare('SELECT * FROM cards ORDER BY id').all(),
    organisations: raw.prepare('SELECT * FROM organisations ORDER BY hsa_id').all(),
    findings: raw.prepare('SELECT * FROM card_findings ORDER BY card_id, code').all(),
    audit: raw.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
  };
  raw.close();
  return snapshot;
}

/** A deterministic UUID for test row n. */
export const uuid = (n: number) => `6f1c1f7e-3b7a-4a51-9a51-${String(n).padStart(12, '0')}`;

/** Writes rows as CSV with the given separator, quoting what needs it. */
export function toCsv(rows: Record<string, unknown>[], sep = ';', bom = false): string {
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    let text = '';
    if (Array.isArray(v)) text = v.join('|');
    else if (typeof v === 'string') text = v;
    else if (typeof v === 'number' || typeof v === 'boolean') text = String(v);
    else if (v !== undefined && v !== null) text = JSON.stringify(v);
    return /[;,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [fields.join(sep), ...rows.map((r) => fields.map((f) => cell(r[f])).join(sep))];
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
