import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { openTempRegister } from '../support/temp-register';
import { ORG, validCard } from '../../fixtures/cards';

let backend: Backend;
beforeEach(() => {
  const register = openTempRegister();
  backend = register.backend;
  return register.close;
});

const call = (channel: string, input: unknown) =>
  backend.router.invoke(channel, input, { trustedSender: true });
const counts = () => ({
  cards: backend.services.cards.count(),
  audit: backend.services.audit.count(),
  organisations: backend.services.organisations.list().length,
});

describe('registering a card', () => {
  it('stores every field, creates the organisation and audits both in one go', async () => {
    const result = await call(
      'cards:register',
      validCard({ note: 'Kom 22.10', reasonCode: 'other', reasonText: 'Annat skäl' }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const card = result.value as Record<string, unknown>;
    expect(card).toMatchObject({
      organisationHsaId: ORG,
      organisationName: 'Region Exempel',
      cardNumber: '9752210000000000001',
      holderName: 'Anna Åberg',
      issuedAt: '2026-02-11T19:40:00+01:00',
      expiresAt: '2026-02-25T19:40:00+01:00',
      reasonText: 'Annat skäl',
      note: 'Kom 22.10',
      unplannedPersonnel: true,
      endedAt: null,
      voidedAt: null,
    });
    expect(card.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(counts()).toEqual({ cards: 1, audit: 2, organisations: 1 });
    const audit = backend.services.audit.listFor('card', card.id as string);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'desk-1', action: 'card.register' });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ cardNumber: '9752210000000000001' });

    const fetched = await call('cards:get', { id: card.id });
    expect(fetched).toEqual({ ok: true, value: card });
  });

  it('refuses an unknown organisation without a name, naming the field, and writes nothing', async () => {
    const result = await call('cards:register', validCard({ organisationName: undefined }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'invalid input',
        fields: [{ field: 'organisationName', message: 'organisationName.requiredForNew' }],
      },
    });
    expect(counts()).toEqual({ cards: 0, audit: 0, organisations: 0 });
  });

  it('refuses invalid input with the field named and leaves the register unchanged', async () => {
    await call('cards:register', validCard());
    const before = counts();
    const result = await call(
      'cards:register',
      validCard({ holderHsaId: 'SE2321000017-A1B2', expiresAt: '2026-02-01T00:00:00Z' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual(
      expect.arrayContaining([
        { field: 'holderHsaId', message: 'hsaId.checksum' },
        { field: 'expiresAt', message: 'expiresAt.notAfterIssued' },
      ]),
    );
    expect(counts()).toEqual(before);
  });

  it('reuses a known organisation and keeps its stored name', async () => {
    await call('cards:register', validCard());
    const second = await call(
      'cards:register',
      validCard({ organisationName: undefined, cardNumber: '9752210000000000002' }),
    );
    expect(second.ok && (second.value as { organisationName: string }).organisationName).toBe(
      'Region Exempel',
    );
    expect(counts().organisations).toBe(1);
  });

  it('refuses an extension of a card that does not exist', async () => {
    const result = await call(
      'cards:register',
      validCard({ extendsCardId: '6f1c1f7e-3b7a-4a51-9a51-3c1f0d9a1b2c' }),
    );
    expect(result.ok || result.error.fields).toEqual([
      { field: 'extendsCardId', message: 'extendsCardId.unknown' },
    ]);
  });

  it('survives a reopen: what was registered is there again', async () => {
    await call('cards:register', validCard());
    const path = backend.db.name;
    backend.close();
    backend = createBackend({ databasePath: path, mode: 'web', version: 'test' });
    const page = await call('cards:list', {});
    expect(page.ok && (page.value as { total: number }).total).toBe(1);
  });
});

describe('listing the register', () => {
  beforeEach(async () => {
    const rows = [
      {
        holderName: 'Örjan Öberg',
        cardNumber: '9752000000000000001',
        issuedAt: '2026-01-31T23:30:00+01:00',
        expiresAt: '2026-02-02T10:00:00+01:00',
      },
      {
        holderName: 'anna andersson',
        cardNumber: '9752000000000000002',
        issuedAt: '2026-02-01T00:30:00+01:00',
        expiresAt: '2026-02-03T10:00:00+01:00',
        assuranceLevel: 3 as const,
        issuedBy: ['A', 'B'],
      },
      {
        holderName: 'Bertil Berg',
        cardNumber: '9752000000000000003',
        issuedAt: '2026-02-15T20:00:00+01:00',
        expiresAt: '2026-02-20T10:00:00+01:00',
        holderHsaId: 'SE5565594230-H001',
        organisationHsaId: 'SE5565594230-ORG1',
        organisationName: 'Annan region',
      },
    ];
    for (const row of rows) expect((await call('cards:register', validCard(row))).ok).toBe(true);
  });

  const list = async (query: object) => {
    const r = await call('cards:list', query);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const page = r.value as { total: number; rows: { holderName: string }[] };
    return { total: page.total, names: page.rows.map((row) => row.holderName) };
  };

  it('sorts by issue time, newest first, by default', async () => {
    expect(await list({})).toEqual({ total: 3, names: ['Bertil Berg', 'anna andersson', 'Örjan Öberg'] });
  });

  it('filters by local month edges, not UTC', async () => {
    expect((await list({ month: '2026-01' })).names).toEqual(['Örjan Öberg']);
    expect((await list({ month: '2026-02' })).names).toEqual(['Bertil Berg', 'anna andersson']);
  });

  it('searches names case-insensitively beyond ASCII, HSA-ids by prefix and card numbers', async () => {
    expect((await list({ search: 'örjan' })).names).toEqual(['Örjan Öberg']);
    expect((await list({ search: 'ANNA' })).names).toEqual(['anna andersson']);
    expect((await list({ search: 'SE5565' })).names).toEqual(['Bertil Berg']);
    expect((await list({ search: '0000 0000 0000 003' })).names).toEqual(['Bertil Berg']);
    expect((await list({ search: '%' })).total).toBe(0);
  });

  it('filters by level and organisation, and pages with a stable total', async () => {
    expect((await list({ level: 3 })).names).toEqual(['anna andersson']);
    expect((await list({ organisationHsaId: 'SE5565594230-ORG1' })).names).toEqual(['Bertil Berg']);
    expect(await list({ sort: { by: 'holderName', dir: 'asc' }, offset: 1, limit: 1 })).toEqual({
      total: 3,
      names: ['Bertil Berg'],
    });
  });

  it('sorts names in Swedish-aware lower case, so Ö comes last', async () => {
    expect((await list({ sort: { by: 'holderName', dir: 'asc' } })).names).toEqual([
      'anna andersson',
      'Bertil Berg',
      'Örjan Öberg',
    ]);
  });
});
