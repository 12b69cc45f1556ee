import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { HOLDER, HOLDER_2, tempDir, validCard } from '../../fixtures/cards';

let backend: Backend;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({ databasePath: join(t.dir, 'k.db'), mode: 'web', version: 'test', actor: 'desk' });
});
afterEach(() => {
  backend.close();
  cleanup();
});

async function call<T = unknown>(channel: string, input?: unknown): Promise<T> {
  const r = await backend.router.invoke(channel, input, { trustedSender: true });
  if (!r.ok) throw Object.assign(new Error(r.error.code), { error: r.error });
  return r.value as T;
}
const stored = (id: string) => backend.services.findings.storedFor(id).map((f) => f.code);

describe('findings in the register', () => {
  it('refuses a card with a violation without a justification, and writes nothing', async () => {
    const officeHours = validCard({
      issuedAt: '2026-02-10T10:00:00+01:00',
      expiresAt: '2026-02-12T10:00:00+01:00',
    });
    await expect(call('cards:register', officeHours)).rejects.toMatchObject({
      error: {
        code: 'invalid-input',
        fields: [{ field: 'violationJustification', message: 'violationJustification.required' }],
      },
    });
    expect(backend.services.cards.count()).toBe(0);
    expect(backend.services.audit.count()).toBe(0);
  });

  it('saves it with a justification, stored with the card and in the audit log', async () => {
    const card = await call<{ id: string; violationJustification: string }>(
      'cards:register',
      validCard({
        issuedAt: '2026-02-10T10:00:00+01:00',
        expiresAt: '2026-02-12T10:00:00+01:00',
        violationJustification: 'Akut läge på IVA',
      }),
    );
    expect(card.violationJustification).toBe('Akut läge på IVA');
    expect(stored(card.id)).toEqual(['l2-issued-in-office-hours']);
    const audit = backend.services.audit.listFor('card', card.id);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ violationJustification: 'Akut läge på IVA' });
  });

  it('never blocks on warnings', async () => {
    const card = await call<{ id: string }>('cards:register', validCard({ cardNumber: '1234567890' }));
    expect(stored(card.id)).toEqual(['card-number-unusual-format']);
  });

  it('recomputes the other cards a new card affects (card reused for another holder)', async () => {
    const first = await call<{ id: string }>('cards:register', validCard());
    expect(stored(first.id)).toEqual([]);
    const second = await call<{ id: string }>(
      'cards:register',
      validCard({
        holderHsaId: HOLDER_2,
        holderName: 'Bo Ek',
        issuedAt: '2026-03-01T20:00:00+01:00',
        expiresAt: '2026-03-02T20:00:00+01:00',
        violationJustification: 'Kortet återanvänt av misstag',
      }),
    );
    expect(stored(second.id)).toEqual(['card-reused-for-other-holder']);
    expect(stored(first.id)).toEqual(['card-reused-for-other-holder']);
    const flagged = await call<{ total: number; rows: { id: string; findings: { code: string }[] }[] }>(
      'cards:list',
      {
        findings: 'violation',
      },
    );
    expect(flagged.total).toBe(2);
    expect(flagged.rows[0]!.findings.map((f) => f.code)).toEqual(['card-reused-for-other-holder']);
  });

  it('previews a draft while typing, without the card-number rule until a number is typed', async () => {
    await call('cards:register', validCard());
    const draft = {
      assuranceLevel: 2,
      holderHsaId: HOLDER,
      unplannedPersonnel: true,
      issuedAt: '2026-02-17T10:00:00+01:00',
      expiresAt: '2026-03-10T10:00:00+01:00',
    };
    const findings = await call<{ code: string; fix?: { value: number } }[]>('findings:preview', draft);
    expect(findings.map((f) => f.code)).toEqual([
      'l2-issued-in-office-hours',
      'l2-validity-over-two-weeks',
      'holder-has-active-card',
    ]);
    expect(findings[1]!.fix?.value).toBe(Date.parse('2026-03-03T10:00:00+01:00'));
    expect(backend.services.cards.count()).toBe(1);
    const withNumber = await call<{ code: string }[]>('findings:preview', { ...draft, cardNumber: '12345' });
    expect(withNumber.map((f) => f.code)).toContain('card-number-unusual-format');
  });

  it('a new decision makes an uncovered card clean, audited, for every stored card', async () => {
    const july = await call<{ id: string }>(
      'cards:register',
      validCard({
        issuedAt: '2026-07-01T20:00:00+02:00',
        expiresAt: '2026-07-03T20:00:00+02:00',
        violationJustification: 'Inget beslut ännu',
      }),
    );
    expect(stored(july.id)).toEqual(['l2-outside-dispensation-period']);
    await call('decisions:add', {
      id: 'ehm-2026-06',
      title: 'Förlängning',
      from: '2026-07-01',
      to: '2026-12-31',
      maxValidityDays: 14,
    });
    expect(stored(july.id)).toEqual([]);
    expect((await call<{ id: string }[]>('decisions:list')).map((d) => d.id)).toEqual([
      'ehm-2025-11-04',
      'ehm-2026-06',
    ]);
    expect(backend.services.audit.listFor('decision', 'ehm-2026-06')).toHaveLength(1);
    await expect(
      call('decisions:add', {
        id: 'ehm-2026-06',
        title: 'Igen',
        from: '2026-07-01',
        to: '2026-12-31',
        maxValidityDays: 14,
      }),
    ).rejects.toMatchObject({ error: { fields: [{ field: 'id', message: 'decision.exists' }] } });
  });

  it('changing office hours recomputes findings and is audited; invalid settings write nothing', async () => {
    const card = await call<{ id: string }>(
      'cards:register',
      validCard({ issuedAt: '2026-02-10T17:30:00+01:00', expiresAt: '2026-02-12T10:00:00+01:00' }),
    );
    expect(stored(card.id)).toEqual([]);
    const settings = await call('settings:update', { officeHours: { start: '09:00', end: '18:00' } });
    expect(settings).toEqual({
      officeHours: { start: '09:00', end: '18:00' },
      closedDays: [],
      expiringSoonHours: 48,
    });
    expect(stored(card.id)).toEqual(['l2-issued-in-office-hours']);
    await call('settings:update', { closedDays: ['2026-02-10'] });
    expect(stored(card.id)).toEqual([]);
    const auditBefore = backend.services.audit.count();
    await expect(
      call('settings:update', { officeHours: { start: '18:00', end: '09:00' } }),
    ).rejects.toMatchObject({
      error: { fields: [{ field: 'officeHours.end', message: 'officeHours.order' }] },
    });
    expect(backend.services.audit.count()).toBe(auditBefore);
    expect(await call('settings:get')).toMatchObject({ officeHours: { start: '09:00', end: '18:00' } });
  });

  it('gives the same verdict for an imported register as for the same cards typed in', async () => {
    const typed = await call<{ id: string }>('cards:register', validCard({ cardNumber: '1234567890' }));
    const findings = await call<{ code: string }[]>('findings:card', { id: typed.id });
    expect(findings.map((f) => f.code)).toEqual(stored(typed.id));
  });
});
