import { clockMinutes } from '../domain/settings';
import {
  addLocalDays,
  formatLocal,
  localClock,
  localDate,
  nextDate,
  startOfLocalDate,
} from '../time/stockholm';
import { findCoverage, type Coverage } from './decisions';
import { createFinding, selectOthers } from './support';
import type { Finding, FindingTranslator, RuleCard, RuleContext } from './types';
import { isWorkingDay } from './working-days';

const REISSUE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const REISSUE_LIMIT = 3;

function coverageOf(card: RuleCard, ctx: RuleContext): Coverage | null {
  return findCoverage(localDate(card.issuedAt), card.holderIdType, ctx.decisions);
}

/** `l2-outside-dispensation-period`: no decision covers the local issue date for this holder. */
export function checkDispensationPeriod(
  card: RuleCard,
  ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  if (card.assuranceLevel !== 2 || coverageOf(card, ctx) !== null) return [];
  return [
    createFinding('l2-outside-dispensation-period', translate, { issuedDate: localDate(card.issuedAt) }),
  ];
}

/**
 * `l2-validity-over-two-weeks`: expiresAt is later than issuedAt plus the decision's
 * maximum in Stockholm calendar days, so 22:00 + 14 days is 22:00 across a DST change.
 */
export function checkMaxValidity(card: RuleCard, ctx: RuleContext, translate?: FindingTranslator): Finding[] {
  const coverage = card.assuranceLevel === 2 ? coverageOf(card, ctx) : null;
  if (coverage === null) return [];
  const days = coverage.decision.maxValidityDays;
  const limit = addLocalDays(card.issuedAt, days);
  if (card.expiresAt <= limit) return [];
  return [
    createFinding(
      'l2-validity-over-two-weeks',
      translate,
      { days, limit: formatLocal(limit), expiresAt: formatLocal(card.expiresAt) },
      {
        field: 'expiresAt',
        value: limit,
        labelKey: 'findings:fix.shortenToMaxValidity',
        labelParams: { days },
      },
    ),
  ];
}

/**
 * `l2-valid-beyond-dispensation`: the card is valid after 00:00 local time on the day
 * after the decision's last day for this holder.
 */
export function checkValidBeyondDispensation(
  card: RuleCard,
  ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  const coverage = card.assuranceLevel === 2 ? coverageOf(card, ctx) : null;
  if (coverage === null) return [];
  const end = startOfLocalDate(nextDate(coverage.lastDay));
  if (card.expiresAt <= end) return [];
  return [
    createFinding(
      'l2-valid-beyond-dispensation',
      translate,
      { lastDay: coverage.lastDay, expiresAt: formatLocal(card.expiresAt), decisionId: coverage.decision.id },
      { field: 'expiresAt', value: end, labelKey: 'findings:fix.shortenToDispensationEnd' },
    ),
  ];
}

/** `l2-issued-in-office-hours`: issued on a working day at start ≤ local time < end. */
export function checkOfficeHours(card: RuleCard, ctx: RuleContext, translate?: FindingTranslator): Finding[] {
  if (card.assuranceLevel !== 2) return [];
  const { start, end } = ctx.settings.officeHours;
  const clock = localClock(card.issuedAt);
  if (clock.minutes < clockMinutes(start) || clock.minutes >= clockMinutes(end)) return [];
  if (!isWorkingDay(clock.date, ctx.settings.closedDays)) return [];
  return [
    createFinding('l2-issued-in-office-hours', translate, {
      issuedAt: formatLocal(card.issuedAt),
      start,
      end,
    }),
  ];
}

/** `l2-planned-personnel`: level 2 given to planned personnel (null means "not stated"). */
export function checkPlannedPersonnel(
  card: RuleCard,
  _ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  if (card.assuranceLevel !== 2 || card.unplannedPersonnel !== false) return [];
  return [createFinding('l2-planned-personnel', translate)];
}

/**
 * `l2-frequent-reissue`: 3 or more level-2 registrations of the holder, this one
 * included, issued in (issuedAt − 30×24 h, issuedAt]. Later cards never count, so adding
 * one cannot change an earlier card's verdict.
 */
export function checkFrequentReissue(
  card: RuleCard,
  ctx: RuleContext,
  translate?: FindingTranslator,
): Finding[] {
  if (card.assuranceLevel !== 2) return [];
  const windowStart = card.issuedAt - REISSUE_WINDOW_MS;
  const inWindow = selectOthers(card, ctx.history.sameHolder).filter(
    (o) =>
      o.holderHsaId === card.holderHsaId &&
      o.assuranceLevel === 2 &&
      o.issuedAt > windowStart &&
      o.issuedAt <= card.issuedAt,
  );
  const count = inWindow.length + 1;
  if (count < REISSUE_LIMIT) return [];
  return [createFinding('l2-frequent-reissue', translate, { count })];
}
