import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashAuditRow, type AuditRow } from '../../../electron/db/repositories/audit';
import type { CardInputRaw } from '../../../shared/domain/card';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn, contentOf, uuid } from './cli-helpers';

let dir: string;
let cleanup: () => void;
let cli: ReturnType<typeof cliIn>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  cli = cliIn(dir);
});
afterEach(() => cleanup());

function importCards(cards: CardInputRaw[]): void {
  const file = join(dir, `cards-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify({ cards }));
  expect(cli('import', file)).toMatchObject({ status: 0 });
}

/** A card of its own holder and number expiring at `expiresAt`, issued three days before. */
function expiring(n: number, expiresAt: string, extra: Partial<CardInputRaw> = {}): CardInputRaw {
  return validCard({
    id: uuid(n),
    cardNumber: `9752${String(n).padStart(15, '0')}`,
    holderHsaId: `SE2321000016-H${String(n).padStart(3, '0')}`,
    issuedAt: new Date(Date.parse(expiresAt) - 3 * 24 * 3600 * 1000).toISOString(),
    expiresAt,
    ...extra,
  });
}

const NOW = '2026-02-11T12:00:00+01:00';
const ids = (list: unknown) => (list as { cardId: string }[]).map((e) => e.cardId);

describe('cli review', () => {
  beforeEach(() => {
    importCards([
      expiring(1, '2026-02-13T12:00:00+01:00'), // exactly now + 48 h: expiring soon
      expiring(2, '2026-02-13T12:01:00+01:00'), // a minute later: neither list
      expiring(3, '2026-02-11T12:00:00+01:00'), // exactly now: overdue
      expiring(4, '2026-02-11T12:01:00+01:00'), // a minute from now: expiring soon
      expiring(5, '2026-02-01T12:00:00+01:00', {
        endedAt: '2026-01-31T12:00:00+01:00',
        endReason: 'returned',
      }),
      expiring(6, '2026-02-02T12:00:00+01:00', {
        endedAt: '2026-02-01T12:00:00+01:00',
        endReason: 'extended',
      }),
      expiring(7, '2026-02-12T12:00:00+01:00', {
        endedAt: '2026-02-10T12:00:00+01:00',
        endReason: 'revoked',
      }),
      expiring(8, '2026-02-05T12:00:00+01:00'), // long overdue
      expiring(9, '2026-02-12T10:00:00+01:00'),
    ]);
    expect(cli('void', uuid(9), '--why', 'Registrerad två gånger').status).toBe(0);
  });

  it('lists expiring-soon and overdue cards at the boundaries, sorted by expiry', () => {
    const r = cli('review', '--now', NOW);
    expect(r.status).toBe(0);
    const lists = r.json as { expiringSoon: unknown[]; overdue: unknown[] };
    expect(ids(lists.expiringSoon)).toEqual([uuid(4), uuid(1)]);
    expect(ids(lists.overdue)).toEqual([uuid(8), uuid(3)]);
    expect(lists.expiringSoon[1]).toEqual({
      cardId: uuid(1),
      cardNumber: '9752000000000000001',
      organisationHsaId: 'SE2321000016-A1B2',
      holderName: 'Anna Åberg',
      issuedAt: '2026-02-10T12:00:00+01:00',
      expiresAt: '2026-02-13T12:00:00+01:00',
    });
  });

  it('takes the window from --within, else from the settings, and accepts local times', () => {
    expect(
      ids((cli('review', '--now', NOW, '--within', '1').json as { expiringSoon: unknown }).expiringSoon),
    ).toEqual([uuid(4)]);
    cli('settings', '--expiring-soon-hours', '24');
    expect(
      ids((cli('review', '--now', '2026-02-11 12:00').json as { expiringSoon: unknown }).expiringSoon),
    ).toEqual([uuid(4)]);
  });

  it('refuses a bad --now or --within with exit 2', () => {
    expect(cli('review', '--now', 'igår')).toMatchObject({
      status: 2,
      stderr: [expect.stringMatching(/^now: /)],
    });
    expect(cli('review', '--now', '2026-03-29 02:30')).toMatchObject({
      status: 2,
      stderr: ['now: Den tiden finns inte (sommartid börjar).'],
    });
    expect(cli('review', '--within', '0')).toMatchObject({
      status: 2,
      stderr: ['withinHours: Måste vara ett heltal från 1 till 720.'],
    });
    expect(cli('review', '--within', 'två').status).toBe(2);
  });
});

describe('cli end and void', () => {
  beforeEach(() => importCards([validCard({ id: uuid(1) })]));

  it('ends a card, prints it and refuses a second end with exit 2', () => {
    const r = cli('end', uuid(1), '--at', '2026-02-12T08:00:00+01:00', '--reason', 'returned');
    expect(r).toMatchObject({
      status: 0,
      json: { id: uuid(1), endedAt: '2026-02-12T08:00:00+01:00', endReason: 'returned' },
    });
    const before = contentOf(dir);
    expect(cli('end', uuid(1), '--at', '2026-02-12T09:00:00+01:00', '--reason', 'revoked')).toMatchObject({
      status: 2,
      stderr: ['endedAt: Registreringen är redan avslutad (återlämnad, spärrad eller förlängd).'],
    });
    expect(contentOf(dir)).toEqual(before);
  });

  it('refuses bad arguments with exit 2 and writes nothing', () => {
    const before = contentOf(dir);
    expect(cli('end', uuid(1), '--at', '2026-02-12T08:00:00+01:00', '--reason', 'extended')).toMatchObject({
      status: 2,
      stderr: ['endReason: Är inte ett av de tillåtna värdena.'],
    });
    expect(cli('end', uuid(1), '--at', '2026-10-25 02:30', '--reason', 'returned').stderr).toEqual([
      'endedAt: Den tiden finns två gånger (sommartid slutar); ange tidszon.',
    ]);
    expect(cli('end', uuid(1), '--at', '2026-02-01T08:00:00+01:00', '--reason', 'returned').stderr).toEqual([
      'endedAt: Kan inte vara före utfärdandet.',
    ]);
    expect(cli('end', uuid(2), '--at', '2026-02-12T08:00:00+01:00', '--reason', 'returned')).toMatchObject({
      status: 2,
      stderr: [`id: det finns ingen registrering med id ${uuid(2)}`],
    });
    expect(cli('end', '--reason', 'returned').status).toBe(2);
    expect(cli('void', uuid(1))).toMatchObject({ status: 2, stderr: ['why: Måste fyllas i.'] });
    expect(cli('void').stderr).toEqual(['Felaktig användning: använd: void ID --why TEXT']);
    expect(contentOf(dir)).toEqual(before);
  });

  it('voids a card and prints it', () => {
    expect(cli('void', uuid(1).toUpperCase(), '--why', 'Fel person')).toMatchObject({
      status: 0,
      json: { id: uuid(1), voidReason: 'Fel person' },
    });
    expect(cli('findings').json).toEqual([]);
  });
});

describe('cli audit verify', () => {
  const file = () => join(dir, 'k.db');
  beforeEach(() => {
    importCards([validCard({ id: uuid(1) }), validCard({ id: uuid(2), cardNumber: '9752000000000000002' })]);
    cli('end', uuid(1), '--at', '2026-02-12T08:00:00+01:00', '--reason', 'returned');
  });

  function tamper(sql: string[], keepTriggers = false): void {
    const db = new Database(file());
    if (!keepTriggers)
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    for (const statement of sql) db.exec(statement);
    db.close();
  }

  it('confirms an intact chain', () => {
    expect(cli('audit', 'verify')).toEqual({
      status: 0,
      stdout: '{"ok":true,"rows":4}',
      stderr: [],
      json: { ok: true, rows: 4 },
    });
  });

  it('cannot be rewritten: UPDATE and DELETE on the audit log fail', () => {
    expect(() => tamper(["UPDATE audit_log SET actor = 'någon annan' WHERE seq = 2"], true)).toThrow(
      /append-only/,
    );
    expect(() => tamper(['DELETE FROM audit_log WHERE seq = 4'], true)).toThrow(/append-only/);
    expect(cli('audit', 'verify').status).toBe(0);
  });

  it('names the changed row when the data was changed behind the triggers', () => {
    tamper([
      `UPDATE audit_log SET after_json = json_set(after_json, '$.holderName', 'Någon annan') WHERE seq = 2`,
    ]);
    expect(cli('audit', 'verify')).toEqual({
      status: 1,
      stdout: '{"ok":false,"firstBrokenSeq":2,"reason":"hash-mismatch"}',
      json: { ok: false, firstBrokenSeq: 2, reason: 'hash-mismatch' },
      stderr: ['granskningsloggen är bruten vid post 2 (hash-mismatch)'],
    });
  });

  it('finds a row rewritten with a fresh hash, a removed row and a removed last row', () => {
    const db = new Database(file());
    const row = db.prepare<[], AuditRow>('SELECT * FROM audit_log WHERE seq = 2').get()!;
    db.close();
    const forged = { ...row, actor: 'någon annan' };
    const { hash: _old, ...content } = forged;
    tamper([`UPDATE audit_log SET actor = 'någon annan', hash = '${hashAuditRow(content)}' WHERE seq = 2`]);
    expect(cli('audit', 'verify').json).toEqual({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'prev-hash-mismatch',
    });
  });

  it('finds removed rows in the middle and at the end', () => {
    tamper(['DELETE FROM audit_log WHERE seq = 4']);
    expect(cli('audit', 'verify').json).toEqual({
      ok: false,
      firstBrokenSeq: 4,
      reason: 'rows-missing-at-end',
    });
    tamper(['DELETE FROM audit_log WHERE seq = 2']);
    expect(cli('audit', 'verify').json).toEqual({ ok: false, firstBrokenSeq: 2, reason: 'seq-gap' });
  });

  it('refuses other subcommands as usage errors', () => {
    expect(cli('audit')).toMatchObject({
      status: 2,
      stderr: ['Felaktig användning: använd: audit verify | audit accept-head --yes'],
    });
    expect(cli('audit', 'verify', 'now').status).toBe(2);
    // Accepting a rollback is deliberate: without --yes it is a usage error.
    expect(cli('audit', 'accept-head').status).toBe(2);
  });
});
