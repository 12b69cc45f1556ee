import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn, contentOf, toCsv, uuid } from './cli-helpers';

let dir: string;
let cleanup: () => void;
let cli: ReturnType<typeof cliIn>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  cli = cliIn(dir);
});
afterEach(() => cleanup());

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const number = (i: number) => `9752${String(i).padStart(15, '0')}`;

describe('cli import of CSV files', () => {
  it('imports ; files with BOM, local times, ja/nej and | lists', () => {
    const file = write(
      'logg.csv',
      toCsv(
        [
          validCard({
            id: uuid(1),
            unplannedPersonnel: 'ja' as never,
            issuedAt: '2026-02-11 19:40',
            expiresAt: '2026-02-25 19:40',
            issuedBy: ['Kim Karlsson', 'Lo Berg'],
            note: 'Ringde "jouren"; kom 22.10',
          }),
        ],
        ';',
        true,
      ),
    );
    expect(cli('import', file)).toMatchObject({ status: 0, json: { imported: 1, unchanged: 0 } });
    const [card] = contentOf(dir).cards as Record<string, unknown>[];
    expect(card).toMatchObject({
      id: uuid(1),
      issued_at: Date.parse('2026-02-11T18:40:00Z'),
      expires_at: Date.parse('2026-02-25T18:40:00Z'),
      unplanned_personnel: 1,
      issued_by: '["Kim Karlsson","Lo Berg"]',
      note: 'Ringde "jouren"; kom 22.10',
    });
  });

  it('reads a quoted line break as part of its cell, so later rows keep their numbers', () => {
    const rows = [
      validCard({ id: uuid(1), note: 'rad 1\nrad 2' }),
      validCard({ id: uuid(2), cardNumber: number(2), holderName: '' }),
    ];
    const r = cli('import', write('nl.csv', toCsv(rows)));
    expect(r.status).toBe(2);
    // The note's line break is allowed (SPEC §3); the error is on data row 2, not 3.
    expect(r.stderr).toEqual(['row 2: holderName: Måste fyllas i.']);
  });

  it('imports , files and files without a .csv name that do not start with {', () => {
    const text = toCsv([validCard({ id: uuid(1) })], ',');
    expect(cli('import', write('export.txt', text)).json).toEqual({ imported: 1, unchanged: 0 });
  });

  it('imports nothing when 1 row of 1000 is invalid, naming that data row', () => {
    const rows = Array.from({ length: 999 }, (_, i) => validCard({ id: uuid(i + 1), cardNumber: number(i) }));
    rows.splice(500, 0, validCard({ id: uuid(5000), holderHsaId: 'SE2321000017-A1B2' }));
    cli('import', write('seed.csv', toCsv([validCard({ id: uuid(9000), cardNumber: number(9000) })])));
    const before = contentOf(dir);
    const r = cli('import', write('big.csv', toCsv(rows)));
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toEqual(['row 501: holderHsaId: HSA-id:t har fel kontrollsiffra.']);
    expect(contentOf(dir)).toEqual(before);
  });

  it('reports every row unchanged when the same file is imported twice, ids or not', () => {
    const withIds = toCsv([validCard({ id: uuid(1) }), validCard({ id: uuid(2), cardNumber: number(2) })]);
    const withoutIds = toCsv([
      validCard({ cardNumber: number(3), issuedAt: '2026-02-12 19:00', expiresAt: '2026-02-13 19:00' }),
      validCard({ cardNumber: number(4), issuedAt: '2026-02-12 20:00', expiresAt: '2026-02-13 20:00' }),
    ]);
    for (const [name, text] of [
      ['a.csv', withIds],
      ['b.csv', withoutIds],
    ] as const) {
      const file = write(name, text);
      expect(cli('import', file).json).toEqual({ imported: 2, unchanged: 0 });
      const before = contentOf(dir);
      expect(cli('import', file).json).toEqual({ imported: 0, unchanged: 2 });
      expect(contentOf(dir)).toEqual(before);
    }
  });

  it.each([
    ['2026-03-29 02:30', 'issuedAt', 'Den tiden finns inte (sommartid börjar).'],
    ['2026-10-25 02:30', 'issuedAt', 'Den tiden finns två gånger (sommartid slutar); ange tidszon.'],
  ])('refuses the local time %s with the row named, and writes nothing', (time, field, message) => {
    const rows = [
      validCard({ id: uuid(1) }),
      validCard({ id: uuid(2), cardNumber: number(2), issuedAt: time, expiresAt: '2026-11-01 20:00' }),
    ];
    const r = cli('import', write('dst.csv', toCsv(rows)));
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual([`row 2: ${field}: ${message}`]);
    expect(contentOf(dir).cards).toEqual([]);
  });

  it('reports header problems and structural problems with exit 2', () => {
    const good = toCsv([validCard({ id: uuid(1) })]);
    const badHeader = good.replace('holderName', 'holderNamn');
    expect(cli('import', write('h.csv', badHeader))).toMatchObject({
      status: 2,
      stderr: ['row header: holderNamn: Okänt fält.', 'row header: holderName: Kolumnen saknas.'],
    });
    expect(cli('import', write('q.csv', `${good}"oavslutad;x\r\n`))).toMatchObject({
      status: 2,
      stderr: ['row 2: (row): Ett citattecken öppnas här men stängs aldrig.'],
    });
    expect(cli('import', write('n.csv', `${good}1;2\r\n`)).stderr[0]).toMatch(
      /^row 2: \(row\): Raden har 2 fält men rubrikraden har \d+\.$/,
    );
    expect(contentOf(dir).cards).toEqual([]);
  });

  it('reads a CSV saved as Windows-1252 (Swedish Excel) with its Swedish letters intact', () => {
    const ansi = Buffer.from(
      toCsv([
        validCard({ id: uuid(1), holderName: 'Åsa Öberg', organisationName: 'Region Västra Götaland' }),
      ]),
      'latin1',
    );
    expect(cli('import', write('ansi.csv', ansi))).toMatchObject({
      status: 0,
      json: { imported: 1, unchanged: 0 },
    });
    const { cards, organisations } = contentOf(dir) as {
      cards: { holder_name: string }[];
      organisations: { name: string }[];
    };
    expect(cards[0]?.holder_name).toBe('Åsa Öberg');
    expect(organisations[0]?.name).toBe('Region Västra Götaland');
  });

  it('refuses a file whose bytes its own BOM cannot give, naming the field, rather than storing U+FFFD', () => {
    const good = Buffer.from(toCsv([validCard({ id: uuid(1), holderName: 'ÅSA' })], ';', true), 'utf8');
    // The Å of the name as Windows-1252 writes it, inside a file that says it is UTF-8.
    const broken = Buffer.from(good.toString('latin1').replace('\u00c3\u0085SA', '\u00c5SA'), 'latin1');
    const r = cli('import', write('broken.csv', broken));
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual([
      'row 1: holderName: Innehåller tecknet �, som står där filens teckenkodning inte kunde läsas. Spara filen på nytt som "CSV UTF-8" och läs in den igen.',
    ]);
    expect(contentOf(dir).cards).toEqual([]);
  });

  it('keeps JSON files JSON, whatever they start with', () => {
    expect(cli('import', write('x.json', '[]')).stderr).toEqual(['row file: (root): Måste vara ett objekt.']);
  });
});
