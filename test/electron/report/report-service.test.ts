import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/app/backend';
import { importRegister } from '../../../electron/services/import';
import { contract } from '../../../shared/ipc/contract';
import type { MonthlyReportStatus, ReportExportDone, ReportHistory } from '../../../shared/ipc/report';
import { HOLDER, ORG, tempDir, validCard } from '../../fixtures/cards';
import { parseCsv } from './csv-parse';
import { loadWorkbook, openBackend } from './support';

let dir: string;
let cleanup: () => void;
let backend: Backend;
const clock = { now: Date.parse('2026-03-02T08:12:44Z') };

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  backend = openBackend(dir, clock);
});
afterEach(() => {
  backend.close();
  cleanup();
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const holder = (n: number) => `SE2321000016-H${String(n).padStart(3, '0')}`;
const card = (n: number, overrides: Parameters<typeof validCard>[0] = {}) =>
  validCard({
    id: id(n),
    holderHsaId: holder(n),
    cardNumber: `975200000000000${String(n).padStart(4, '0')}`,
    ...overrides,
  });

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await backend.router.invoke(channel, input, { trustedSender: true });
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const invoke = (channel: string, input: unknown) =>
  backend.router.invoke(channel, input, { trustedSender: true });

function seedFebruary(): void {
  importRegister(backend.services, {
    cards: [
      card(1, { reasonCode: 'other', reasonText: '=Hämtade kortet själv' }),
      card(2, { assuranceLevel: 3, unplannedPersonnel: undefined, issuedBy: ['Kim', 'Lo'] }),
      card(3, {
        organisationHsaId: 'SE2321000016-B',
        organisationName: 'Vårdbolaget',
        issuedAt: '2026-02-27T20:00:00+01:00',
        expiresAt: '2026-03-06T20:00:00+01:00',
      }),
    ],
  });
}

describe('report:monthly and reported months', () => {
  it('shows a month never exported with reported and changes null, valid per the contract', async () => {
    seedFebruary();
    const status = await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' });
    expect(contract['report:monthly'].output.parse(status)).toEqual(status);
    expect(status.reported).toBeNull();
    expect(status.changes).toBeNull();
    expect(status.report.totals.newlyIssued).toEqual({ level2: 2, level3: 1 });
    expect(status.report.totals.activeAtEnd).toEqual({ level2: 1, level3: 0 });
    expect(status.report.generatedAt).toBe('2026-03-02T09:12:44+01:00');
  });

  it('records an export, then reports the organisations whose figures changed later', async () => {
    seedFebruary();
    const exported = await call<ReportExportDone>('report:export', {
      month: '2026-02',
      format: 'json',
      path: join(dir, 'februari.json'),
    });
    expect(exported).toMatchObject({ month: '2026-02', format: 'json', files: [join(dir, 'februari.json')] });
    expect(exported.contentHash).toMatch(/^[0-9a-f]{64}$/);

    clock.now += 86_400_000;
    const unchanged = await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' });
    expect(unchanged.reported).toEqual({
      exportedAt: '2026-03-02T09:12:44+01:00',
      contentHash: exported.contentHash,
    });
    // Another day's generatedAt alone is no change.
    expect(unchanged.changes).toBeNull();

    // A card for March does not touch February; a late registration for February does.
    importRegister(backend.services, {
      cards: [card(4, { issuedAt: '2026-03-01T00:00:00+01:00', expiresAt: '2026-03-03T00:00:00+01:00' })],
    });
    expect((await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' })).changes).toBeNull();
    importRegister(backend.services, {
      cards: [card(5, { issuedAt: '2026-02-28T22:00:00+01:00', expiresAt: '2026-03-02T22:00:00+01:00' })],
    });
    const changed = await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' });
    expect(changed.changes).toMatchObject({
      exportedContentHash: exported.contentHash,
      organisations: [
        {
          organisationHsaId: ORG,
          exported: {
            activeAtEnd: { level2: 0, level3: 0 },
            newlyIssued: { level2: 1, level3: 1 },
            ofWhichExtensions: { level2: 0, level3: 0 },
          },
          current: {
            activeAtEnd: { level2: 1, level3: 0 },
            newlyIssued: { level2: 2, level3: 1 },
            ofWhichExtensions: { level2: 0, level3: 0 },
          },
        },
      ],
      level2Reasons: { added: [id(5)], removed: [], changed: [] },
    });

    // Re-exporting makes the new figures the reported ones; the audit log keeps both exports.
    await call('report:export', { month: '2026-02', format: 'json', path: join(dir, 'februari.json') });
    expect((await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' })).changes).toBeNull();
    const audit = backend.services.audit.listFor('report', '2026-02');
    expect(audit.map((a) => a.action)).toEqual(['report.export', 'report.export']);
  });

  it('notices a voided card in a reported month', async () => {
    seedFebruary();
    await call('report:export', { month: '2026-02', format: 'json', path: join(dir, 'f.json') });
    backend.db.prepare("UPDATE cards SET voided_at = 1, void_reason = 'fel' WHERE id = ?").run(id(3));
    const { changes } = await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' });
    expect(changes?.organisations).toEqual([
      expect.objectContaining({ organisationHsaId: 'SE2321000016-B', current: null }),
    ]);
    expect(changes?.level2Reasons.removed).toEqual([id(3)]);
  });

  it('gives the last 12 months of newly issued cards per level for the chart', async () => {
    seedFebruary();
    const history = await call<ReportHistory>('report:history', { endMonth: '2026-03' });
    expect(history).toHaveLength(12);
    expect(history[0]).toEqual({ month: '2025-04', newlyIssued: { level2: 0, level3: 0 } });
    expect(history.at(-2)).toEqual({ month: '2026-02', newlyIssued: { level2: 2, level3: 1 } });
    expect(await call<ReportHistory>('report:history', { endMonth: '2026-02', months: 2 })).toHaveLength(2);
  });

  it.each([
    ['report:monthly', { month: '2026-13' }, 'month'],
    ['report:monthly', { month: '2026-2' }, 'month'],
    ['report:monthly', {}, 'month'],
    ['report:history', { endMonth: '2026-02', months: 0 }, 'months'],
    ['report:export', { month: '2026-02', format: 'pdf', path: '/tmp/x' }, 'format'],
    ['report:export', { month: '2026-02', format: 'json', path: '' }, 'path'],
    ['report:export', { month: '2026-02', format: 'json', path: 'relative.json' }, 'path'],
    ['report:export', { month: '2026-02', format: 'json', path: '/no/such/folder/x.json' }, 'path'],
    ['report:export', { month: '2026-02', format: 'json', path: '/tmp/x', extra: 1 }, 'extra'],
  ])('%s refuses %j, naming %s, and writes nothing', async (channel, input, field) => {
    const result = await invoke(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.fields?.map((f) => f.field)).toContain(field);
    expect(backend.db.prepare('SELECT count(*) AS n FROM reported_months').get()).toEqual({ n: 0 });
  });
});

describe('report:export files', () => {
  it('writes XLSX with the about sheet: desk, decision in force, version and content hash', async () => {
    seedFebruary();
    backend.services.settings.set('deskName', 'Kortdesken Västra Götaland');
    const path = join(dir, 'februari.xlsx');
    const result = await call<ReportExportDone>('report:export', {
      month: '2026-02',
      format: 'xlsx',
      path,
    });
    const workbook = await loadWorkbook(readFileSync(path));
    const about = new Map<string, unknown>();
    workbook.getWorksheet('Om rapporten')!.eachRow((row, n) => {
      if (n > 1) about.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(about.get('Region eller kortdesk')).toBe('Kortdesken Västra Götaland');
    expect(about.get('Beslut som gällde under perioden')).toMatch(/^ehm-2025-11-04 \(/);
    expect(about.get('Programversion')).toBe('Kortliggaren 1.2.3-test');
    expect(about.get('Kontrollsumma för innehållet (SHA-256)')).toBe(result.contentHash);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes two CSV files from a base path, with the same figures as the JSON', async () => {
    seedFebruary();
    const result = await call<ReportExportDone>('report:export', {
      month: '2026-02',
      format: 'csv',
      path: join(dir, 'februari'),
    });
    expect(result.files).toEqual([
      join(dir, 'februari-statistik.csv'),
      join(dir, 'februari-anledningar.csv'),
    ]);
    const { report } = await call<MonthlyReportStatus>('report:monthly', { month: '2026-02' });
    const stats = parseCsv(readFileSync(result.files[0]!, 'utf8'));
    expect(stats.slice(1, -1).map((r) => [r[0], Number(r[4]), Number(r[5])])).toEqual(
      report.organisations.map((o) => [o.organisationHsaId, o.newlyIssued.level2, o.newlyIssued.level3]),
    );
    const reasons = parseCsv(readFileSync(result.files[1]!, 'utf8'));
    expect(reasons[1]).toEqual([
      id(1),
      '9752000000000000001',
      ORG,
      '2026-02-11T19:40:00+01:00',
      'other',
      'Annat — fritext krävs',
      "'=Hämtade kortet själv",
    ]);
  });

  it('never writes holder names or holder HSA-ids, in any format', async () => {
    seedFebruary();
    const holderValues = ['Anna Åberg', HOLDER, holder(1), holder(2), holder(3)];
    for (const format of ['json', 'csv', 'xlsx'] as const) {
      await call('report:export', { month: '2026-02', format, path: join(dir, `r.${format}`) });
    }
    const texts = [
      readFileSync(join(dir, 'r.json'), 'utf8'),
      readFileSync(join(dir, 'r-statistik.csv'), 'utf8'),
      readFileSync(join(dir, 'r-anledningar.csv'), 'utf8'),
      JSON.stringify(await call('report:monthly', { month: '2026-02' })),
    ];
    const workbook = await loadWorkbook(readFileSync(join(dir, 'r.xlsx')));
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text))));
    const stored = backend.db
      .prepare<[], { report_json: string }>('SELECT report_json FROM reported_months')
      .all();
    texts.push(...stored.map((r) => r.report_json));
    // The values are in the register, so the search below can find them if they leak.
    expect(
      JSON.stringify(backend.db.prepare('SELECT holder_name, holder_hsa_id FROM cards').all()),
    ).toContain('Anna Åberg');
    for (const text of texts) for (const value of holderValues) expect(text).not.toContain(value);
  });

  it('records nothing when the file cannot be written', async () => {
    seedFebruary();
    const result = await invoke('report:export', { month: '2026-02', format: 'json', path: dir });
    expect(result.ok).toBe(false);
    expect(backend.db.prepare('SELECT count(*) AS n FROM reported_months').get()).toEqual({ n: 0 });
    expect(existsSync(join(dir, 'k.db'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
