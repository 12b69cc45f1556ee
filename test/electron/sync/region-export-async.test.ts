import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { createMemoryCredentialStore } from '../../../electron/app/credentials';
import type * as XlsxModule from '../../../electron/export/xlsx';
import { exportMonthlyReportSync } from '../../../electron/services/report-export';
import { exportRegionReportSync } from '../../../electron/sync/region-export';
import type { CardInputRaw } from '../../../shared/domain/card';
import type { IpcResult } from '../../../shared/ipc/result';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { openDesk, type TestDesk } from './support';

// The app's region export renders its XLSX off the main thread, like the desk's own
// export: the blocking renderer is reserved for the CLI. Against a real hub and a real
// SQLite file; the workbook is read back with exceljs.

const blocking = vi.hoisted(() => ({ allowed: true, calls: 0 }));
vi.mock('../../../electron/export/xlsx', async (importOriginal) => {
  const original = await importOriginal<typeof XlsxModule>();
  return {
    ...original,
    renderXlsxSync: (spec: Parameters<typeof original.renderXlsxSync>[0]) => {
      blocking.calls++;
      if (!blocking.allowed) throw new Error('the main process must not block on rendering XLSX');
      return original.renderXlsxSync(spec);
    },
  };
});

const hubs = useHubServer();
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function card(overrides: Partial<CardInputRaw>): CardInputRaw {
  return {
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: '9752200000000000001',
    holderHsaId: 'SE2321000016-H001',
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: '2026-02-11T19:40:00+01:00',
    expiresAt: '2026-02-20T19:40:00+01:00',
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson'],
    ...overrides,
  };
}

async function register(desk: TestDesk, input: CardInputRaw): Promise<void> {
  const result = await desk.backend.router.invoke('cards:register', input, { trustedSender: true });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}

async function sheetValues(path: string): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

it("writes the region's XLSX through the worker, records it once with the shared helper, and the CLI still blocks", async () => {
  const hub = await hubs.newHub();
  const skovde = await openDesk(hub, 'skovde', 'Skövde');
  cleanups.push(() => skovde.close());
  await skovde.join();
  await register(skovde, card({ cardNumber: '9752200000000000002', holderHsaId: 'SE2321000016-H002' }));
  await skovde.sync();

  // Borås as the app runs it: the router the UI calls, with its hub password in memory.
  const boras = await hub.addDesk('boras', 'Borås');
  const { dir, cleanup } = tempDir('region-export-');
  const login = new URL(boras.url);
  const password = decodeURIComponent(login.password);
  login.password = '';
  const backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'web',
    version: '7.7.7',
    dailyBackup: false,
    hub: { credentials: createMemoryCredentialStore(), background: false },
  });
  cleanups.push(() => {
    backend.close();
    cleanup();
  });
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result: IpcResult<unknown> = await backend.router.invoke(channel, input, { trustedSender: true });
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await call('hub:connect', { url: login.toString(), password });
  await call('cards:register', card({}));
  await call('hub:sync', {});

  blocking.allowed = false;
  blocking.calls = 0;
  const out = join(dir, 'region-2026-02.xlsx');
  const done = (await call('region:export', { month: '2026-02', format: 'xlsx', path: out })) as {
    files: string[];
    contentHash: string;
  };
  expect(blocking.calls).toBe(0);
  expect(done.files).toEqual([out]);

  // The workbook: both stations' level-2 cards of February, and the region named in "Om rapporten".
  const sheets = await sheetValues(out);
  const cells = JSON.stringify([...sheets.values()]);
  expect(cells).toContain('9752200000000000001');
  expect(cells).toContain('9752200000000000002');
  expect(cells).toContain('Hela regionen (2 kortstationer), från Borås');
  expect(cells).toContain(done.contentHash);
  expect(cells).not.toContain('Anna Lindqvist');

  // Recorded as the region's export, once, with its audit entry; the desk's own months untouched.
  const db = backend.db;
  expect(db.prepare('SELECT month, content_hash FROM region_reported_months').all()).toEqual([
    { month: '2026-02', content_hash: done.contentHash },
  ]);
  expect(db.prepare('SELECT count(*) FROM reported_months').pluck().get()).toBe(0);
  const audit = () =>
    db
      .prepare(
        "SELECT entity, entity_id, after_json FROM audit_log WHERE action = 'report.export' ORDER BY seq",
      )
      .all() as { entity: string; entity_id: string; after_json: string }[];
  expect(audit().map((a) => [a.entity, a.entity_id])).toEqual([['region-report', '2026-02']]);
  expect(JSON.parse(audit()[0]!.after_json)).toMatchObject({
    contentHash: done.contentHash,
    fileFormat: 'xlsx',
    files: [out],
  });

  // A bad target writes and records nothing.
  const refused = await backend.router.invoke(
    'region:export',
    { month: '2026-02', format: 'xlsx', path: join(dir, 'k.db') },
    { trustedSender: true },
  );
  expect(refused.ok).toBe(false);
  expect(audit()).toHaveLength(1);

  // The CLI is synchronous and may block; its path shares the same recording, and the desk's
  // own export records under its own entity through the same helper.
  blocking.allowed = true;
  const cliOut = join(dir, 'cli-region.xlsx');
  const services = backend.services;
  const viaCli = exportRegionReportSync(
    services,
    { month: '2026-02', format: 'xlsx', path: cliOut },
    '7.7.7',
  );
  expect(blocking.calls).toBe(1);
  expect(viaCli.contentHash).toBe(done.contentHash);
  expect(existsSync(cliOut)).toBe(true);
  const own = exportMonthlyReportSync(
    services,
    { month: '2026-02', format: 'json', path: join(dir, 'own.json') },
    '7.7.7',
  );
  expect(audit().map((a) => [a.entity, a.entity_id])).toEqual([
    ['region-report', '2026-02'],
    ['region-report', '2026-02'],
    ['report', '2026-02'],
  ]);
  expect(JSON.parse(audit()[1]!.after_json)).toMatchObject({ files: [cliOut] });
  expect(db.prepare('SELECT month, content_hash FROM reported_months').all()).toEqual([
    { month: '2026-02', content_hash: own.contentHash },
  ]);
}, 120_000);
