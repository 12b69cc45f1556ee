import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { CardInputRaw } from '../../../shared/domain/card';
import { tempDir, validCard } from '../../fixtures/cards';

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
  return { status, json: out.length ? (JSON.parse(out.join('')) as unknown) : undefined, stderr: err };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HOLDERS = [
  'SE2321000016-H001',
  'SE2321000016-H002',
  'SE2321000016-H003',
  'SE2321000016-H004',
  'SE2321000016-H005',
  'SE2321000016-H006',
  'SE2321000016-H007',
  'SE2321000016-H008',
  'SE2321000016-H009',
  'SE2321000016-H010',
];

/** SPEC §7's worked examples, each its own holder and card number. */
const EXAMPLES: [Partial<CardInputRaw>, string[]][] = [
  [{ issuedAt: '2026-02-11T19:40:00+01:00', expiresAt: '2026-02-25T19:40:00+01:00' }, []],
  [
    { issuedAt: '2026-02-11T16:59:00+01:00', expiresAt: '2026-02-14T16:59:00+01:00' },
    ['l2-issued-in-office-hours'],
  ],
  [{ issuedAt: '2026-04-03T11:00:00+02:00', expiresAt: '2026-04-06T11:00:00+02:00' }, []],
  [{ issuedAt: '2026-03-21T21:00:00+01:00', expiresAt: '2026-04-04T21:00:00+02:00' }, []],
  [
    { issuedAt: '2026-03-21T21:00:00+01:00', expiresAt: '2026-04-04T21:01:00+02:00' },
    ['l2-validity-over-two-weeks'],
  ],
  [
    { issuedAt: '2026-06-27T20:00:00+02:00', expiresAt: '2026-07-03T20:00:00+02:00' },
    ['l2-valid-beyond-dispensation'],
  ],
  [
    { issuedAt: '2026-07-01T20:00:00+02:00', expiresAt: '2026-07-03T20:00:00+02:00' },
    ['l2-outside-dispensation-period'],
  ],
  [
    {
      holderIdType: 'samordningsnummer',
      issuedAt: '2026-04-02T20:00:00+02:00',
      expiresAt: '2026-04-04T20:00:00+02:00',
    },
    ['l2-outside-dispensation-period'],
  ],
  [
    {
      unplannedPersonnel: false,
      issuedAt: '2026-01-18T10:00:00+01:00',
      expiresAt: '2026-01-20T10:00:00+01:00',
    },
    ['l2-planned-personnel'],
  ],
  [
    {
      assuranceLevel: 3,
      unplannedPersonnel: undefined,
      holderIdType: 'samordningsnummer',
      issuedBy: ['Kim'],
      issuedAt: '2026-02-11T10:00:00+01:00',
      expiresAt: '2026-02-25T10:00:00+01:00',
    },
    ['l3-needs-two-id-administrators', 'l3-requires-personnummer'],
  ],
];

describe('cli findings, settings and decisions', () => {
  it('gives exactly the findings of SPEC §7 for cards imported through the CLI', () => {
    const cards = EXAMPLES.map(([overrides], i) =>
      validCard({
        id: id(i + 1),
        holderHsaId: HOLDERS[i],
        cardNumber: `975200000000000${String(i).padStart(4, '0')}`,
        ...overrides,
      }),
    );
    const file = join(dir, 'examples.json');
    writeFileSync(file, JSON.stringify({ cards }));
    expect(cli('import', file)).toMatchObject({ status: 0, json: { imported: 10, unchanged: 0 } });
    const result = cli('findings');
    expect(result.status).toBe(0);
    const byId = new Map(
      (
        result.json as { cardId: string; findings: { code: string; severity: string; message: string }[] }[]
      ).map((r) => [r.cardId, r.findings]),
    );
    EXAMPLES.forEach(([, expected], i) => {
      const findings = byId.get(id(i + 1))!;
      expect([...findings.map((f) => f.code)].sort(), `example ${i + 1}`).toEqual(expected);
      for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
    });
    const one = cli('findings', '--card', id(2));
    expect(one.json).toEqual([
      {
        cardId: id(2),
        findings: [expect.objectContaining({ code: 'l2-issued-in-office-hours', severity: 'violation' })],
      },
    ]);
  });

  it('shows and changes settings, refusing bad values with exit 2', () => {
    expect(cli('settings').json).toEqual({
      officeHours: { start: '08:00', end: '17:00' },
      closedDays: [],
      expiringSoonHours: 48,
    });
    expect(
      cli(
        'settings',
        '--office-hours',
        '09:00-15:01',
        '--closed-day',
        '2026-02-12',
        '--closed-day',
        '2026-02-11',
      ).json,
    ).toEqual({
      officeHours: { start: '09:00', end: '15:01' },
      closedDays: ['2026-02-11', '2026-02-12'],
      expiringSoonHours: 48,
    });
    expect(cli('settings', '--remove-closed-day', '2026-02-11').json).toMatchObject({
      closedDays: ['2026-02-12'],
    });
    expect(cli('settings', '--office-hours', '17:00-08:00')).toMatchObject({
      status: 2,
      stderr: ['officeHours: Skriv kontorstiden som TT:MM-TT:MM, t.ex. 08:00-17:00.'],
    });
    expect(cli('settings', '--closed-day', '2026-02-30')).toMatchObject({
      status: 2,
      stderr: ['closedDays.1: Skriv datumet som ÅÅÅÅ-MM-DD.'],
    });
    expect(cli('settings').json).toMatchObject({
      officeHours: { start: '09:00', end: '15:01' },
      closedDays: ['2026-02-12'],
    });
  });

  it('office hours 09:00–15:01 flag 15:00 but not 15:01', () => {
    cli('settings', '--office-hours', '09:00-15:01');
    const cards = [
      validCard({ id: id(1), issuedAt: '2026-02-11T15:00:00+01:00', expiresAt: '2026-02-12T15:00:00+01:00' }),
      validCard({
        id: id(2),
        holderHsaId: HOLDERS[1],
        cardNumber: '9752000000000000002',
        issuedAt: '2026-02-11T15:01:00+01:00',
        expiresAt: '2026-02-12T15:00:00+01:00',
      }),
    ];
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ cards }));
    cli('import', join(dir, 'c.json'));
    const result = cli('findings').json as { cardId: string; findings: { code: string }[] }[];
    expect(result.map((r) => [r.cardId, r.findings.map((f) => f.code)])).toEqual([
      [id(1), ['l2-issued-in-office-hours']],
      [id(2), []],
    ]);
  });

  it('lists and adds decisions', () => {
    expect((cli('decisions').json as { id: string }[]).map((d) => d.id)).toEqual(['ehm-2025-11-04']);
    const added = cli(
      'decisions',
      'add',
      '--id',
      'ehm-2026-07',
      '--title',
      'Förlängning',
      '--from',
      '2026-07-01',
      '--to',
      '2026-12-31',
      '--max-days',
      '14',
      '--without-personnummer-until',
      '2026-09-30',
    );
    expect(added).toMatchObject({
      status: 0,
      json: { id: 'ehm-2026-07', maxValidityDays: 14, withoutPersonnummerUntil: '2026-09-30' },
    });
    const bad = cli(
      'decisions',
      'add',
      '--id',
      'x',
      '--title',
      'T',
      '--from',
      '2026-12-31',
      '--to',
      '2026-07-01',
      '--max-days',
      '0',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toEqual(
      expect.arrayContaining([expect.stringMatching(/^maxValidityDays: /), expect.stringMatching(/^to: /)]),
    );
    expect(cli('decisions', 'remove').status).toBe(2);
    expect((cli('decisions').json as unknown[]).length).toBe(2);
  });

  it('refuses an unknown card for findings with exit 2', () => {
    expect(cli('findings', '--card', id(42))).toMatchObject({
      status: 2,
      stderr: [expect.stringMatching(/^card: /)],
    });
  });
});
