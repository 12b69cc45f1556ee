import type { AssuranceLevel, ReasonCode } from '../domain/reason-codes';
import { formatInstant, monthBounds } from '../time/stockholm';
import {
  MONTHLY_REPORT_FORMAT,
  type LevelCounts,
  type MonthlyReport,
  type OrganisationFigures,
  type ReportFigures,
} from './monthly-schema';

export * from './monthly-schema';

/** What the statistics need to know about one registration — and nothing about its holder. */
export interface ReportCardFacts {
  id: string;
  organisationHsaId: string;
  assuranceLevel: AssuranceLevel;
  cardNumber: string;
  issuedAt: number;
  expiresAt: number;
  endedAt: number | null;
  extendsCardId: string | null;
  reasonCode: ReasonCode;
  reasonText: string;
  voided: boolean;
}

/** S and E of SPEC §5 as epoch milliseconds: 00:00 local on the 1st of M and of M + 1. */
export interface MonthPeriod {
  start: number;
  end: number;
}

// The definitions of SPEC §5. electron/db/repositories/report.ts mirrors each one in SQL
// (REPORT_PREDICATES there); a property test proves the two give the same report.

/** Voided registrations never count, in any figure. */
export function isCounted(card: Pick<ReportCardFacts, 'voided'>): boolean {
  return !card.voided;
}

/** Newly issued in M: `S ≤ issuedAt < E`. */
export function isNewlyIssued(card: Pick<ReportCardFacts, 'issuedAt'>, period: MonthPeriod): boolean {
  return period.start <= card.issuedAt && card.issuedAt < period.end;
}

/**
 * Active at the end of M: issued before E, valid at E, and not ended before E. A card
 * that expires or ends exactly at E still counts (the boundary belongs to M).
 */
export function isActiveAtEnd(
  card: Pick<ReportCardFacts, 'issuedAt' | 'expiresAt' | 'endedAt'>,
  period: MonthPeriod,
): boolean {
  return (
    card.issuedAt < period.end &&
    card.expiresAt >= period.end &&
    (card.endedAt === null || card.endedAt >= period.end)
  );
}

/** Of which extensions: a newly issued registration that extends another. */
export function isExtension(card: Pick<ReportCardFacts, 'extendsCardId'>): boolean {
  return card.extendsCardId !== null;
}

/** A newly issued level-2 card before formatting, as both the SQL and the pure path produce it. */
export interface Level2ReasonFacts {
  cardId: string;
  cardNumber: string;
  organisationHsaId: string;
  issuedAt: number;
  reasonCode: ReasonCode;
  reasonText: string;
}

/** Plain UTF-16 code-unit order, the same on every machine and in every locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const zero = (): LevelCounts => ({ level2: 0, level3: 0 });

/** Figures with every count at zero. */
export function emptyFigures(): ReportFigures {
  return { activeAtEnd: zero(), newlyIssued: zero(), ofWhichExtensions: zero() };
}

function levelKey(level: AssuranceLevel): keyof LevelCounts {
  return level === 2 ? 'level2' : 'level3';
}

/**
 * Puts a report together from per-organisation figures and the level-2 reasons: the one
 * place that sorts, totals, drops organisations without activity and formats instants,
 * shared by the database path and the pure one.
 */
export function assembleMonthlyReport(
  month: string,
  rows: readonly OrganisationFigures[],
  reasons: readonly Level2ReasonFacts[],
  generatedAtMs: number,
): MonthlyReport {
  const period = monthBounds(month);
  const totals = emptyFigures();
  const organisations = rows
    .filter(
      (r) => r.activeAtEnd.level2 + r.activeAtEnd.level3 + r.newlyIssued.level2 + r.newlyIssued.level3 > 0,
    )
    .sort((a, b) => compareCodeUnits(a.organisationHsaId, b.organisationHsaId));
  for (const row of organisations) {
    for (const figure of ['activeAtEnd', 'newlyIssued', 'ofWhichExtensions'] as const) {
      totals[figure].level2 += row[figure].level2;
      totals[figure].level3 += row[figure].level3;
    }
  }
  const level2Reasons = [...reasons]
    .sort((a, b) => a.issuedAt - b.issuedAt || compareCodeUnits(a.cardId, b.cardId))
    .map((r) => ({
      cardId: r.cardId,
      cardNumber: r.cardNumber,
      organisationHsaId: r.organisationHsaId,
      issuedAt: formatInstant(r.issuedAt),
      reasonCode: r.reasonCode,
      reasonText: r.reasonText,
    }));
  return {
    format: MONTHLY_REPORT_FORMAT,
    month,
    periodStart: formatInstant(period.start),
    periodEnd: formatInstant(period.end),
    generatedAt: formatInstant(generatedAtMs),
    organisations: organisations.map((r) => ({
      organisationHsaId: r.organisationHsaId,
      organisationName: r.organisationName,
      activeAtEnd: { ...r.activeAtEnd },
      newlyIssued: { ...r.newlyIssued },
      ofWhichExtensions: { ...r.ofWhichExtensions },
    })),
    totals,
    level2Reasons,
  };
}

/**
 * The monthly statistics of SPEC §5 computed from plain card facts: the reference
 * definition the database path must agree with. `month` is `YYYY-MM`.
 */
export function computeMonthlyReport(
  month: string,
  cards: readonly ReportCardFacts[],
  organisations: readonly { hsaId: string; name: string }[],
  generatedAtMs: number,
): MonthlyReport {
  const period = monthBounds(month);
  const names = new Map(organisations.map((o) => [o.hsaId, o.name]));
  const rows = new Map<string, OrganisationFigures>();
  const reasons: Level2ReasonFacts[] = [];
  for (const card of cards) {
    if (!isCounted(card)) continue;
    const newly = isNewlyIssued(card, period);
    const active = isActiveAtEnd(card, period);
    if (!newly && !active) continue;
    let row = rows.get(card.organisationHsaId);
    if (!row) {
      row = {
        organisationHsaId: card.organisationHsaId,
        organisationName: names.get(card.organisationHsaId) ?? '',
        ...emptyFigures(),
      };
      rows.set(card.organisationHsaId, row);
    }
    const level = levelKey(card.assuranceLevel);
    if (active) row.activeAtEnd[level]++;
    if (newly) {
      row.newlyIssued[level]++;
      if (isExtension(card)) row.ofWhichExtensions[level]++;
      if (card.assuranceLevel === 2) {
        reasons.push({
          cardId: card.id,
          cardNumber: card.cardNumber,
          organisationHsaId: card.organisationHsaId,
          issuedAt: card.issuedAt,
          reasonCode: card.reasonCode,
          reasonText: card.reasonText,
        });
      }
    }
  }
  return assembleMonthlyReport(month, [...rows.values()], reasons, generatedAtMs);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      compareCodeUnits(a, b),
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/**
 * The text the content hash is taken over: compact JSON with keys sorted, without
 * `generatedAt` — two reports of the same data hash alike whenever they were made.
 */
export function canonicalReportText(report: MonthlyReport): string {
  const { generatedAt: _generatedAt, ...content } = report;
  return JSON.stringify(canonical(content));
}

/** The report file's text: the canonical JSON in the order of SPEC §5, pretty-printed. */
export function formatReportJson(report: MonthlyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
