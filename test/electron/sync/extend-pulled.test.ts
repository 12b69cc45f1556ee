import { afterAll, describe, expect, it } from 'vitest';
import { registerCard } from '../../../electron/services/cards';
import { CardInput } from '../../../shared/domain/card';
import type { IpcResult } from '../../../shared/ipc/result';
import type { CardRecord } from '../../../shared/domain/card';
import { useHubServer } from '../hub/support';
import { openDesk, type TestDesk } from './support';

// SPEC §8: "An extension may extend another desk's card". Desk B extends a card that desk A
// registered, through the same `cards:extend` channel the Förläng dialog uses.

const hubs = useHubServer();
const opened: TestDesk[] = [];
afterAll(() => opened.forEach((d) => d.close()));

const ISSUED = Date.parse('2026-11-02T18:00:00+01:00');
const DAY = 86_400_000;

async function twoDesks() {
  const hub = await hubs.newHub();
  const a = await openDesk(hub, 'boras', 'Borås akuten');
  const b = await openDesk(hub, 'skovde', 'Skövde akuten');
  opened.push(a, b);
  await a.join();
  await b.join();
  const original = registerCard(
    a.ctx,
    CardInput.parse({
      organisationHsaId: 'SE2321000131-E001',
      organisationName: 'Södra Älvsborgs sjukhus',
      assuranceLevel: 2,
      cardNumber: '9752 2000 0000 0000 017',
      holderHsaId: 'SE2321000131-P001',
      holderName: 'Anna Andersson',
      holderIdType: 'personnummer',
      unplannedPersonnel: true,
      issuedAt: new Date(ISSUED).toISOString(),
      expiresAt: new Date(ISSUED + 5 * DAY).toISOString(),
      issuedBy: ['Kim Karlsson'],
      reasonCode: 'forgotten-card',
      note: 'stannar i Borås',
      // A fresh register has no dispensation decision, so every level-2 card breaks a rule.
      violationJustification: 'Beslut saknas i testregistret',
    }),
  );
  await a.sync();
  await b.sync();
  return { a, b, original };
}

async function extend(desk: TestDesk, input: Record<string, unknown>): Promise<IpcResult<CardRecord>> {
  return (await desk.backend.router.invoke('cards:extend', input, {
    trustedSender: true,
  })) as IpcResult<CardRecord>;
}

describe('extending another station’s card', () => {
  it('registers this desk’s own card for the same holder, pushed with extendsCardId, the pulled card untouched', async () => {
    const { a, b, original } = await twoDesks();
    const extendedAt = new Date(ISSUED + 4 * DAY).toISOString();
    const result = await extend(b, {
      id: original.id,
      holderName: 'Anna Andersson',
      issuedAt: extendedAt,
      expiresAt: new Date(ISSUED + 9 * DAY).toISOString(),
      issuedBy: ['Lo Lind'],
      violationJustification: 'Beslut saknas i testregistret',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const extension = result.value;
    expect(extension.id).not.toBe(original.id);
    expect(extension).toMatchObject({
      extendsCardId: original.id,
      organisationHsaId: original.organisationHsaId,
      assuranceLevel: 2,
      cardNumber: original.cardNumber,
      holderHsaId: original.holderHsaId,
      holderName: 'Anna Andersson',
      reasonCode: 'forgotten-card',
      issuedBy: ['Lo Lind'],
    });
    // The new card is B's own; A's card stays A's and is not ended by B.
    expect(b.ctx.cards.exists(extension.id)).toBe(true);
    expect(b.ctx.pulledCards.get(original.id)?.ended_at).toBeNull();
    // While A has not ended its card, the holder rules see it as the other active card.
    const findings = await b.backend.router.invoke(
      'findings:card',
      { id: extension.id },
      { trustedSender: true },
    );
    expect(findings).toMatchObject({ ok: true });
    expect(findings.ok && (findings.value as { code: string }[]).map((f) => f.code)).toContain(
      'holder-has-active-card',
    );

    await b.sync();
    await a.sync();
    const atA = a.ctx.pulledCards.get(extension.id);
    expect(atA).toMatchObject({
      desk_id: 'skovde',
      extends_card_id: original.id,
      holder_hsa_id: original.holderHsaId,
    });
    // The name B was given stays at B (SPEC §8).
    expect(JSON.stringify(atA)).not.toContain('Anna Andersson');
  });

  it('asks for the holder’s name, which never travels, and writes nothing without it', async () => {
    const { b, original } = await twoDesks();
    const before = b.ctx.findings.liveIds().length;
    const result = await extend(b, {
      id: original.id,
      issuedAt: new Date(ISSUED + 4 * DAY).toISOString(),
      expiresAt: new Date(ISSUED + 9 * DAY).toISOString(),
      issuedBy: ['Lo Lind'],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        fields: [{ field: 'holderName', message: 'holderName.requiredForOtherStation' }],
      },
    });
    expect(b.ctx.findings.liveIds().length).toBe(before);
  });

  it('refuses an extension that starts before the card it extends, or of a card its station has ended', async () => {
    const { a, b, original } = await twoDesks();
    const early = await extend(b, {
      id: original.id,
      holderName: 'Anna Andersson',
      issuedAt: new Date(ISSUED - DAY).toISOString(),
      expiresAt: new Date(ISSUED + 3 * DAY).toISOString(),
      issuedBy: ['Lo Lind'],
    });
    expect(early).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'issuedAt', message: 'extension.beforePrevious' }] },
    });

    const ended = await a.backend.router.invoke(
      'cards:end',
      { id: original.id, endedAt: new Date(ISSUED + DAY).toISOString(), endReason: 'returned' },
      { trustedSender: true },
    );
    expect(ended).toMatchObject({ ok: true });
    await a.sync();
    await b.sync();
    const late = await extend(b, {
      id: original.id,
      holderName: 'Anna Andersson',
      issuedAt: new Date(ISSUED + 2 * DAY).toISOString(),
      expiresAt: new Date(ISSUED + 6 * DAY).toISOString(),
      issuedBy: ['Lo Lind'],
    });
    expect(late).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'id', message: 'card.alreadyEnded' }] },
    });
  });
});
