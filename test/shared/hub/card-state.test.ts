import {
  computeRegionReport,
  emptyRegion,
  foldHubEvents,
  regionOrganisations,
  regionReportFacts,
} from '../../../shared/hub/card-state';
import type { HubCardState, HubEvent, HubEventKind } from '../../../shared/hub/event';

const HASH = 'a'.repeat(64);
const uuid = (n: number) => `6f1c1f7e-3b7a-4a51-9a51-${String(n).padStart(12, '0')}`;

function card(n: number, patch: Partial<HubCardState> = {}): HubCardState {
  return {
    cardId: uuid(n),
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: `975200000000${String(n).padStart(4, '0')}`,
    holderHsaId: `SE2321000016-H${n}`,
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: Date.UTC(2026, 0, 10, 20),
    expiresAt: Date.UTC(2026, 0, 13, 20),
    reasonCode: 'forgotten-card',
    reasonText: '',
    extendsCardId: null,
    endedAt: null,
    endReason: null,
    voided: false,
    ...patch,
  };
}

let eventNo = 0;
function event(
  deskId: string,
  deskSeq: number,
  state: HubCardState,
  kind: HubEventKind = 'registered',
): HubEvent {
  return {
    schemaVersion: 1,
    eventId: uuid(100_000 + ++eventNo),
    deskId,
    deskSeq,
    kind,
    occurredAt: 0,
    card: state,
    contentHash: HASH,
  };
}

describe('the region fold', () => {
  it('takes the newest deskSeq of a card as the card', () => {
    const state = foldHubEvents([
      event('boras', 1, card(1)),
      event('boras', 2, card(2)),
      event('boras', 3, card(1, { endedAt: Date.UTC(2026, 0, 11), endReason: 'returned' }), 'ended'),
    ]);
    expect(state.cards.get(uuid(1))).toMatchObject({
      deskId: 'boras',
      deskSeq: 3,
      card: { endReason: 'returned' },
    });
    expect(state.cards.size).toBe(2);
  });

  it('keeps the newer state when an older event arrives after it', () => {
    const newer = event('boras', 2, card(1, { voided: true }), 'voided');
    const state = foldHubEvents([newer, event('boras', 1, card(1))]);
    expect(state.cards.get(uuid(1))!.card.voided).toBe(true);
  });

  it('ignores another desk’s event for a card it does not own', () => {
    const foreign = event('skovde', 1, card(1, { voided: true }), 'voided');
    const state = foldHubEvents([event('boras', 1, card(1)), foreign]);
    expect(state.cards.get(uuid(1))).toMatchObject({ deskId: 'boras', card: { voided: false } });
    expect(state.ignored).toEqual([foreign]);
  });

  it('catches up from an earlier state with only the new events', () => {
    const all = [event('a1', 1, card(1)), event('a1', 2, card(2)), event('a1', 3, card(1, { voided: true }))];
    const once = foldHubEvents(all);
    const inSteps = foldHubEvents(all.slice(2), foldHubEvents(all.slice(0, 2), emptyRegion()));
    expect(inSteps).toEqual(once);
  });

  it('gives the report every non-voided card, no holder data, and each organisation’s newest name', () => {
    const state = foldHubEvents([
      event('boras', 1, card(1)),
      event('skovde', 1, card(2, { organisationName: 'Region Exempel, nytt namn' })),
      event(
        'skovde',
        2,
        card(3, { voided: true, organisationHsaId: 'SE2321000131-E3F4', organisationName: 'Borås Stad' }),
      ),
    ]);
    const facts = regionReportFacts(state);
    expect(facts.map((f) => f.id)).toEqual([uuid(1), uuid(2)]);
    expect(Object.keys(facts[0]!)).not.toContain('holderHsaId');
    expect(regionOrganisations(state)).toEqual([
      { hsaId: 'SE2321000016-A1B2', name: 'Region Exempel, nytt namn' },
      { hsaId: 'SE2321000131-E3F4', name: 'Borås Stad' },
    ]);
    const report = computeRegionReport(state, '2026-01', Date.UTC(2026, 1, 1));
    expect(report.organisations).toEqual([
      expect.objectContaining({
        organisationHsaId: 'SE2321000016-A1B2',
        organisationName: 'Region Exempel, nytt namn',
        newlyIssued: { level2: 2, level3: 0 },
      }),
    ]);
  });
});
