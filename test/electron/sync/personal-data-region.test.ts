import { afterAll, expect, it } from 'vitest';
import { registerCard } from '../../../electron/services/cards';
import { voidCard } from '../../../electron/services/lifecycle';
import { eraseExpiredPersonalData } from '../../../electron/services/personal-data';
import { CardInput, type CardInputRaw } from '../../../shared/domain/card';
import { PersonalDataExport } from '../../../shared/ipc/maintenance';
import { useHubServer } from '../hub/support';
import { hsa, openDesk, type TestDesk } from './support';

// An access request at a desk of a region lists the holder's cards that other stations
// registered too, as far as this desk holds them from the hub: only what travelled, each
// marked with its station. Real hub, real registers.

const hubs = useHubServer();
const opened: TestDesk[] = [];
afterAll(() => opened.forEach((d) => d.close()));

const HOLDER = hsa(501, 'ANNA');
const OTHER = hsa(502, 'BO');

function card(holderHsaId: string, cardNumber: string, overrides: Partial<CardInputRaw> = {}) {
  return CardInput.parse({
    organisationHsaId: hsa(1, 'ORG1'),
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber,
    holderHsaId,
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: '2026-02-11T19:40:00+01:00',
    expiresAt: '2026-02-14T19:40:00+01:00',
    reasonCode: 'other',
    reasonText: 'Kortet låg hemma',
    issuedBy: ['Kim Svensson'],
    note: 'Ringde från Skövde',
    violationJustification: 'Godkänt i test',
    ...overrides,
  });
}

async function exportAt(desk: TestDesk, holderHsaId: string): Promise<PersonalDataExport> {
  const result = await desk.backend.router.invoke(
    'personal:export',
    { holderHsaId },
    { trustedSender: true },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return PersonalDataExport.parse(result.value);
}

it("lists the other stations' cards of the holder, marked with the station, and none once that station erased her", async () => {
  const hub = await hubs.newHub();
  const boras = await openDesk(hub, 'boras', 'Borås');
  const skovde = await openDesk(hub, 'skovde', 'Skövde');
  opened.push(boras, skovde);
  await boras.join();
  await skovde.join();

  const own = registerCard(boras.ctx, card(HOLDER, '9752200000000000101'));
  const theirs = registerCard(
    skovde.ctx,
    card(HOLDER, '9752200000000000102', {
      issuedAt: '2026-02-12T08:00:00+01:00',
      expiresAt: '2026-02-15T08:00:00+01:00',
    }),
  );
  const mistaken = registerCard(
    skovde.ctx,
    card(HOLDER, '9752200000000000103', {
      issuedAt: '2026-02-13T08:00:00+01:00',
      expiresAt: '2026-02-16T08:00:00+01:00',
    }),
  );
  voidCard(skovde.ctx, mistaken.id, 'Fel person');
  registerCard(skovde.ctx, card(OTHER, '9752200000000000104', { holderName: 'Bo Berg' }));
  await skovde.sync();
  await boras.sync();

  const exported = await exportAt(boras, HOLDER);
  expect(exported.cards.map((c) => c.id)).toEqual([own.id]);
  expect(exported.pulledCards).toEqual([
    {
      id: theirs.id,
      stationId: 'skovde',
      station: 'Skövde',
      organisationHsaId: hsa(1, 'ORG1'),
      organisationName: 'Region Exempel',
      assuranceLevel: 2,
      cardNumber: '9752200000000000102',
      holderHsaId: HOLDER,
      holderIdType: 'personnummer',
      unplannedPersonnel: true,
      issuedAt: '2026-02-12T08:00:00+01:00',
      expiresAt: '2026-02-15T08:00:00+01:00',
      endedAt: null,
      endReason: null,
      reasonCode: 'other',
      reasonText: 'Kortet låg hemma',
      extendsCardId: null,
      voided: false,
    },
    expect.objectContaining({ id: mistaken.id, station: 'Skövde', voided: true }),
  ]);
  // What stays at Skövde is not in Borås's answer: Skövde's note and issuers never travelled.
  const text = JSON.stringify(exported.pulledCards);
  expect(text).not.toContain('Ringde från Skövde');
  expect(text).not.toContain('Kim Svensson');
  expect(text).not.toContain('Bo Berg');
  // The lower-case spelling of the HSA-id finds the same cards.
  expect((await exportAt(boras, HOLDER.toLowerCase())).pulledCards.map((c) => c.id)).toEqual([
    theirs.id,
    mistaken.id,
  ]);
  // The export is audited with the number of pulled cards it listed.
  const audited = boras.ctx.db
    .prepare("SELECT after_json FROM audit_log WHERE action = 'personal-data.export' ORDER BY seq LIMIT 1")
    .pluck()
    .get() as string;
  expect(JSON.parse(audited)).toMatchObject({ cards: 1, pulledCards: 2 });

  // A desk that has pulled nothing lists none, and a register without a hub answers as before.
  expect((await exportAt(skovde, OTHER)).pulledCards).toEqual([]);

  // Skövde erases her after its retention period; once Borås has pulled that, she is gone there.
  expect(eraseExpiredPersonalData(skovde.ctx, Date.parse('2037-03-01T12:00:00+01:00')).holders).toBe(2);
  await skovde.sync();
  await boras.sync();
  expect((await exportAt(boras, HOLDER)).pulledCards).toEqual([]);
}, 120_000);
