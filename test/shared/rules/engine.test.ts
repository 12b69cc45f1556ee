import { createI18n } from '../../../shared/i18n/index';
import { evaluateCard, findingSeverityCounts, hasViolation, RULES } from '../../../shared/rules/engine';
import { createFindingTranslator, findingResources, findingTexts } from '../../../shared/rules/messages';
import { FINDING_CODES, FINDING_SEVERITY, type RuleCard } from '../../../shared/rules/types';
import { at, codesOf, HOUR, makeCard, makeContext } from './fixtures';

const HOLDER = 'SE2321000016-ENG1';
const T = at('2026-02-10 10:00'); // a Tuesday inside office hours

/** A level-2 card that breaks nearly every rule at once. */
function troubledCard(): { card: RuleCard; others: RuleCard[] } {
  const card = makeCard({
    holderHsaId: HOLDER,
    cardNumber: '12345678901',
    unplannedPersonnel: false,
    issuedAt: T,
    expiresAt: at('2026-07-10 10:00'),
  });
  const others = [
    makeCard({ holderHsaId: HOLDER, issuedAt: T - 48 * HOUR, expiresAt: T + HOUR }),
    makeCard({ holderHsaId: HOLDER, issuedAt: T - 24 * HOUR }),
    makeCard({ holderHsaId: 'SE2321000016-ENG2', cardNumber: '12345678901' }),
  ];
  return { card, others };
}

describe('evaluateCard', () => {
  it('orders violations first, then by code', () => {
    const { card, others } = troubledCard();
    expect(codesOf(evaluateCard(card, makeContext({ others })))).toEqual([
      'card-reused-for-other-holder',
      'l2-issued-in-office-hours',
      'l2-planned-personnel',
      'l2-validity-over-two-weeks',
      'card-number-unusual-format',
      'holder-has-active-card',
      'l2-frequent-reissue',
      'l2-valid-beyond-dispensation',
    ]);
  });

  it('gives every finding the severity of SPEC §4', () => {
    const { card, others } = troubledCard();
    for (const f of evaluateCard(card, makeContext({ others })))
      expect(f.severity).toBe(FINDING_SEVERITY[f.code]);
    expect(FINDING_SEVERITY['l2-valid-beyond-dispensation']).toBe('warning');
    expect(FINDING_SEVERITY['card-reused-for-other-holder']).toBe('violation');
  });

  it('does not depend on the order of the history', () => {
    const { card, others } = troubledCard();
    const forward = evaluateCard(card, makeContext({ others }));
    expect(evaluateCard(card, makeContext({ others: [...others].reverse() }))).toEqual(forward);
  });

  it('writes Swedish messages by default and English on request, with every placeholder filled', () => {
    const { card, others } = troubledCard();
    const sv = evaluateCard(card, makeContext({ others }));
    const en = evaluateCard(card, makeContext({ others }), createFindingTranslator('en'));
    expect(sv.find((f) => f.code === 'l2-planned-personnel')?.message).toBe(
      findingTexts.sv['l2-planned-personnel'],
    );
    expect(en.find((f) => f.code === 'l2-planned-personnel')?.message).toBe(
      findingTexts.en['l2-planned-personnel'],
    );
    for (const f of [...sv, ...en]) expect(f.message).not.toMatch(/\{\{|\}\}|^findings:/);
    expect(sv.find((f) => f.code === 'l2-validity-over-two-weeks')?.message).toContain('2026-02-24 10:00');
  });

  it('gives every finding the params its message needs, for every code', () => {
    const { card, others } = troubledCard();
    const findings = [
      ...evaluateCard(card, makeContext({ others })),
      ...evaluateCard(makeCard({ issuedAt: at('2026-07-01 20:00') }), makeContext()),
      ...evaluateCard(makeCard({ assuranceLevel: 3, holderIdType: 'other', issuedBy: ['A'] }), makeContext()),
    ];
    expect(new Set(codesOf(findings))).toEqual(new Set(FINDING_CODES));
    for (const f of findings) {
      for (const [, name] of findingTexts.sv[f.code].matchAll(/\{\{(\w+)\}\}/g)) {
        expect(f.params ?? {}, `${f.code} needs ${name}`).toHaveProperty(name!);
      }
    }
  });

  it('uses a caller-supplied translator', () => {
    const card = makeCard({ unplannedPersonnel: false });
    const [finding] = evaluateCard(
      card,
      makeContext(),
      (code, params) => `${code}:${Object.keys(params).length}`,
    );
    expect(finding?.message).toBe('l2-planned-personnel:0');
  });

  it('has one rule per code', () => {
    expect(RULES).toHaveLength(FINDING_CODES.length);
  });
});

describe('findingSeverityCounts / hasViolation', () => {
  it('counts each severity', () => {
    const { card, others } = troubledCard();
    const findings = evaluateCard(card, makeContext({ others }));
    expect(findingSeverityCounts(findings)).toEqual({ violation: 4, warning: 4 });
    expect(hasViolation(findings)).toBe(true);
    expect(findingSeverityCounts([])).toEqual({ violation: 0, warning: 0 });
    expect(hasViolation(findings.filter((f) => f.severity === 'warning'))).toBe(false);
  });
});

describe('findingTexts', () => {
  it('has a non-empty Swedish and English line for every code, and nothing else but fix labels', () => {
    for (const lang of ['sv', 'en'] as const) {
      const texts: Record<string, unknown> = findingTexts[lang];
      expect(Object.keys(texts).sort()).toEqual([...FINDING_CODES, 'fix'].sort());
      for (const code of FINDING_CODES) expect(String(texts[code]).length).toBeGreaterThan(10);
    }
    expect(findingTexts.sv['l2-planned-personnel']).not.toBe(findingTexts.en['l2-planned-personnel']);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const code of FINDING_CODES) {
      expect(placeholders(findingTexts.en[code]), code).toEqual(placeholders(findingTexts.sv[code]));
    }
  });

  it('resolves fix labels through an i18n instance that registers the namespace', () => {
    const i18n = createI18n('sv', findingResources);
    expect(i18n.t('findings:fix.shortenToDispensationEnd')).toBe('Korta till dispensens slut');
    expect(i18n.t('findings:fix.shortenToMaxValidity', { days: 14 })).toBe('Korta till 14 dagar');
    expect(createI18n('en', findingResources).t('findings:fix.shortenToMaxValidity', { days: 7 })).toBe(
      'Shorten to 7 days',
    );
  });
});
