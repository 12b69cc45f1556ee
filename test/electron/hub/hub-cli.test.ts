import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushEvents } from '../../../electron/hub/client';
import { runCliAsync } from '../../../electron/cli/run';
import { deskLog, useHubServer } from './support';

const hubs = useHubServer();
const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-hub-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCliAsync(['--db', 'k.db', ...argv], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir },
    version: '9.9.9',
  });
  const stdout = out.join('\n');
  return {
    status,
    stdout,
    stderr: err,
    json: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : undefined,
  };
}

describe('hub commands', () => {
  it('init, desk add, status and report, as regional IT runs them', async () => {
    const adminUrl = await hubs.server.createDatabase('cli_hub');
    const init = await cli('hub', 'init', '--url', adminUrl);
    expect(init.stderr).toEqual([]);
    expect(init.status).toBe(0);
    expect(init.json).toMatchObject({ schemaVersion: 2, applied: [1, 2], previousVersion: 0 });
    expect((await cli('hub', 'init', '--url', adminUrl)).json).toMatchObject({ applied: [] });

    const added = await cli('hub', 'desk', 'add', '--url', adminUrl, '--desk', 'boras', '--name', 'Borås');
    expect(added.status).toBe(0);
    expect(Object.keys(added.json!)).toEqual(['desk', 'role', 'password']);
    const again = await cli('hub', 'desk', 'add', '--url', adminUrl, '--desk', 'boras', '--name', 'Borås');
    expect(again.status).toBe(1);
    expect(again.stderr).toEqual(['Fel: Kortstationen boras finns redan på hubben. Välj ett annat id.']);
    const badId = await cli('hub', 'desk', 'add', '--url', adminUrl, '--desk', 'Borås!', '--name', 'B');
    expect(badId).toMatchObject({
      status: 2,
      stderr: [expect.stringContaining('desk: ska vara 2–40 tecken')],
    });

    const { role, password } = added.json as { role: string; password: string };
    const deskUrl = `postgres://${role}:${password}@127.0.0.1:${hubs.server.port}/cli_hub`;
    const log = deskLog('boras');
    log.register({
      issuedAt: Date.UTC(2026, 0, 5, 20),
      expiresAt: Date.UTC(2026, 0, 9, 20),
      reasonText: '=1+1',
    });
    await pushEvents(hubs.pool(deskUrl), log.events, '0.1.0');

    const status = await cli('hub', 'status', '--url', deskUrl);
    expect(status.json).toMatchObject({
      lastHubSeq: 1,
      desks: [{ desk: 'boras', name: 'Borås', events: 1, appVersion: '0.1.0' }],
    });

    const report = await cli('hub', 'report', '--url', adminUrl, '--month', '2026-01');
    expect(report.status).toBe(0);
    expect(report.json).toMatchObject({
      format: 'kortliggaren/monthly-report@1',
      totals: { newlyIssued: { level2: 1, level3: 0 } },
      deskCoverage: [{ desk: 'boras', pushedAfterMonthEnd: true }],
    });

    const csv = await cli(
      'hub',
      'report',
      '--url',
      adminUrl,
      '--month',
      '2026-01',
      '--format',
      'csv',
      '--out',
      'region',
    );
    expect(csv.status).toBe(0);
    const reasons = readFileSync(join(dir, 'region-anledningar.csv'), 'utf8');
    expect(reasons.startsWith('\uFEFF')).toBe(true);
    expect(reasons).toContain("'=1+1"); // neutralised against formula injection

    const xlsx = await cli(
      'hub',
      'report',
      '--url',
      adminUrl,
      '--month',
      '2026-01',
      '--format',
      'xlsx',
      '--out',
      'r.xlsx',
    );
    expect(xlsx.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'r.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Statistik', 'Anledningar nivå 2', 'Om rapporten']);
    const statistik = book.getWorksheet('Statistik')!;
    expect(statistik.getRow(1).getCell(5).value).toBe('Nyutfärdade nivå 2');
    expect(statistik.getRow(2).getCell(5).value).toBe(1);
  });

  it('refuses a plain URL to another machine, a bad month and an export over the register', async () => {
    const plain = await cli('hub', 'status', '--url', 'postgres://boras:hemligt@hub.example.se/k');
    expect(plain.status).toBe(2);
    expect(plain.stderr[0]).toContain('sslmode=verify-full');
    expect(plain.stderr[0]).not.toContain('hemligt');

    const month = await cli('hub', 'report', '--url', 'postgres://x@localhost/h', '--month', '2026-13');
    expect(month).toMatchObject({ status: 2, stderr: ['Felaktig användning: month: ska vara ÅÅÅÅ-MM'] });

    mkdirSync(join(dir, 'backups'), { recursive: true });
    for (const out of ['k.db', 'k.db-wal', 'backups/r.json']) {
      const refused = await cli(
        'hub',
        'report',
        '--url',
        'postgres://x@localhost/h',
        '--month',
        '2026-01',
        '--out',
        out,
      );
      expect(refused.status).toBe(2);
      expect(refused.stderr[0]).toMatch(/registrets egen databas|mappen för säkerhetskopior/);
    }
    expect((await cli('hub', 'frobnicate')).status).toBe(2);
    expect((await cli('hub', 'init')).stderr).toEqual(['Felaktig användning: url: Måste fyllas i.']);
  });

  it('says in Swedish when the hub cannot be reached, and exits 1', async () => {
    const unreachable = await cli('hub', 'status', '--url', 'postgres://x:y@127.0.0.1:1/h');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr[0]).toMatch(/^Fel: Hubben 127\.0\.0\.1 går inte att nå just nu/);
  });
});
