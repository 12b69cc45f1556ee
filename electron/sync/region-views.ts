import { readTransaction } from '../db/write-transaction';
import type {
  RegionCardDetail,
  RegionCardPage,
  RegionCardQuery,
  RegionCardRow,
  RegionReportStatus,
} from '../../shared/ipc/hub';
import { evaluateCard, type Finding, type RuleCard } from '../../shared/rules';
import { formatInstant, monthBounds } from '../../shared/time/stockholm';
import type { RegionCardListRow } from '../db/repositories/region-cards';
import { AppError } from '../services/app-error';
import type { ServiceContext } from '../services/context';
import { findingsForCard, loadRuleData } from '../services/findings';
import { checkMonth } from '../services/report';
import { DESK_ONLY_RULES } from './region-findings';
import { buildRegionReport, compareWithRegionReported, deskCoverage } from './region-report';

type RuleData = ReturnType<typeof loadRuleData>;

/** Another desk's card judged against the region's history, as region-findings.ts does. */
function pulledFindings(ctx: ServiceContext, card: RuleCard, data: RuleData): Finding[] {
  return evaluateCard(card, {
    decisions: data.decisions,
    settings: data.settings,
    history: {
      sameHolder: ctx.findings.cardsOfHolders([card.holderHsaId]).filter((c) => c.id !== card.id),
      sameCardNumber: ctx.findings.cardsWithNumbers([card.cardNumber]).filter((c) => c.id !== card.id),
    },
  }).filter((f) => !DESK_ONLY_RULES.includes(f.code));
}

/** The station of the other card a finding is about, when that card is another desk's. */
function otherStationOf(ctx: ServiceContext, finding: Finding, names: Map<string, string>): string | null {
  const other = finding.params?.otherCardId;
  if (typeof other !== 'string') return null;
  const pulled = ctx.pulledCards.get(other);
  return pulled ? (names.get(pulled.desk_id) ?? pulled.desk_id) : null;
}

function stationNames(ctx: ServiceContext): Map<string, string> {
  return new Map([...ctx.pulledCards.desks()].map(([id, desk]) => [id, desk.name]));
}

function toRow(
  row: RegionCardListRow,
  ownDesk: { id: string | null; name: string | null },
  findings: RegionCardRow['findings'],
): RegionCardRow {
  return {
    id: row.id,
    own: row.own === 1,
    stationId: row.own === 1 ? ownDesk.id : row.desk_id,
    station: row.own === 1 ? ownDesk.name : row.desk_name,
    organisationHsaId: row.organisation_hsa_id,
    organisationName: row.organisation_name,
    assuranceLevel: row.assurance_level,
    cardNumber: row.card_number,
    holderHsaId: row.holder_hsa_id,
    holderName: row.own === 1 ? row.holder_name : null,
    holderIdType: row.holder_id_type,
    issuedAt: formatInstant(row.issued_at),
    expiresAt: formatInstant(row.expires_at),
    endedAt: row.ended_at === null ? null : formatInstant(row.ended_at),
    endReason: row.end_reason,
    extendsCardId: row.extends_card_id,
    reasonCode: row.reason_code,
    findings,
  };
}

function ruleCardOfRow(row: RegionCardListRow): RuleCard {
  return {
    id: row.id,
    assuranceLevel: row.assurance_level,
    cardNumber: row.card_number,
    holderHsaId: row.holder_hsa_id,
    holderIdType: row.holder_id_type,
    unplannedPersonnel: null,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    issuedBy: [],
    endedAt: row.ended_at,
  };
}

/**
 * One page of the register's region view (SPEC §8): this desk's own non-voided cards and
 * the other desks' pulled ones, each marked with its station. The findings of the page's
 * cards are computed over the region, so a warning caused by another station's card names
 * that station. Another station's card is read-only and carries no holder name.
 */
export function listRegionCards(ctx: ServiceContext, query: RegionCardQuery): RegionCardPage {
  const link = ctx.hubLink.get();
  const names = stationNames(ctx);
  const own = { id: link?.desk_id ?? null, name: link ? (names.get(link.desk_id) ?? link.desk_name) : null };
  return readTransaction(ctx.db, () => {
    const page = ctx.regionCards.list(
      {
        search: query.search,
        month: query.month,
        level: query.level,
        organisationHsaId: query.organisationHsaId?.toUpperCase(),
        station: query.station === own.id && own.id !== null ? 'own' : query.station,
        sort: query.sort ?? { by: 'issuedAt', dir: 'desc' },
        offset: query.offset ?? 0,
        limit: query.limit ?? 100,
      },
      own.name ?? '',
    );
    const data = loadRuleData(ctx);
    const rows = page.rows.map((row) => {
      const findings =
        row.own === 1 ? findingsForCard(ctx, row.id) : pulledFindings(ctx, ruleCardOfRow(row), data);
      return toRow(
        row,
        own,
        findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          otherStation: otherStationOf(ctx, f, names),
        })),
      );
    });
    const stations = [
      ...(own.id ? [{ id: own.id, name: own.name ?? own.id, own: true }] : []),
      ...[...names]
        .filter(([id]) => id !== own.id)
        .map(([id, name]) => ({ id, name, own: false }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    ];
    return { total: page.total, rows, stations };
  });
}

/** Another station's card with every field that travelled and its findings over the region. */
export function regionCard(ctx: ServiceContext, id: string): RegionCardDetail {
  return readTransaction(ctx.db, () => {
    const row = ctx.pulledCards.get(id);
    if (!row || row.voided === 1) throw new AppError('not-found', `card ${id} not found`);
    const names = stationNames(ctx);
    const findings = pulledFindings(ctx, ctx.pulledCards.ruleCardOf(row), loadRuleData(ctx));
    const detail: RegionCardDetail = {
      id: row.card_id,
      own: false,
      stationId: row.desk_id,
      station: names.get(row.desk_id) ?? row.desk_id,
      organisationHsaId: row.organisation_hsa_id,
      organisationName: row.organisation_name,
      assuranceLevel: row.assurance_level,
      cardNumber: row.card_number,
      holderHsaId: row.holder_hsa_id,
      holderName: null,
      holderIdType: row.holder_id_type,
      issuedAt: formatInstant(row.issued_at),
      expiresAt: formatInstant(row.expires_at),
      endedAt: row.ended_at === null ? null : formatInstant(row.ended_at),
      endReason: row.end_reason,
      extendsCardId: row.extends_card_id,
      reasonCode: row.reason_code,
      unplannedPersonnel: row.unplanned_personnel === null ? null : row.unplanned_personnel === 1,
      reasonText: row.reason_text,
      lastEvent: row.kind,
      findings: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        otherStation: otherStationOf(ctx, f, names),
      })),
      findingMessages: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        ...(f.params ? { params: f.params } : {}),
        otherStation: otherStationOf(ctx, f, names),
      })),
    };
    return detail;
  });
}

/**
 * The region's report of a month with its coverage: each station's last push as this desk
 * last heard it, and whether the month is over, so the page can warn about a station that
 * has not pushed since the month ended. The changed-since-export comparison is against
 * this desk's last region export of the month.
 */
export function regionReportStatus(ctx: ServiceContext, month: string): RegionReportStatus {
  const checked = checkMonth(month);
  return readTransaction(ctx.db, () => {
    const report = buildRegionReport(ctx, checked);
    const row = ctx.regionReported.get(checked);
    const link = ctx.hubLink.get();
    return {
      report,
      reported: row ? { exportedAt: formatInstant(row.exported_at), contentHash: row.content_hash } : null,
      changes: compareWithRegionReported(ctx, checked, report),
      coverage: deskCoverage(ctx, checked).map((d) => ({
        id: d.desk,
        name: d.name,
        own: d.own,
        lastPush: d.lastPush,
        pushedAfterMonthEnd: d.pushedAfterMonthEnd,
      })),
      lastPullAt: link?.last_pull_at ? formatInstant(link.last_pull_at) : null,
      monthEnded: ctx.now() >= monthBounds(checked).end,
    };
  });
}
