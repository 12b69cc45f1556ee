import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn, contentOf, toCsv, uuid } from './cli-helpers';

// The CLI reads a CSV cell in the very forms the import wizard does (SPEC §6, README).

let dir: string;
let cleanup: () => void;
let cli: ReturnType<typeof cliIn>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  cli = cliIn(dir);
});
afterEach(() => cleanup());

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const number = (i: number) => `9752${String(i).padStart(15, '0')}`;

describe('cli import: the accepted forms of a cell', () => {
  it('takes Swedish and English labels, Swedish Excel booleans and times with seconds or T', () => {
    const rows = [
      validCard({
        id: uuid(1),
        reasonCode: 'Glömt kort' as never,
        unplannedPersonnel: 'SANT' as never,
        issuedAt: '2026-02-11 18:30:00',
        expiresAt: '2026-02-25T18:30',
      }),
      validCard({
        id: uuid(2),
        cardNumber: number(2),
        assuranceLevel: 'Nivå 2' as never,
        reasonCode: 'Lost or stolen card' as never,
        holderIdType: 'Samordningsnummer' as never,
        unplannedPersonnel: 'yes' as never,
        issuedAt: '2026-02-12 9:05',
        expiresAt: '2026-02-20T19:40:00+01:00',
        endedAt: '2026-02-13 10:00',
        endReason: 'Återlämnat' as never,
      }),
    ];
    expect(cli('import', write('forms.csv', toCsv(rows)))).toMatchObject({
      status: 0,
      json: { imported: 2, unchanged: 0 },
    });
    const cards = contentOf(dir).cards as Record<string, unknown>[];
    expect(cards[0]).toMatchObject({
      reason_code: 'forgotten-card',
      unplanned_personnel: 1,
      issued_at: Date.parse('2026-02-11T17:30:00Z'),
      expires_at: Date.parse('2026-02-25T17:30:00Z'),
    });
    expect(cards[1]).toMatchObject({
      assurance_level: 2,
      reason_code: 'lost-or-stolen',
      holder_id_type: 'samordningsnummer',
      issued_at: Date.parse('2026-02-12T08:05:00Z'),
      end_reason: 'returned',
    });
  });

  it('lists the allowed values and every time form in its errors, naming row and field', () => {
    const rows = [
      validCard({ id: uuid(1), reasonCode: 'Glömde' as never, unplannedPersonnel: 'kanske' as never }),
      validCard({ id: uuid(2), cardNumber: number(2), issuedAt: '2025-12-03 18.30' }),
      validCard({ id: uuid(3), cardNumber: '9,75221E+18' }),
    ];
    const r = cli('import', write('bad.csv', toCsv(rows)));
    expect(r.status).toBe(2);
    expect(r.stderr).toEqual([
      'row 1: unplannedPersonnel: Skriv ja eller nej (eller true/false, sant/falskt, yes/no, 1/0).',
      'row 1: reasonCode: Är ingen känd anledning. Skriv en av koderna forgotten-card, lost-or-stolen, damaged-card, blocked-card, not-yet-received, short-notice-staff, other eller dess svenska eller engelska benämning (t.ex. Glömt kort).',
      'row 2: issuedAt: Kan inte läsas som tid; skriv till exempel 2025-12-03 18:30. Godtas: ÅÅÅÅ-MM-DD TT:MM och ÅÅÅÅ-MM-DD TT:MM:SS (svensk tid, även med T mellan datum och tid) eller en tidpunkt med tidszon, t.ex. 2025-12-03T18:30:00+01:00 eller 2025-12-03T17:30:00Z.',
      'row 3: cardNumber: Kortnumret är sparat som ett tal (9,75221E+18) och har tappat sina sista siffror. Formatera kolumnen som Text i Excel och skriv in kortnumren igen.',
    ]);
    expect(contentOf(dir).cards).toEqual([]);
  });

  it('says the same in English with --lang en', () => {
    const r = cli('--lang', 'en', 'import', write('b.csv', toCsv([validCard({ issuedAt: '18.30' })])));
    expect(r.stderr).toEqual([
      'row 1: issuedAt: Cannot be read as a time; write for example 2025-12-03 18:30. Accepted: YYYY-MM-DD HH:MM and YYYY-MM-DD HH:MM:SS (Swedish time, also with T between date and time) or an instant with an offset, e.g. 2025-12-03T18:30:00+01:00 or 2025-12-03T17:30:00Z.',
    ]);
  });

  it('reads the time options of other commands in the same forms', () => {
    cli('import', write('one.csv', toCsv([validCard({ id: uuid(1) })])));
    const ended = cli('end', uuid(1), '--at', '2026-02-12T10:00:30', '--reason', 'returned');
    expect(ended).toMatchObject({ status: 0, json: { endedAt: '2026-02-12T10:00:30+01:00' } });
    const bad = cli('review', '--now', '2026-02-12 10.00');
    expect(bad.status).toBe(2);
    expect(bad.stderr[0]).toMatch(/^now: Kan inte läsas som tid; skriv till exempel 2026-02-12 10:00\./);
  });
});
