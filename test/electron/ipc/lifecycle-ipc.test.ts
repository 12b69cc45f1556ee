import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/app/backend';
import { openTempRegister } from '../support/temp-register';
import type { CardRecord } from '../../../shared/domain/card';
import { contract, type Channel } from '../../../shared/ipc/contract';
import { HOLDER_2, validCard } from '../../fixtures/cards';

let backend: Backend;
beforeEach(() => {
  const register = openTempRegister({ now: () => Date.parse('2026-02-12T12:00:00+01:00') });
  backend = register.backend;
  return register.close;
});

/** Calls a channel through the router and checks the answer against the contract's output schema. */
async function call<T>(channel: Channel, input?: unknown): Promise<T> {
  const r = await backend.router.invoke(channel, JSON.parse(JSON.stringify(input ?? null)) ?? undefined, {
    trustedSender: true,
  });
  if (!r.ok) throw Object.assign(new Error(r.error.code), { error: r.error });
  expect(contract[channel].output.safeParse(r.value).success).toBe(true);
  return r.value as T;
}
const failure = (channel: Channel, input: unknown) =>
  call(channel, input).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: { error: unknown }) => e.error,
  );
const snapshot = () => ({
  cards: backend.db.prepare('SELECT * FROM cards ORDER BY id').all(),
  audit: backend.db.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
  organisations: backend.db.prepare('SELECT * FROM organisations').all(),
});

describe('lifecycle channels', () => {
  it('cards:end, cards:void and cards:extend change the card and answer with it', async () => {
    const a = await call<CardRecord>('cards:register', validCard());
    const ended = await call<CardRecord>('cards:end', {
      id: a.id,
      endedAt: '2026-02-12T08:00:00+01:00',
      endReason: 'revoked',
    });
    expect(ended).toMatchObject({ endedAt: '2026-02-12T08:00:00+01:00', endReason: 'revoked' });
    const b = await call<CardRecord>('cards:register', validCard({ cardNumber: '9752210000000000002' }));
    const next = await call<CardRecord>('cards:extend', {
      id: b.id,
      issuedAt: '2026-02-25T19:40:00+01:00',
      expiresAt: '2026-02-27T19:40:00+01:00',
      issuedBy: ['Kim Karlsson'],
    });
    expect(next).toMatchObject({ extendsCardId: b.id, issuedAt: '2026-02-25T19:40:00+01:00' });
    const voided = await call<CardRecord>('cards:void', { id: next.id, why: 'Fel' });
    expect(voided.voidReason).toBe('Fel');
  });

  it('rejects bad payloads naming the field, and unknown cards as not found', async () => {
    const a = await call<CardRecord>('cards:register', validCard());
    const before = snapshot();
    expect(
      await failure('cards:end', { id: a.id, endedAt: '2026-02-12 08:00', endReason: 'extended' }),
    ).toEqual({
      code: 'invalid-input',
      message: 'invalid input',
      fields: [
        { field: 'endedAt', message: 'instant.format' },
        { field: 'endReason', message: 'enum.invalid' },
      ],
    });
    expect(await failure('cards:void', { id: a.id })).toMatchObject({
      fields: [{ field: 'why', message: 'required' }],
    });
    expect(await failure('cards:void', { id: a.id, why: 'x', extra: 1 })).toMatchObject({
      code: 'invalid-input',
    });
    expect(
      await failure('cards:extend', { id: a.id, issuedAt: 1, expiresAt: 'x', issuedBy: 'Kim' }),
    ).toMatchObject({
      fields: [
        { field: 'issuedAt', message: 'type.string' },
        { field: 'issuedBy', message: 'type.array' },
      ],
    });
    expect(await failure('cards:void', { id: 'nope', why: 'x' })).toMatchObject({ code: 'not-found' });
    expect(snapshot()).toEqual(before);
  });
});

describe('review:lists and audit:list', () => {
  it('lists relative to the clock or a given now', async () => {
    const a = await call<CardRecord>('cards:register', validCard({ expiresAt: '2026-02-13T19:40:00+01:00' }));
    expect(await call('review:lists')).toEqual({
      expiringSoon: [expect.objectContaining({ cardId: a.id })],
      overdue: [],
      expiringSoonTotal: 1,
      overdueTotal: 0,
    });
    expect(await call('review:lists', { now: '2026-02-14T00:00:00+01:00' })).toMatchObject({
      expiringSoon: [],
      overdue: [{ cardId: a.id }],
    });
    expect(await call('review:lists', { withinHours: 1 })).toEqual({
      expiringSoon: [],
      overdue: [],
      expiringSoonTotal: 0,
      overdueTotal: 0,
    });
    expect(await failure('review:lists', { withinHours: 0 })).toMatchObject({ code: 'invalid-input' });
  });

  it('caps each list at the limit asked for, oldest expiry first, and still counts every card', async () => {
    const expiries = ['2026-02-14T10:00', '2026-02-13T21:00', '2026-02-15T08:00', '2026-02-13T20:00'];
    const ids: string[] = [];
    for (const [i, at] of expiries.entries()) {
      const card = await call<CardRecord>(
        'cards:register',
        validCard({
          cardNumber: `975220000000000010${i}`,
          holderHsaId: `SE2321000016-L00${i}`,
          expiresAt: `${at}:00+01:00`,
        }),
      );
      ids.push(card.id);
    }
    const later = { now: '2026-03-01T00:00:00+01:00' };
    const capped = await call<{ overdue: { cardId: string }[]; overdueTotal: number }>('review:lists', {
      ...later,
      limit: 2,
    });
    expect(capped.overdue.map((e) => e.cardId)).toEqual([ids[3], ids[1]]);
    expect(capped.overdueTotal).toBe(4);
    const all = await call<{ overdue: { cardId: string }[] }>('review:lists', later);
    expect(all.overdue.map((e) => e.cardId)).toEqual([ids[3], ids[1], ids[0], ids[2]]);
    expect(await failure('review:lists', { limit: 0 })).toMatchObject({ code: 'invalid-input' });
  });

  it('pages the audit log newest first, for one card or all', async () => {
    const a = await call<CardRecord>('cards:register', validCard());
    await call('cards:void', { id: a.id, why: 'Fel' });
    const rows = await call<{ seq: number; action: string; at: string; before: unknown; after: unknown }[]>(
      'audit:list',
      { cardId: a.id.toUpperCase(), limit: 10 },
    );
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      [3, 'card.void'],
      [2, 'card.register'],
    ]);
    expect(rows[0]).toMatchObject({
      at: '2026-02-12T12:00:00+01:00',
      actor: 'desk-1',
      entity: 'card',
      entityId: a.id,
      before: expect.objectContaining({ voidedAt: null }) as unknown,
      after: expect.objectContaining({ voidReason: 'Fel' }) as unknown,
    });
    expect((await call<unknown[]>('audit:list', { limit: 1, offset: 2 })).length).toBe(1);
    expect(await failure('audit:list', { limit: 501 })).toMatchObject({ code: 'invalid-input' });
  });
});

describe('import:preview and import:commit', () => {
  const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: '2',
    cardNumber: '9752210000000000001',
    holderHsaId: 'SE2321000016-AB12',
    holderName: 'Anna Åberg',
    holderIdType: 'personnummer',
    unplannedPersonnel: 'ja',
    issuedAt: '2026-02-11 19:40',
    expiresAt: '2026-02-13 19:40',
    reasonCode: 'forgotten-card',
    issuedBy: 'Kim',
    ...overrides,
  });

  it('previews errors and findings per row, counting the other rows, without writing', async () => {
    const before = snapshot();
    const preview = await call('import:preview', {
      rows: [
        row(),
        row({ holderHsaId: 'SE2321000017-A1B2' }),
        row({ holderHsaId: HOLDER_2, issuedAt: '2026-02-12 19:40', expiresAt: '2026-02-14 19:40' }),
        row({ issuedAt: '2026-03-29 02:30' }),
      ],
    });
    expect(preview).toEqual([
      { row: 1, errors: [], findings: ['card-reused-for-other-holder'] },
      { row: 2, errors: [{ field: 'holderHsaId', message: 'hsaId.checksum' }], findings: [] },
      { row: 3, errors: [], findings: ['card-reused-for-other-holder'] },
      { row: 4, errors: [{ field: 'issuedAt', message: 'localTime.nonexistent' }], findings: [] },
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('accepts, in a part of a large file, an extension of a row in another part it is told of', async () => {
    const target = '0b9c4f1e-2d3a-4b5c-8d6e-7f8091a2b3c4';
    const extending = row({
      extendsCardId: target.toUpperCase(),
      issuedAt: '2026-02-13 19:40',
      expiresAt: '2026-02-15 19:40',
    });
    // Alone, the card it extends is unknown: an error that would block the import.
    expect(await call('import:preview', { rows: [extending] })).toEqual([
      { row: 1, errors: [{ field: 'extendsCardId', message: 'extendsCardId.unknown' }], findings: [] },
    ]);
    // Told that the file has that row elsewhere, it is checked like the import will store it.
    expect(await call('import:preview', { rows: [extending], fileIds: [target] })).toEqual([
      { row: 1, errors: [], findings: [] },
    ]);
    // And the whole file, target after the extension, imports as one.
    expect(
      await call('import:commit', {
        rows: [extending, row({ id: target, cardNumber: '9752210000000000001' })],
      }),
    ).toEqual({ imported: 2, unchanged: 0 });
  });

  it('commits all or nothing, naming rows in params, and is idempotent', async () => {
    const before = snapshot();
    expect(await failure('import:commit', { rows: [row(), row({ holderName: '' })] })).toEqual({
      code: 'invalid-input',
      message: 'invalid input',
      fields: [{ field: 'holderName', message: 'required', params: { row: 2 } }],
    });
    expect(
      await failure('import:commit', {
        rows: [row({ organisationHsaId: 'SE5565594230-ORG1', organisationName: '' })],
      }),
    ).toMatchObject({
      fields: [{ field: 'organisationName', message: 'organisationName.requiredForNew', params: { row: 1 } }],
    });
    expect(snapshot()).toEqual(before);
    const rows = [row(), row({ cardNumber: '9752210000000000002', issuedAt: '2026-02-12 19:40' })];
    expect(await call('import:commit', { rows })).toEqual({ imported: 2, unchanged: 0 });
    expect(await call('import:commit', { rows })).toEqual({ imported: 0, unchanged: 2 });
    expect(await failure('import:commit', { rows: [{ holderName: 5 }] })).toMatchObject({
      code: 'invalid-input',
    });
  });
});
