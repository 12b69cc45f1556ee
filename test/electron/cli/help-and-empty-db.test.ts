import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, runCli } from '../../../electron/cli/run';
import { tempDir } from '../../fixtures/cards';
import { cliIn } from './cli-helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir, KORTLIGGAREN_DATA_DIR: dir },
    version: 'test',
  });
  return { status, stdout: out.join('\n'), stderr: err };
}

// Issue 13 item 13: `--help` did not list backup, restore and personal-data.
describe('--help', () => {
  it.each(['sv', 'en'])('lists every command the CLI knows (%s)', (lang) => {
    const help = run('--lang', lang, '--help');
    expect(help.status).toBe(0);
    const listed = new Set(help.stdout.split('\n').map((line) => /^ {2}([a-z-]+)/.exec(line)?.[1]));
    expect(COMMAND_NAMES.filter((name) => !listed.has(name))).toEqual([]);
    for (const usage of [
      'backup list',
      'restore NAM',
      'personal-data erase-expired',
      'personal-data export',
    ]) {
      expect(help.stdout).toContain(`  ${usage}`);
    }
  });

  it('keeps every line of the help within 100 characters', () => {
    for (const lang of ['sv', 'en']) {
      const lines = run('--lang', lang, 'help').stdout.split('\n');
      expect(lines.filter((line) => line.length > 100)).toEqual([]);
    }
  });
});

// Issue 13 item 13: a 0-byte file given with --db, where the person expected a register.
describe('an empty file given with --db', () => {
  it('warns on stderr in Swedish, then works as a new register', () => {
    writeFileSync(join(dir, 'k.db'), '');
    const cli = cliIn(dir);
    const findings = cli('findings');
    expect(findings).toMatchObject({ status: 0, json: [] });
    expect(findings.stderr).toEqual([
      `Varning: ${join(dir, 'k.db')} är tom (0 byte) och är alltså inget register; den används som ett nytt, tomt register. Kontrollera sökvägen om du väntade dig dina registreringar.`,
    ]);
    // It is a register now, and the next call has nothing to warn about.
    expect(readFileSync(join(dir, 'k.db')).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(cli('findings')).toMatchObject({ status: 0, stderr: [] });
  });

  it('warns in English with --lang en, and keeps the command’s own exit status and output', () => {
    writeFileSync(join(dir, 'tom.db'), '');
    const report = run('--db', 'tom.db', '--lang', 'en', 'report', '--month', '2026-13');
    expect(report.status).toBe(2);
    expect(report.stderr[0]).toMatch(/^Warning: .*tom\.db is empty \(0 bytes\)/);
    expect(report.stderr.slice(1)).toEqual(['month: Write the month as YYYY-MM.']);
  });

  it('says nothing for a new path, a real register, or an empty file the CLI was not pointed at', () => {
    expect(run('--db', 'ny.db', 'findings')).toMatchObject({ status: 0, stderr: [] });
    expect(run('--db', 'ny.db', 'findings')).toMatchObject({ status: 0, stderr: [] });
    writeFileSync(join(dir, 'kortliggaren.db'), '');
    // Without --db the desk's own database is used; an empty one there is simply created.
    expect(run('findings')).toMatchObject({ status: 0, stderr: [] });
  });
});
