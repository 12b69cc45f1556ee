import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { MonthlyReport } from '../../../shared/report/monthly';
import { tempDir, validCard } from '../../fixtures/cards';
import { loadWorkbook } from '../report/support';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(['--db', 'k.db', ...argv], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: {},
    version: 'test',
  });
  return { status, stdout: out.join('\n'), stderr: err };
}

const reportedRows = () => {
  const db = new Database(join(dir, 'k.db'), { readonly: true });
  const rows = db.prepare('SELECT month, format, content_hash FROM reported_months').all();
  db.close();
  return rows;
};

function seed(): void {
  const cards = [
    validCard({ reasonCode: 'other', reasonText: '+46 ringde' }),
    validCard({
      holderHsaId: 'SE5565594230-H001',
      cardNumber: '9752000000000000002',
      issuedAt: '2026-01-31T23:30:00+01:00',
      expiresAt: '2026-02-02T23:30:00+01:00',
    }),
  ];
  writeFileSync(join(dir, 'in.json'), JSON.stringify({ cards }));
  expect(cli('import', join(dir, 'in.json')).status).toBe(0);
}

describe('cli report', () => {
  it('prints the canonical JSON on stdout without --out and records nothing', () => {
    seed();
    const { status, stdout, stderr } = cli('report', '--month', '2026-01');
    expect([status, stderr]).toEqual([0, []]);
    const report = MonthlyReport.parse(JSON.parse(stdout));
    expect(report).toMatchObject({
      month: '2026-01',
      periodEnd: '2026-02-01T00:00:00+01:00',
      totals: { newlyIssued: { level2: 1, level3: 0 }, activeAtEnd: { level2: 1, level3: 0 } },
    });
    expect(stdout).not.toContain('Anna Åberg');
    expect(reportedRows()).toEqual([]);
  });

  it.each([
    [['report'], 'month: Måste fyllas i.'],
    [['report', '--month', '2026-13'], 'month: Skriv månaden som ÅÅÅÅ-MM.'],
    [['report', '--month', 'januari'], 'month: Skriv månaden som ÅÅÅÅ-MM.'],
    [['report', '--month', '2026-01', '--format', 'pdf'], 'format: ska vara json, xlsx eller csv'],
    [['report', '--month', '2026-01', '--format', 'xlsx'], 'out: --out krävs för formatet xlsx'],
    [['report', '--month', '2026-01', '--format', 'csv'], 'out: --out krävs för formatet csv'],
    [['--lang', 'en', 'report', '--month', '2026-1'], 'month: Write the month as YYYY-MM.'],
  ])('%j exits 2 with %j and touches no database', (argv, line) => {
    expect(cli(...argv)).toMatchObject({ status: 2, stdout: '', stderr: [line] });
    expect(existsSync(join(dir, 'k.db'))).toBe(false);
  });

  it('exits 2 for an unknown option and for a folder that does not exist', () => {
    expect(cli('report', '--month', '2026-01', '--pdf').status).toBe(2);
    const missing = join(dir, 'saknas', 'r.json');
    expect(cli('report', '--month', '2026-01', '--out', missing)).toMatchObject({
      status: 2,
      stderr: [`out: mappen för ${missing} finns inte`],
    });
  });

  it('writes json, csv and xlsx with --out and records the month with its content hash', async () => {
    seed();
    const json = cli('report', '--month', '2026-02', '--out', join(dir, 'feb.json'));
    expect(json.status).toBe(0);
    const summary = JSON.parse(json.stdout) as { files: string[]; contentHash: string };
    expect(summary.files).toEqual([join(dir, 'feb.json')]);
    expect(JSON.parse(readFileSync(join(dir, 'feb.json'), 'utf8'))).toMatchObject({ month: '2026-02' });

    const csv = cli('report', '--month', '2026-02', '--format', 'csv', '--out', join(dir, 'feb'));
    expect(JSON.parse(csv.stdout)).toMatchObject({
      files: [join(dir, 'feb-statistik.csv'), join(dir, 'feb-anledningar.csv')],
      contentHash: summary.contentHash,
    });
    expect(readFileSync(join(dir, 'feb-anledningar.csv'), 'utf8')).toContain(";'+46 ringde\r\n");

    const xlsx = cli('report', '--month', '2026-02', '--format', 'xlsx', '--out', join(dir, 'feb.xlsx'));
    expect(xlsx.status).toBe(0);
    const workbook = await loadWorkbook(readFileSync(join(dir, 'feb.xlsx')));
    expect(workbook.getWorksheet('Statistik')?.getRow(2).getCell(5).value).toBe(1);
    expect(reportedRows()).toEqual([
      { month: '2026-02', format: 'kortliggaren/monthly-report@1', content_hash: summary.contentHash },
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('lists report in the help, in Swedish and in English', () => {
    const help = (...argv: string[]) => {
      const out: string[] = [];
      runCli(argv, { stdout: (t) => out.push(t), stderr: () => {}, cwd: dir, env: {}, version: 'x' });
      return out.join('\n');
    };
    expect(help('--help')).toContain('report --month ÅÅÅÅ-MM [--format json|xlsx|csv] [--out SÖKVÄG]');
    expect(help('--lang', 'en', '--help')).toContain(
      'report --month YYYY-MM [--format json|xlsx|csv] [--out PATH]',
    );
  });

  it('runs through npm without a build step, resolving --out from where it was typed', () => {
    seed();
    const npm = (...args: string[]) =>
      spawnSync(
        'npm',
        ['--prefix', ROOT, 'run', '--silent', 'cli', '--', '--db', 'k.db', 'report', ...args],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
    const ok = npm('--month', '2026-02', '--format', 'csv', '--out', 'rapport');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      files: [join(dir, 'rapport-statistik.csv'), join(dir, 'rapport-anledningar.csv')],
    });
    expect(existsSync(join(dir, 'rapport-statistik.csv'))).toBe(true);
    const bad = npm('--month', '2026-00');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe('month: Skriv månaden som ÅÅÅÅ-MM.');
  });
});
