import fc from 'fast-check';
import type pg from 'pg';
import { openHubPool } from '../../../electron/hub/connect';
import { pullEvents, pushEvents } from '../../../electron/hub/client';
import { hubReport } from '../../../electron/hub/report';
import { computeRegionReport, foldHubEvents } from '../../../shared/hub/card-state';
import type { HubCardState } from '../../../shared/hub/event';
import { REASON_CODES } from '../../../shared/domain/reason-codes';
import { monthBounds } from '../../../shared/time/stockholm';
import { deskLog, useHubServer } from './support';

const hubs = useHubServer();

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 11, 20);
const TO = Date.UTC(2026, 2, 10);
// Month edges (00:00 Stockholm on the 1st) and the millisecond before each: where §5's
// inequalities differ, so the generator lands on them often.
const EDGES = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']
  .map((m) => monthBounds(m).start)
  .flatMap((t) => [t, t - 1]);
const instant = fc.oneof(fc.integer({ min: FROM, max: TO }), fc.constantFrom(...EDGES));
const ORGS = [
  ['SE2321000016-A1B2', ['Region Exempel', 'Region Exempel (nytt namn)']],
  ['SE2321000131-E3F4', ['Borås Stad']],
  ['SE5565594230-G5H6', ['=Vård AB', 'Vård AB']],
] as const;

// One step of a desk: register a card, or change one it registered earlier.
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('register' as const),
      org: fc.nat({ max: ORGS.length - 1 }),
      nameVariant: fc.nat({ max: 1 }),
      level: fc.constantFrom(2 as const, 3 as const),
      issuedAt: instant,
      validFor: fc.integer({ min: 3_600_000, max: 40 * DAY }),
      expiresAtEdge: fc.option(fc.constantFrom(...EDGES), { nil: null }),
      endedAfter: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: null }),
      endedAtEdge: fc.option(fc.constantFrom(...EDGES), { nil: null }),
      extendsEarlier: fc.option(fc.nat(), { nil: null }),
      reasonCode: fc.constantFrom(...REASON_CODES),
      reasonText: fc.constantFrom('', 'glömt kortet', '=SUMMA(A1)', 'Åsa på natten'),
      voided: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('change' as const),
      card: fc.nat(),
      patch: fc.oneof(
        fc.record({ voided: fc.boolean() }),
        fc.record({
          endedAt: fc.integer({ min: FROM, max: TO }),
          endReason: fc.constant('returned' as const),
        }),
        fc.record({ issuedAt: fc.integer({ min: FROM, max: TO }) }),
        fc.record({ organisationHsaId: fc.constantFrom(...ORGS.map((o) => o[0])) }),
        fc.record({ assuranceLevel: fc.constantFrom(2 as const, 3 as const) }),
      ),
    }),
  },
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function play(deskId: string, steps: Step[], allCards: string[]) {
  const log = deskLog(deskId);
  const own: string[] = [];
  for (const s of steps) {
    if (s.op === 'register') {
      const [hsaId, names] = ORGS[s.org]!;
      const card: Partial<HubCardState> = {
        organisationHsaId: hsaId,
        organisationName: names[s.nameVariant % names.length]!,
        assuranceLevel: s.level,
        issuedAt: s.issuedAt,
        expiresAt: s.expiresAtEdge ?? s.issuedAt + s.validFor,
        endedAt: s.endedAtEdge ?? (s.endedAfter === null ? null : s.issuedAt + s.endedAfter),
        endReason: s.endedAtEdge === null && s.endedAfter === null ? null : 'returned',
        // An extension may extend any desk's card (SPEC §8).
        extendsCardId:
          s.extendsEarlier === null || allCards.length === 0
            ? null
            : allCards[s.extendsEarlier % allCards.length]!,
        reasonCode: s.reasonCode,
        reasonText: s.reasonText,
        voided: s.voided && s.issuedAt % 5 === 0,
      };
      const event = log.register(card);
      own.push(event.card.cardId);
      allCards.push(event.card.cardId);
    } else if (own.length > 0) {
      const cardId = own[s.card % own.length]!;
      const patch: Partial<HubCardState> = { ...s.patch };
      if (patch.organisationHsaId) {
        patch.organisationName = ORGS.find((o) => o[0] === patch.organisationHsaId)![1][0];
      }
      log.change(cardId, patch.voided ? 'voided' : patch.endedAt ? 'ended' : 'corrected', patch);
    }
  }
  return log;
}

describe('hub report', () => {
  it('equals the pure §5 definition over the union of every desk’s cards (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { maxLength: 25 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('2025-12', '2026-01', '2026-02', '2026-03'),
        async (desks, month) => {
          const hub = await hubs.newHub();
          const allCards: string[] = [];
          const logs = desks.map((steps, i) => play(`desk-${i}`, steps, allCards));
          const pools: pg.Pool[] = [];
          try {
            for (const [i, log] of logs.entries()) {
              const login = await hub.addDesk(`desk-${i}`);
              pools.push(openHubPool(login.url, { env: {} }));
              await pushEvents(pools[i]!, log.events, '0.1.0');
            }
            const now = Date.UTC(2026, 3, 1);
            const fromHub = await hubReport(hub.adminUrl, month, { env: {}, now: () => now });
            const pure = computeRegionReport(foldHubEvents(logs.flatMap((l) => l.events)), month, now);
            expect(fromHub.report).toEqual(pure);
            // And the events a desk pulls fold to the same report.
            const pulled = await pullEvents(pools[0]!, 0, 10_000);
            expect(computeRegionReport(foldHubEvents(pulled.events.map((e) => e.event)), month, now)).toEqual(
              pure,
            );
            expect(fromHub.deskCoverage.map((d) => d.desk)).toEqual(logs.map((_, i) => `desk-${i}`));
          } finally {
            await Promise.all(pools.map((p) => p.end()));
          }
        },
      ),
      { numRuns: 12 },
    );
    // A fresh hub per run, on a machine other test files share.
  }, 120_000);

  it('counts a card pushed late in the month of its issuedAt, and shows who has not pushed since', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras', 'Borås kortstation');
    const skovde = await hub.addDesk('skovde', 'Skövde kortstation');
    const borasLog = deskLog('boras');
    borasLog.register({ issuedAt: Date.UTC(2026, 0, 5, 20), expiresAt: Date.UTC(2026, 0, 8, 20) });
    await pushEvents(hubs.pool(boras.url), borasLog.events, '0.1.0');
    const january = await hubReport(hub.adminUrl, '2026-01', { env: {} });
    expect(january.report.totals.newlyIssued).toEqual({ level2: 1, level3: 0 });
    expect(january.deskCoverage).toEqual([
      expect.objectContaining({ desk: 'boras', events: 1, pushedAfterMonthEnd: true, appVersion: '0.1.0' }),
      {
        desk: 'skovde',
        name: 'Skövde kortstation',
        events: 0,
        lastPush: null,
        appVersion: null,
        pushedAfterMonthEnd: false,
      },
    ]);
    // Skövde comes online in March with a card from January.
    const skovdeLog = deskLog('skovde');
    skovdeLog.register({
      issuedAt: Date.UTC(2026, 0, 20, 21),
      expiresAt: Date.UTC(2026, 0, 22, 21),
      assuranceLevel: 3,
    });
    await pushEvents(hubs.pool(skovde.url), skovdeLog.events, '0.1.1');
    const again = await hubReport(hub.adminUrl, '2026-01', { env: {} });
    expect(again.report.totals.newlyIssued).toEqual({ level2: 1, level3: 1 });
    expect(again.lastHubSeq).toBe(2);
    expect(again.report.level2Reasons.map((r) => r.cardId)).toEqual([borasLog.events[0]!.card.cardId]);
  });

  it('refuses a malformed month before connecting', async () => {
    await expect(hubReport('postgres://x@localhost/h', '2026-13')).rejects.toMatchObject({
      code: 'hub-invalid-input',
      params: { field: 'month' },
    });
  });
});
