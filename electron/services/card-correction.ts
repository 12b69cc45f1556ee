import { CardInput, type CardInputRaw, type CardRecord } from '../../shared/domain/card';
import { toFieldErrors, type FieldError } from '../../shared/domain/errors';
import { FINDING_SEVERITY, type FindingCode } from '../../shared/rules';
import { toCardRecord, toCardValues } from '../db/repositories/cards';
import { invalidInput } from './app-error';
import { sameContent } from './cards';
import type { ServiceContext } from './context';
import { evaluate, loadRuleData, recomputeAround } from './findings';
import { auditCard, auditSnapshot, dropUndefined, loadCard, parseWhy } from './card-audit';
import { ensureOrganisation } from './organisations';
import { recordCardEvent } from './outbox';

/** Changes to a saved card: any field of SPEC §3 except its id. */
export type CardChanges = Partial<Omit<CardInputRaw, 'id'>>;

// Full precision, unlike the display form: a correction must not round a stored instant.
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const violationCodes = (codes: readonly string[]): Set<string> =>
  new Set(codes.filter((c) => FINDING_SEVERITY[c as FindingCode] === 'violation'));

/**
 * Corrects a saved card: the changes are merged into the stored registration and the
 * result validated as a whole (SPEC §3), then stored with an audit entry that keeps the
 * before, the after and why. A correction that brings a violation the card did not have
 * needs a violationJustification, as a new registration would. Nothing changed → no write.
 */
export function correctCard(ctx: ServiceContext, id: string, changes: CardChanges, why: string): CardRecord {
  const reason = parseWhy(why);
  return ctx.transaction(() => {
    const row = loadCard(ctx, id);
    const problems: FieldError[] = [];
    if (row.voided_at !== null) problems.push({ field: 'id', message: 'card.voided' });
    if ('id' in changes) problems.push({ field: 'id', message: 'correction.idFixed' });
    if (problems.length > 0) throw invalidInput(problems);

    const current = toCardValues(row);
    const parsed = CardInput.safeParse(
      dropUndefined({
        ...current,
        organisationName: undefined,
        issuedAt: iso(current.issuedAt),
        expiresAt: iso(current.expiresAt),
        endedAt: iso(current.endedAt),
        ...changes,
      }),
    );
    if (!parsed.success) throw invalidInput(toFieldErrors(parsed.error));
    const values = { ...parsed.data, id: row.id };
    if (sameContent(current, values)) return toCardRecord(row);

    const organisation = ctx.organisations.get(values.organisationHsaId);
    if (!organisation && !values.organisationName) {
      problems.push({ field: 'organisationName', message: 'organisationName.requiredForNew' });
    }
    if (
      values.extendsCardId &&
      !ctx.cards.exists(values.extendsCardId) &&
      !ctx.pulledCards.exists(values.extendsCardId)
    ) {
      problems.push({ field: 'extendsCardId', message: 'extendsCardId.unknown' });
    }
    if (problems.length > 0) throw invalidInput(problems);

    const at = ctx.now();
    if (!organisation && values.organisationName) {
      ensureOrganisation(
        ctx,
        { hsaId: values.organisationHsaId, name: values.organisationName },
        at,
        'organisation.create',
      );
    }
    // The old rule view: cards that shared its holder or number may lose a finding.
    const before = ctx.findings.ruleCard(row.id)!;
    const hadViolations = violationCodes(ctx.findings.storedFor(row.id).map((f) => f.code));
    ctx.cards.overwrite(values, at);
    recordCardEvent(ctx, 'corrected', row.id);
    const after = loadCard(ctx, row.id);
    auditCard(ctx, 'card.correct', row.id, auditSnapshot(row), { ...auditSnapshot(after), why: reason }, at);

    const data = loadRuleData(ctx);
    const card = ctx.findings.ruleCard(row.id)!;
    const newViolation = evaluate(ctx, card, data).some(
      (f) => f.severity === 'violation' && !hadViolations.has(f.code),
    );
    if (newViolation && !values.violationJustification) {
      // Throwing inside the transaction undoes the correction: nothing is written.
      throw invalidInput([{ field: 'violationJustification', message: 'violationJustification.required' }]);
    }
    recomputeAround(ctx, [before, card], data);
    return toCardRecord(after);
  });
}
