import { passesLuhn } from '../../shared/domain/hsa-id';
import type { Harness } from './harness';
import { callApi, registerCard } from './seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A valid HSA-id `SE<10 digits>-<suffix>` whose first nine digits are `nine`. */
export function hsaId(nine: string, suffix: string): string {
  for (let check = 0; check < 10; check++) {
    if (passesLuhn(`${nine}${check}`)) return `SE${nine}${check}-${suffix}`;
  }
  throw new Error(`no check digit for ${nine}`);
}

/** The long-named organisation the register must not cut off. */
export const LONG_ORG = {
  hsaId: hsaId('232100001', 'VGR0001'),
  name: 'Västra Götalandsregionen, Sahlgrenska Universitetssjukhuset, Akutmottagningen Östra',
};
/** The longest holder HSA-id the SPEC allows (31 characters). */
export const LONG_HOLDER_ID = hsaId('556559423', 'ABCDEFGHIJKLMNOPQR');

/**
 * Several cards for the accessibility checks and screenshots: long names, the longest
 * holder HSA-id, a violation, a warning, an expired, a revoked and a voided card, and one
 * that expires within two days (so the review page has something to show).
 */
export async function seedRegister(h: Harness): Promise<{ ids: string[] }> {
  const now = Date.now();
  const base = {
    organisationHsaId: LONG_ORG.hsaId,
    organisationName: LONG_ORG.name,
    holderIdType: 'personnummer',
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson', 'Lena Holm'],
  };
  const level2 = { ...base, assuranceLevel: 2, unplannedPersonnel: true, issuedBy: ['Kim Svensson'] };
  const cards: Record<string, unknown>[] = [
    {
      ...level2,
      cardNumber: '9752 2698 0900 0000 0011',
      holderHsaId: LONG_HOLDER_ID,
      holderName: 'Anna-Karin Margareta Lindqvist-Österberg von Essen',
      issuedAt: '2026-02-11T19:40:00+01:00',
      expiresAt: '2026-02-25T19:40:00+01:00',
    },
    {
      ...level2,
      cardNumber: '9752 2698 0900 0000 0029',
      holderHsaId: hsaId('232100001', 'H0002'),
      holderName: 'Bo Ek',
      // Office hours on a working day: a violation.
      issuedAt: '2026-02-10T10:00:00+01:00',
      expiresAt: '2026-02-13T10:00:00+01:00',
      violationJustification: 'Akut behov, chefen informerad.',
    },
    ...[0, 1, 2].map((n) => ({
      ...level2,
      cardNumber: `9752 2698 0900 0000 10${n}`,
      holderHsaId: hsaId('232100001', 'H0003'),
      holderName: 'Cecilia Öhman',
      issuedAt: `2026-03-0${2 + n * 3}T20:00:00+01:00`,
      expiresAt: `2026-03-0${3 + n * 3}T20:00:00+01:00`,
      reasonCode: 'other',
      reasonText: 'Kortet låg kvar hemma efter nattpass på avdelning 34',
    })),
    {
      ...base,
      assuranceLevel: 3,
      organisationHsaId: hsaId('556559423', 'H001'),
      organisationName: 'Region Exempel',
      cardNumber: '9752 2698 0900 0000 2000',
      holderHsaId: hsaId('232100001', 'H0004'),
      holderName: 'Dragan Šimić',
      issuedAt: new Date(now - 2 * DAY).toISOString(),
      expiresAt: new Date(now + 30 * HOUR).toISOString(),
    },
    {
      ...base,
      assuranceLevel: 3,
      cardNumber: '9752 2698 0900 0000 3000',
      holderHsaId: hsaId('232100001', 'H0005'),
      holderName: 'Eva Nilsson',
      issuedAt: new Date(now - 20 * DAY).toISOString(),
      expiresAt: new Date(now - 6 * DAY).toISOString(),
    },
  ];
  const ids: string[] = [];
  for (const card of cards) ids.push(await registerCard(h, card));
  const [revoked, voided] = [ids[2], ids[3]];
  if (revoked)
    await callApi(h, 'cards:end', {
      id: revoked,
      endedAt: '2026-03-03T08:00:00+01:00',
      endReason: 'revoked',
    });
  if (voided) await callApi(h, 'cards:void', { id: voided, why: 'Registrerat av misstag' });
  return { ids };
}
