import type { NewCard } from '../../../../electron/db/repositories/cards';
import { createCardRepository } from '../../../../electron/db/repositories/cards';
import { createOrganisationRepository } from '../../../../electron/db/repositories/organisations';
import type { Db } from '../../../../electron/db/types';
import { writeTransaction } from '../../../../electron/db/write-transaction';
import type { PulledCardWrite } from '../../../../electron/db/repositories/pulled-cards';
import type { Organisation } from '../../../../shared/domain/organisation';
import type { HubCardState } from '../../../../shared/hub/event';
import { HOLDER, HOLDER_2, ORG } from '../../../fixtures/cards';

export { HOLDER, HOLDER_2, ORG };
/** A second organisation (Luhn-valid HSA-id). */
export const ORG_2 = 'SE5565594230-C3D4';

/** Epoch milliseconds of an ISO instant. */
export const ms = (iso: string): number => Date.parse(iso);

let next = 0;
/** A valid card to store straight through the repository; override what the test is about. */
export function newCard(overrides: Partial<NewCard> = {}): NewCard {
  next += 1;
  const n = String(next).padStart(4, '0');
  return {
    id: `card-${n}`,
    organisationHsaId: ORG,
    organisationName: undefined,
    assuranceLevel: 2,
    cardNumber: `975221000000000${n}`,
    holderHsaId: HOLDER,
    holderName: 'Anna Åberg',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: ms('2026-02-11T19:40:00+01:00'),
    expiresAt: ms('2026-02-25T19:40:00+01:00'),
    reasonCode: 'forgotten-card',
    reasonText: '',
    issuedBy: ['Kim Karlsson'],
    extendsCardId: null,
    endedAt: null,
    endReason: null,
    note: '',
    violationJustification: null,
    ...overrides,
  };
}

/** Stores organisations and cards through their repositories, in one transaction. */
export function seed(
  db: Db,
  cards: readonly NewCard[],
  organisations: readonly Organisation[] = [
    { hsaId: ORG, name: 'Region Exempel' },
    { hsaId: ORG_2, name: 'Vårdbolaget' },
  ],
): void {
  const orgs = createOrganisationRepository(db);
  const repo = createCardRepository(db);
  writeTransaction(db, () => {
    for (const o of organisations) if (!orgs.get(o.hsaId)) orgs.insert(o, 1);
    for (const card of cards) repo.insert(card, 2);
  });
}

/** Another desk's event about one of its cards, as a pull stores it; override what the test is about. */
export function pulledEvent(
  card: Partial<HubCardState> & { cardId: string },
  event: Partial<Omit<PulledCardWrite, 'card'>> = {},
): PulledCardWrite {
  return {
    deskId: 'desk-b',
    deskSeq: 1,
    hubSeq: 1,
    kind: 'registered',
    ...event,
    card: {
      organisationHsaId: ORG,
      organisationName: 'Region Exempel',
      assuranceLevel: 2,
      cardNumber: '9752000000000009999',
      holderHsaId: HOLDER_2,
      holderIdType: 'personnummer',
      unplannedPersonnel: true,
      issuedAt: ms('2026-02-01T10:00:00Z'),
      expiresAt: ms('2026-02-02T10:00:00Z'),
      reasonCode: 'forgotten-card',
      reasonText: '',
      extendsCardId: null,
      endedAt: null,
      endReason: null,
      voided: false,
      ...card,
    },
  };
}
