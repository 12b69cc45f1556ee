import { afterAll, describe, expect, it } from 'vitest';
import { registerCard } from '../../../electron/services/cards';
import { correctCard, endCard, extendCard, voidCard } from '../../../electron/services/lifecycle';
import { loadRuleData } from '../../../electron/services/findings';
import { DESK_ONLY_RULES, regionFindings } from '../../../electron/sync/region-findings';
import { buildRegionReport } from '../../../electron/sync/region-report';
import { CardInput } from '../../../shared/domain/card';
import { computeMonthlyReport, type ReportCardFacts } from '../../../shared/report/monthly';
import { evaluateCard, type RuleCard } from '../../../shared/rules';
import { useHubServer } from '../hub/support';
import { openDesk, ownRuleCards, randomCard, seeded, type TestDesk } from './support';

const hubs = useHubServer();
const opened: TestDesk[] = [];
afterAll(() => opened.forEach((d) => d.close()));

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const GENERATED = Date.parse('2026-06-01T08:00:00+02:00');

// A desk's working day: new cards, and now and then a correction, an end, a void or an
// extension — of its own cards, or (an extension) of a card pulled from another desk.
function work(desk: TestDesk, random: () => number, count: number): void {
  const ctx = desk.ctx;
  for (let i = 0; i < count; i++) {
    const roll = random();
    const own = ctx.findings.liveIds();
    const target = own[Math.floor(random() * own.length)];
    const open = target ? ctx.cards.get(target) : undefined;
    if (roll < 0.08 && open) {
      voidCard(ctx, open.id, 'Registrerad av misstag');
    } else if (roll < 0.16 && open && open.ended_at === null) {
      endCard(ctx, open.id, open.issued_at + 3_600_000, random() < 0.5 ? 'returned' : 'revoked');
    } else if (roll < 0.24 && open) {
      correctCard(
        ctx,
        open.id,
        {
          expiresAt: new Date(open.expires_at + 86_400_000).toISOString(),
          violationJustification: 'Godkänt',
        },
        'Fel slutdag',
      );
    } else if (roll < 0.3 && open && open.ended_at === null) {
      extendCard(ctx, open.id, {
        issuedAt: new Date(open.expires_at - 3_600_000).toISOString(),
        expiresAt: new Date(open.expires_at + 5 * 86_400_000).toISOString(),
        issuedBy: ['Kim Karlsson'],
        violationJustification: 'Godkänt',
      });
    } else if (roll < 0.36 && ctx.pulledCards.allLive().length > 0) {
      const others = ctx.pulledCards.allLive();
      const other = others[Math.floor(random() * others.length)]!;
      registerCard(
        ctx,
        CardInput.parse({
          ...randomCard(random, desk.id),
          organisationHsaId: other.organisation_hsa_id,
          cardNumber: other.card_number,
          holderHsaId: other.holder_hsa_id,
          issuedAt: new Date(other.expires_at - 3_600_000).toISOString(),
          expiresAt: new Date(other.expires_at + 4 * 86_400_000).toISOString(),
          extendsCardId: other.card_id,
        }),
      );
    } else {
      registerCard(ctx, CardInput.parse(randomCard(random, desk.id)));
    }
  }
}

// The region as the pure rules see it: every desk's non-voided cards, whole.
function union(desks: readonly TestDesk[]): Map<string, { card: RuleCard; desk: string }> {
  const all = new Map<string, { card: RuleCard; desk: string }>();
  for (const desk of desks)
    for (const card of ownRuleCards(desk.ctx)) all.set(card.id, { card, desk: desk.id });
  return all;
}

function reportFacts(desks: readonly TestDesk[]): ReportCardFacts[] {
  return desks.flatMap((desk) =>
    desk.backend.db
      .prepare<[], { id: string }>('SELECT id FROM cards')
      .all()
      .map(({ id }) => {
        const c = desk.ctx.cards.get(id)!;
        return {
          id: c.id,
          organisationHsaId: c.organisation_hsa_id,
          assuranceLevel: c.assurance_level,
          cardNumber: c.card_number,
          issuedAt: c.issued_at,
          expiresAt: c.expires_at,
          endedAt: c.ended_at,
          extendsCardId: c.extends_card_id,
          reasonCode: c.reason_code,
          reasonText: c.reason_text,
          voided: c.voided_at !== null,
        };
      }),
  );
}

describe('three desks on one hub', () => {
  it('each sees the region: findings over own + pulled cards equal the pure rules over the union, and so does the report', async () => {
    const hub = await hubs.newHub();
    const desks = [
      await openDesk(hub, 'boras', 'Borås kortstation'),
      await openDesk(hub, 'skovde', 'Skövde kortstation'),
      await openDesk(hub, 'alingsas', 'Alingsås kortstation'),
    ];
    opened.push(...desks);
    const random = seeded(20260115);
    // Some cards before joining (pushed as the register's backlog), then rounds of work and syncs.
    for (const desk of desks) work(desk, random, 12);
    for (const desk of desks) await desk.join();
    for (let round = 0; round < 3; round++) {
      for (const desk of desks) {
        work(desk, random, 10);
        await desk.sync({ batch: 7 });
      }
    }
    // Everyone catches up with everything: one more round in which nobody changes anything.
    for (const desk of desks) await desk.sync({ batch: 7 });
    const results = [];
    for (const desk of desks) results.push(await desk.sync());
    expect(results.map((r) => r.pushed)).toEqual([0, 0, 0]);
    expect(new Set(results.map((r) => r.cursor)).size).toBe(1);

    const all = union(desks);
    const byHolder = (card: RuleCard) =>
      [...all.values()].map((e) => e.card).filter((c) => c.holderHsaId === card.holderHsaId);
    const byNumber = (card: RuleCard) =>
      [...all.values()].map((e) => e.card).filter((c) => c.cardNumber === card.cardNumber);
    const crossDesk = new Set<string>();
    for (const desk of desks) {
      const data = loadRuleData(desk.ctx);
      const region = regionFindings(desk.ctx);
      expect(region.map((r) => r.cardId).sort()).toEqual([...all.keys()].sort());
      for (const entry of region) {
        const { card, desk: owner } = all.get(entry.cardId)!;
        expect(entry.own).toBe(owner === desk.id);
        expect(entry.deskId).toBe(owner);
        const expected = evaluateCard(card, {
          decisions: data.decisions,
          settings: data.settings,
          history: { sameHolder: byHolder(card), sameCardNumber: byNumber(card) },
        }).filter((f) => entry.own || !DESK_ONLY_RULES.includes(f.code));
        expect({ card: entry.cardId, findings: entry.findings }).toEqual({
          card: entry.cardId,
          findings: expected,
        });
        // What the register shows (stored findings) is the same for the desk's own cards.
        if (entry.own) {
          expect(
            desk.ctx.findings
              .storedFor(entry.cardId)
              .map((f) => f.code)
              .sort(),
          ).toEqual(expected.map((f) => f.code).sort());
        }
        // Findings that only other desks' cards explain: gone when the owner's cards alone are the history.
        const alone = (list: RuleCard[]) => list.filter((c) => all.get(c.id)!.desk === owner);
        const deskOnly = evaluateCard(card, {
          decisions: data.decisions,
          settings: data.settings,
          history: { sameHolder: alone(byHolder(card)), sameCardNumber: alone(byNumber(card)) },
        }).map((f) => f.code);
        for (const f of expected) if (!deskOnly.includes(f.code)) crossDesk.add(f.code);
      }
    }
    // The data really exercised the region: the history rules fired across desks.
    expect([...crossDesk].sort()).toEqual([
      'card-reused-for-other-holder',
      'holder-has-active-card',
      'l2-frequent-reissue',
    ]);

    // The report: §5 over the union, each organisation named as the hub names it.
    const admin = await hub.admin();
    const names = (
      await admin.query<{ hsa_id: string; name: string }>(
        'SELECT hsa_id, name FROM kortliggaren.organisations',
      )
    ).rows;
    // What reached the hub: never a holder's name, a note, an issuer or a justification.
    const payloads = (
      await admin.query<{ p: string }>('SELECT payload::text AS p FROM kortliggaren.events')
    ).rows
      .map((r) => r.p)
      .join('\n');
    await admin.end();
    expect(payloads.length).toBeGreaterThan(10_000);
    for (const secret of [
      'Person ',
      'anteckning',
      'Kim Karlsson',
      'Lo Lind',
      'Godkänt',
      'holderName',
      'issuedBy',
      'note',
    ]) {
      expect(payloads).not.toContain(secret);
    }
    const facts = reportFacts(desks);
    for (const month of MONTHS) {
      const expected = computeMonthlyReport(
        month,
        facts,
        names.map((n) => ({ hsaId: n.hsa_id, name: n.name })),
        GENERATED,
      );
      for (const desk of desks) expect(buildRegionReport(desk.ctx, month, GENERATED)).toEqual(expected);
    }
    expect(facts.length).toBeGreaterThan(80);
    // Some desk extended a card another desk registered.
    const extendsPulled = desks.some((desk) =>
      facts.some((f) => f.extendsCardId !== null && desk.ctx.pulledCards.exists(f.extendsCardId)),
    );
    expect(extendsPulled).toBe(true);
  }, 180_000);
});
