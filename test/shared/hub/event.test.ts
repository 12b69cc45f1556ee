import {
  canonicalJson,
  HUB_EVENT_SCHEMA_VERSION,
  isNewerHubEvent,
  readHubEvent,
  sameHubEventContent,
  schemaVersionOf,
  type HubEvent,
} from '../../../shared/hub/event';

const event: HubEvent = {
  schemaVersion: 1,
  eventId: '6f1c1f7e-3b7a-4a51-9a51-000000000001',
  deskId: 'boras',
  deskSeq: 1,
  kind: 'registered',
  occurredAt: 0,
  contentHash: 'a'.repeat(64),
  card: {
    cardId: '6f1c1f7e-3b7a-4a51-9a51-000000000002',
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: '9752000000000001',
    holderHsaId: 'SE2321000016-H1',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: 1,
    expiresAt: 2,
    reasonCode: 'other',
    reasonText: '',
    extendsCardId: null,
    endedAt: null,
    endReason: null,
    voided: false,
  },
};

describe('hub event versions', () => {
  it('reads an event of this version, and tells a newer one apart', () => {
    expect(HUB_EVENT_SCHEMA_VERSION).toBe(1);
    expect(readHubEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    const newer = { ...event, schemaVersion: 2 };
    expect(schemaVersionOf(newer)).toBe(2);
    expect(isNewerHubEvent(newer)).toBe(true);
    expect(isNewerHubEvent(event)).toBe(false);
    expect(() => readHubEvent(newer)).toThrow();
  });

  it('never lets a holder name, note or issuer travel', () => {
    for (const field of ['holderName', 'note', 'issuedBy']) {
      expect(() => readHubEvent({ ...event, card: { ...event.card, [field]: 'x' } })).toThrow();
    }
  });

  it('compares content, not hashes, and not key order', () => {
    const reordered = JSON.parse(canonicalJson({ ...event, contentHash: 'b'.repeat(64) })) as unknown;
    expect(sameHubEventContent(event, reordered)).toBe(true);
    expect(sameHubEventContent(event, { ...event, card: { ...event.card, voided: true } })).toBe(false);
  });
});
