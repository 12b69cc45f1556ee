import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { parseCsv as parseImportCsv } from '../../../shared/import/csv';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn, contentOf, toCsv } from '../cli/cli-helpers';
import { parseCsv } from './csv-parse';
import { loadWorkbook } from './support';

// SPEC §3: reasonText and note keep line breaks (stored as LF); every export keeps them.
let dir: string;
let cleanup: () => void;
let backend: Backend;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'web',
    version: 'test',
    now: () => Date.parse('2026-03-02T10:00:00+01:00'),
  });
});
afterEach(() => {
  backend.close();
  cleanup();
});

const REASON_SENT = 'Kortet låg kvar hemma.\r\nRingde "jouren"; kom 22.10\rKlart';
const REASON = 'Kortet låg kvar hemma.\nRingde "jouren"; kom 22.10\nKlart';
const NOTE = 'rad 1\n\nrad 3';

async function call(channel: 'cards:register' | 'report:export' | 'personal:export', input: unknown) {
  const answer = await backend.router.invoke(channel, input, { trustedSender: true });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as Record<string, unknown>;
}

async function registerMultiLine(): Promise<void> {
  const card = await call(
    'cards:register',
    validCard({ reasonCode: 'other', reasonText: REASON_SENT, note: 'rad 1\r\n\r\nrad 3\r\n' }),
  );
  expect(card).toMatchObject({ reasonText: REASON, note: NOTE });
}

describe('line breaks in reasonText and note survive every export', () => {
  it('JSON keeps them as \\n', async () => {
    await registerMultiLine();
    const done = await call('report:export', { month: '2026-02', format: 'json', path: join(dir, 'r.json') });
    const report = JSON.parse(readFileSync(done.path as string, 'utf8')) as {
      level2Reasons: { reasonText: string }[];
    };
    expect(report.level2Reasons[0]!.reasonText).toBe(REASON);
  });

  it('CSV quotes the cell, keeps the LF inside it and reads back as the same text', async () => {
    await registerMultiLine();
    const done = await call('report:export', { month: '2026-02', format: 'csv', path: join(dir, 'r') });
    const text = readFileSync((done.files as string[])[1]!, 'utf8');
    expect(text).toContain(';"Kortet låg kvar hemma.\nRingde ""jouren""; kom 22.10\nKlart"\r\n');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.at(-1)).toBe(REASON);
    // The import's own reader (the wizard's and the CLI's) agrees.
    const parsed = parseImportCsv(text);
    expect(parsed.ok && parsed.records.map((r) => r.cells.at(-1))).toEqual([REASON]);
  });

  it('XLSX keeps them in the cell and wraps it', async () => {
    await registerMultiLine();
    const done = await call('report:export', { month: '2026-02', format: 'xlsx', path: join(dir, 'r.xlsx') });
    const workbook = await loadWorkbook(readFileSync(done.path as string));
    const sheet = workbook.getWorksheet('Anledningar nivå 2')!;
    const cell = sheet.getRow(2).getCell(sheet.columnCount);
    expect(cell.value).toBe(REASON);
    expect(cell.alignment).toMatchObject({ wrapText: true });
    // A single-line cell is left alone.
    expect(sheet.getRow(2).getCell(1).alignment?.wrapText).toBeUndefined();
  });

  it('the personal-data export keeps the note as is', async () => {
    await registerMultiLine();
    const exported = await call('personal:export', { holderHsaId: 'SE2321000016-AB12' });
    expect(exported.cards).toMatchObject([{ reasonText: REASON, note: NOTE }]);
  });

  it('a formula in a later line is harmless, a formula at the start is neutralised', async () => {
    await call(
      'cards:register',
      validCard({ reasonCode: 'other', reasonText: '=HYPERLINK("x")\n=1+1', note: 'x' }),
    );
    const done = await call('report:export', { month: '2026-02', format: 'csv', path: join(dir, 'f') });
    const rows = parseCsv(readFileSync((done.files as string[])[1]!, 'utf8'));
    expect(rows[1]!.at(-1)).toBe('\'=HYPERLINK("x")\n=1+1');
  });
});

describe('the CSV import reads a quoted multi-line cell back', () => {
  it('stores CRLF inside a quoted note as LF, and a re-import is unchanged', () => {
    backend.close();
    const cli = cliIn(dir);
    const file = join(dir, 'kort.csv');
    writeFileSync(file, toCsv([validCard({ reasonCode: 'other', reasonText: REASON_SENT, note: 'a\r\nb' })]));
    expect(cli('import', file)).toMatchObject({ status: 0, json: { imported: 1, unchanged: 0 } });
    expect(contentOf(dir).cards).toMatchObject([{ reason_text: REASON, note: 'a\nb' }]);
    expect(cli('import', file)).toMatchObject({ status: 0, json: { imported: 0, unchanged: 1 } });
    backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'web', version: 'test' });
  });
});
