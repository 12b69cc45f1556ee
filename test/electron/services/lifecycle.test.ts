import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { openTempRegister } from '../support/temp-register';
import { verifyAudit } from '../../../electron/services/audit-verify';
import { correctCard, endCard, extendCard, voidCard } from '../../../electron/services/lifecycle';
import type { CardInputRaw, CardRecord } from '../../../shared/domain/card';
import { HOLDER, HOLDER_2, validCard } from '../../fixtures/cards';

let backend: Backend;
beforeEach(() => {
  const register = openTempRegister();
  backend = register.backend;
  return register.close;
});

const ctx = () => backend.services;
const ms = (iso: string) => Date.parse(iso);
const stored = (id: string) =>
  ctx()
    .findings.storedFor(id)
    .map((f) => f.code);
const auditOf = (id: string) =>
  ctx()
    .audit.listFor('card', id)
    .map((r) => ({
      action: r.action,
      actor: r.actor,
      before: JSON.parse(r.before_json ?? 'null') as Record<string, unknown> | null,
      after: JSON.parse(r.after_json ?? 'null') as Record<string, unknown> | null,
    }));
const everything = () => ({
  cards: backend.db.prepare('SELECT * FROM cards ORDER BY id').all(),
  findings: backend.db.prepare('SELECT * FROM card_findings ORDER BY card_id, code').all(),
  audit: backend.db.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
});

async function register(overrides: Partial<CardInputRaw> = {}): Promise<CardRecord> {
  const r = await backend.router.invoke('cards:register', validCard(overrides), { trustedSender: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as CardRecord;
}

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { fields?: unknown }).fields ?? (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('ending a card', () => {
  it('records the return, audits before/after and clears the holder-has-active-card warning', async () => {
    const first = await register();
    const second = await register({
      cardNumber: '9752210000000000002',
      issuedAt: '2026-02-13T20:00:00+01:00',
      expiresAt: '2026-02-15T20:00:00+01:00',
    });
    expect(stored(second.id)).toEqual(['holder-has-active-card']);
    const ended = endCard(ctx(), first.id, ms('2026-02-12T08:00:00+01:00'), 'returned');
    expect(ended).toMatchObject({ endedAt: '2026-02-12T08:00:00+01:00', endReason: 'returned' });
    expect(stored(second.id)).toEqual([]);
    const [, end] = auditOf(first.id);
    expect(end).toMatchObject({
      action: 'card.end',
      actor: 'desk-1',
      before: { endedAt: null, endReason: null },
      after: { endedAt: ms('2026-02-12T08:00:00+01:00'), endReason: 'returned' },
    });
  });

  it('refuses an end before the issue, a second end and a voided card, writing nothing', async () => {
    const card = await register();
    const before = everything();
    expect(refusal(() => endCard(ctx(), card.id, ms('2026-02-11T19:39:00+01:00'), 'revoked'))).toEqual([
      { field: 'endedAt', message: 'endedAt.beforeIssued' },
    ]);
    expect(refusal(() => endCard(ctx(), card.id, ms('2026-02-12T10:00:00Z'), 'extended' as never))).toEqual([
      { field: 'endReason', message: 'enum.invalid' },
    ]);
    expect(refusal(() => endCard(ctx(), 'nope', ms('2026-02-12T10:00:00Z'), 'returned'))).toBe(
      'card nope not found',
    );
    expect(everything()).toEqual(before);
    endCard(ctx(), card.id, ms('2026-02-11T19:40:00+01:00'), 'revoked');
    expect(refusal(() => endCard(ctx(), card.id, ms('2026-02-12T10:00:00Z'), 'returned'))).toEqual([
      { field: 'endedAt', message: 'card.alreadyEnded' },
    ]);
    const other = await register({ cardNumber: '9752210000000000002', holderHsaId: HOLDER_2 });
    voidCard(ctx(), other.id, 'Fel kort');
    expect(refusal(() => endCard(ctx(), other.id, ms('2026-02-12T10:00:00Z'), 'returned'))).toEqual([
      { field: 'id', message: 'card.voided' },
    ]);
  });
});

describe('voiding a card', () => {
  it('takes it out of every rule: the other holder loses card-reused-for-other-holder', async () => {
    const first = await register({ violationJustification: 'x' });
    const second = await register({ holderHsaId: HOLDER_2, violationJustification: 'Samma kort' });
    expect(stored(first.id)).toEqual(['card-reused-for-other-holder']);
    expect(stored(second.id)).toEqual(['card-reused-for-other-holder']);
    const voided = voidCard(ctx(), first.id, '  Registrerad på fel person  ');
    expect(voided).toMatchObject({
      voidReason: 'Registrerad på fel person',
      voidedAt: expect.any(String) as unknown,
    });
    expect(stored(first.id)).toEqual([]);
    expect(stored(second.id)).toEqual([]);
    expect(auditOf(first.id).at(-1)).toMatchObject({
      action: 'card.void',
      before: { voidedAt: null },
      after: { voidReason: 'Registrerad på fel person' },
    });
  });

  it('needs a reason of 1–500 characters and refuses voiding twice', async () => {
    const card = await register();
    const before = everything();
    expect(refusal(() => voidCard(ctx(), card.id, '   '))).toEqual([
      { field: 'why', message: 'required', params: { min: 1 } },
    ]);
    expect(refusal(() => voidCard(ctx(), card.id, 'x'.repeat(501)))).toEqual([
      { field: 'why', message: 'text.tooLong', params: { max: 500 } },
    ]);
    expect(everything()).toEqual(before);
    voidCard(ctx(), card.id, 'Dubblett');
    expect(refusal(() => voidCard(ctx(), card.id, 'igen'))).toEqual([
      { field: 'id', message: 'card.alreadyVoided' },
    ]);
  });
});

describe('extending a card', () => {
  const sunday = { issuedAt: '2026-02-08T20:00:00+01:00', expiresAt: '2026-02-10T20:00:00+01:00' };
  const tuesday = {
    issuedAt: '2026-02-10T10:00:00+01:00',
    expiresAt: '2026-02-12T10:00:00+01:00',
    issuedBy: ['Kim Karlsson'],
  };

  it('needs a justification when the extension has a violation, and writes nothing without one', async () => {
    const card = await register(sunday);
    const before = everything();
    expect(refusal(() => extendCard(ctx(), card.id, tuesday))).toEqual([
      { field: 'violationJustification', message: 'violationJustification.required' },
    ]);
    expect(everything()).toEqual(before);
  });

  it('at Tuesday 10:00 is flagged in office hours and ends the previous one as extended', async () => {
    const card = await register({ ...sunday, note: 'första' });
    const next = extendCard(ctx(), card.id, {
      ...tuesday,
      violationJustification: 'Jour, ingen annan lösning',
    });
    expect(next).toMatchObject({
      extendsCardId: card.id,
      cardNumber: card.cardNumber,
      holderHsaId: card.holderHsaId,
      organisationHsaId: card.organisationHsaId,
      assuranceLevel: 2,
      reasonCode: card.reasonCode,
      note: '',
      issuedAt: '2026-02-10T10:00:00+01:00',
    });
    expect(stored(next.id)).toEqual(['l2-issued-in-office-hours']);
    expect(backend.services.cards.get(card.id)).toMatchObject({
      ended_at: ms(tuesday.issuedAt),
      end_reason: 'extended',
    });
    // Ended at the new issue time: the previous card is not "another active card".
    expect(stored(next.id)).not.toContain('holder-has-active-card');
    expect(auditOf(next.id).map((a) => a.action)).toEqual(['card.extend']);
    expect(auditOf(card.id).at(-1)).toMatchObject({ action: 'card.end', after: { endReason: 'extended' } });
    expect(refusal(() => extendCard(ctx(), card.id, { ...tuesday, violationJustification: 'x' }))).toEqual([
      { field: 'id', message: 'card.alreadyEnded' },
    ]);
  });

  it('validates the new registration as a whole and refuses one that starts too early', async () => {
    const card = await register(sunday);
    expect(
      refusal(() =>
        extendCard(ctx(), card.id, {
          issuedAt: 'i morgon',
          expiresAt: tuesday.expiresAt,
          issuedBy: [],
          reasonCode: 'other',
        }),
      ),
    ).toEqual([
      { field: 'issuedAt', message: 'instant.format' },
      { field: 'issuedBy', message: 'issuedBy.count' },
      { field: 'reasonText', message: 'reasonText.requiredForOther' },
    ]);
    expect(
      refusal(() =>
        extendCard(ctx(), card.id, {
          ...tuesday,
          issuedAt: '2026-02-08T19:00:00+01:00',
          violationJustification: 'x',
        }),
      ),
    ).toEqual([{ field: 'issuedAt', message: 'extension.beforePrevious' }]);
  });

  it('voiding the extension reopens the card it extended', async () => {
    const card = await register(sunday);
    const next = extendCard(ctx(), card.id, {
      issuedAt: '2026-02-10T19:00:00+01:00',
      expiresAt: '2026-02-12T19:00:00+01:00',
      issuedBy: ['Kim Karlsson'],
    });
    voidCard(ctx(), next.id, 'Förlängdes av misstag');
    expect(backend.services.cards.get(card.id)).toMatchObject({ ended_at: null, end_reason: null });
    expect(auditOf(card.id).map((a) => a.action)).toEqual(['card.register', 'card.end', 'card.reopen']);
  });
});

describe('correcting a card', () => {
  it('stores the change with before, after and why, and recomputes the findings around it', async () => {
    const first = await register();
    const second = await register({ holderHsaId: HOLDER_2, cardNumber: '9752210000000000002' });
    const corrected = correctCard(
      ctx(),
      second.id,
      {
        holderName: 'Bo Ek',
        cardNumber: '9752 2100 0000 0000 001',
        violationJustification: 'Kortet återanvändes',
      },
      'Fel kortnummer och namn',
    );
    expect(corrected).toMatchObject({ holderName: 'Bo Ek', cardNumber: '9752210000000000001' });
    expect(stored(first.id)).toEqual(['card-reused-for-other-holder']);
    expect(stored(second.id)).toEqual(['card-reused-for-other-holder']);
    expect(auditOf(second.id).at(-1)).toMatchObject({
      action: 'card.correct',
      before: { holderName: 'Anna Åberg', cardNumber: '9752210000000000002' },
      after: { holderName: 'Bo Ek', cardNumber: '9752210000000000001', why: 'Fel kortnummer och namn' },
    });
    // Putting the number back clears the finding on the other holder's card too.
    correctCard(ctx(), second.id, { cardNumber: '9752210000000000002' }, 'Tillbaka');
    expect(stored(first.id)).toEqual([]);
  });

  it('refuses a new violation without justification, invalid values, the id and voided cards', async () => {
    const card = await register();
    const before = everything();
    expect(
      refusal(() => correctCard(ctx(), card.id, { issuedAt: '2026-02-10T10:00:00+01:00' }, 'Fel tid')),
    ).toEqual([{ field: 'violationJustification', message: 'violationJustification.required' }]);
    expect(refusal(() => correctCard(ctx(), card.id, { holderHsaId: 'SE2321000017-A1B2' }, 'x'))).toEqual([
      { field: 'holderHsaId', message: 'hsaId.checksum' },
    ]);
    expect(refusal(() => correctCard(ctx(), card.id, { id: 'x' } as never, 'x'))).toEqual([
      { field: 'id', message: 'correction.idFixed' },
    ]);
    expect(refusal(() => correctCard(ctx(), card.id, { note: 'x' }, ''))).toEqual([
      { field: 'why', message: 'required', params: { min: 1 } },
    ]);
    expect(correctCard(ctx(), card.id, { holderName: ' Anna Åberg ' }, 'Ingen ändring')).toMatchObject({
      holderName: 'Anna Åberg',
    });
    expect(everything()).toEqual(before);
    voidCard(ctx(), card.id, 'Fel');
    expect(refusal(() => correctCard(ctx(), card.id, { note: 'x' }, 'x'))).toEqual([
      { field: 'id', message: 'card.voided' },
    ]);
  });
});

describe('the audit trail of the lifecycle', () => {
  it('stays a valid chain through every kind of change', async () => {
    const card = await register();
    endCard(ctx(), card.id, ms('2026-02-12T10:00:00Z'), 'returned');
    const other = await register({
      holderHsaId: HOLDER,
      cardNumber: '9752210000000000005',
      issuedAt: '2026-02-13T20:00:00+01:00',
      expiresAt: '2026-02-14T20:00:00+01:00',
    });
    correctCard(ctx(), other.id, { note: 'tillägg' }, 'Anteckning');
    voidCard(ctx(), other.id, 'Fel');
    expect(verifyAudit(backend.services)).toEqual({ ok: true, rows: ctx().audit.count() });
  });

  it('records the desk user from the settings when the app sets none', async () => {
    const path = backend.db.name;
    backend.close();
    backend = createBackend({ databasePath: path, mode: 'web', version: 'test' });
    backend.db.transaction(() => backend.services.settings.set('deskUser', '  Desk Väst  '))();
    const card = await register();
    expect(auditOf(card.id)[0]!.actor).toBe('Desk Väst');
  });
});
