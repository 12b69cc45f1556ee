import { DEFAULT_DECISION, type Decision } from '../../../shared/domain/decision';
import { DEFAULT_SETTINGS, type RuleSettings } from '../../../shared/domain/settings';
import type { Finding, RuleCard, RuleContext } from '../../../shared/rules/types';
import { addLocalDays, parseLocalDateTime } from '../../../shared/time/stockholm';

/** A local Stockholm time `YYYY-MM-DD HH:MM` as epoch ms; throws on a gap or an overlap. */
export function at(local: string): number {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(`not a unique local time: ${local} (${parsed.reason})`);
  return parsed.epochMs;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let sequence = 0;

/**
 * A clean level-2 card for its own holder (personnummer, unplanned personnel, usual
 * card number, valid two days) unless overridden.
 */
export function makeCard(overrides: Partial<RuleCard> = {}): RuleCard {
  sequence++;
  const issuedAt = overrides.issuedAt ?? at('2026-02-11 19:40');
  return {
    id: `card-${sequence}`,
    assuranceLevel: 2,
    cardNumber: `9752${String(sequence).padStart(15, '0')}`,
    holderHsaId: `SE2321000016-H${sequence}`,
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt,
    expiresAt: addLocalDays(issuedAt, 2),
    issuedBy: ['Anna Andersson'],
    endedAt: null,
    ...overrides,
  };
}

/** A context with the default decision and settings; `others` feeds both history lists. */
export function makeContext(
  options: { others?: RuleCard[]; decisions?: Decision[]; settings?: RuleSettings } = {},
): RuleContext {
  const others = options.others ?? [];
  return {
    decisions: options.decisions ?? [DEFAULT_DECISION],
    settings: options.settings ?? DEFAULT_SETTINGS,
    history: { sameHolder: others, sameCardNumber: others },
  };
}

/**
 * The context a repository would build for `card` from a whole register: the other
 * cards of the same holder and with the same number.
 */
export function contextFromRegister(card: RuleCard, register: readonly RuleCard[], decisions?: Decision[]) {
  const others = register.filter((o) => o.id !== card.id);
  const ctx = makeContext(decisions ? { decisions } : {});
  ctx.history = {
    sameHolder: others.filter((o) => o.holderHsaId === card.holderHsaId),
    sameCardNumber: others.filter((o) => o.cardNumber === card.cardNumber),
  };
  return ctx;
}

/** The codes of findings, in the engine's order. */
export function codesOf(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** A decision continuing the default one for the second half of 2026. */
export const EXTENSION_2026H2: Decision = {
  id: 'ehm-extension-2026h2',
  title: 'Förlängning 2026-07-01 – 2026-12-31',
  from: '2026-07-01',
  to: '2026-12-31',
  maxValidityDays: 14,
  withoutPersonnummerUntil: null,
};
