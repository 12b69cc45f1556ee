import { CardInput, type CardRecord, type CardValues } from '../../shared/domain/card';
import { toFieldErrors } from '../../shared/domain/errors';
import { MANUAL_END_REASONS, type Extension, type ManualEndReason } from '../../shared/domain/lifecycle';
import { hasViolation, type RuleCard } from '../../shared/rules';
import { toCardRecord } from '../db/repositories/cards';
import { AppError, invalidInput } from './app-error';
import { auditCard, auditSnapshot, dropUndefined, loadCard, parseWhy } from './card-audit';
import { registerCard, storeCard } from './cards';
import type { ServiceContext } from './context';
import { evaluate, loadRuleData, recomputeAround } from './findings';
import { recordCardEvent } from './outbox';

export { correctCard, type CardChanges } from './card-correction';

function refuse(field: string, message: string): never {
  throw invalidInput([{ field, message }]);
}

/**
 * Records that a card was returned or revoked at `endedAt`: refused for a voided or
 * already ended card and for an end before the issue. Audited; findings recomputed.
 */
export function endCard(
  ctx: ServiceContext,
  id: string,
  endedAt: number,
  endReason: ManualEndReason,
): CardRecord {
  return ctx.transaction(() => {
    const row = loadCard(ctx, id);
    if (!(MANUAL_END_REASONS as readonly string[]).includes(endReason)) refuse('endReason', 'enum.invalid');
    if (row.voided_at !== null) refuse('id', 'card.voided');
    if (row.ended_at !== null) refuse('endedAt', 'card.alreadyEnded');
    if (endedAt < row.issued_at) refuse('endedAt', 'endedAt.beforeIssued');
    const at = ctx.now();
    ctx.cards.setEnd(row.id, endedAt, endReason, at);
    recordCardEvent(ctx, 'ended', row.id);
    const after = loadCard(ctx, row.id);
    auditCard(ctx, 'card.end', row.id, auditSnapshot(row), auditSnapshot(after), at);
    recomputeAround(ctx, [ctx.findings.ruleCard(row.id)!]);
    return toCardRecord(after);
  });
}

/**
 * Voids a card registered by mistake: it stays for the audit trail but no rule or
 * statistic counts it any more. Voiding an extension also undoes the `extended` end it
 * put on the card it extended, since that extension never happened.
 */
export function voidCard(ctx: ServiceContext, id: string, why: string): CardRecord {
  const reason = parseWhy(why);
  return ctx.transaction(() => {
    const row = loadCard(ctx, id);
    if (row.voided_at !== null) refuse('id', 'card.alreadyVoided');
    // Read before voiding: afterwards the rules no longer see the card at all.
    const affected: RuleCard[] = [ctx.findings.ruleCard(row.id)!];
    const at = ctx.now();
    ctx.cards.setVoided(row.id, at, reason);
    recordCardEvent(ctx, 'voided', row.id);
    const after = loadCard(ctx, row.id);
    auditCard(ctx, 'card.void', row.id, auditSnapshot(row), auditSnapshot(after), at);
    const previous = row.extends_card_id ? ctx.cards.get(row.extends_card_id) : undefined;
    if (
      previous &&
      previous.voided_at === null &&
      previous.end_reason === 'extended' &&
      previous.ended_at === row.issued_at
    ) {
      ctx.cards.setEnd(previous.id, null, null, at);
      recordCardEvent(ctx, 'corrected', previous.id);
      const reopened = loadCard(ctx, previous.id);
      auditCard(ctx, 'card.reopen', previous.id, auditSnapshot(previous), auditSnapshot(reopened), at);
      affected.push(ctx.findings.ruleCard(previous.id)!);
    }
    recomputeAround(ctx, affected);
    return toCardRecord(after);
  });
}

/**
 * Extends a card: a new registration for the same card number, holder, organisation and
 * level, with `extendsCardId` set; the previous one ends `extended` at the new issue time.
 * The new registration is validated as a whole and checked by every rule; like a new
 * registration it needs a violationJustification when it has a violation. Returns it.
 */
export function extendCard(ctx: ServiceContext, id: string, extension: Extension): CardRecord {
  if (!ctx.cards.exists(id.toLowerCase()) && ctx.pulledCards.exists(id.toLowerCase())) {
    return extendPulledCard(ctx, id.toLowerCase(), extension);
  }
  return ctx.transaction(() => {
    const previous = loadCard(ctx, id);
    if (previous.voided_at !== null) refuse('id', 'card.voided');
    if (previous.ended_at !== null) refuse('id', 'card.alreadyEnded');
    const values = extensionValues(
      {
        id: previous.id,
        organisationHsaId: previous.organisation_hsa_id,
        assuranceLevel: previous.assurance_level,
        cardNumber: previous.card_number,
        holderHsaId: previous.holder_hsa_id,
        holderName: previous.holder_name,
        holderIdType: previous.holder_id_type,
        unplannedPersonnel: previous.unplanned_personnel,
        issuedAt: previous.issued_at,
        reasonCode: previous.reason_code,
        reasonText: previous.reason_text,
      },
      extension,
    );

    const stored = storeCard(ctx, values, 'card.extend');
    const at = ctx.now();
    // End the previous one first, so it does not count as the holder's active card.
    ctx.cards.setEnd(previous.id, values.issuedAt, 'extended', at);
    recordCardEvent(ctx, 'extended', previous.id);
    const ended = loadCard(ctx, previous.id);
    auditCard(ctx, 'card.end', previous.id, auditSnapshot(previous), auditSnapshot(ended), at);

    const data = loadRuleData(ctx);
    const card = ctx.findings.ruleCard(stored.id)!;
    if (hasViolation(evaluate(ctx, card, data)) && !values.violationJustification) {
      // Throwing inside the transaction undoes the new card and the end: nothing is written.
      refuse('violationJustification', 'violationJustification.required');
    }
    recomputeAround(ctx, [card, ctx.findings.ruleCard(previous.id)!], data);
    return toCardRecord(loadCard(ctx, stored.id));
  });
}

/**
 * Extends another station's card (SPEC §8: an extension may name a pulled card). The new
 * registration is this desk's own, with the pulled card's organisation, level, number and
 * holder; its holder name is asked for, since names never leave the desk that collected
 * them. The pulled card itself is the other station's: it is not ended here, so until that
 * station records its end the holder rules see it as the holder's other active card.
 */
function extendPulledCard(ctx: ServiceContext, id: string, extension: Extension): CardRecord {
  const previous = ctx.pulledCards.get(id);
  if (!previous) throw new AppError('not-found', `card ${id} not found`);
  if (previous.voided === 1) refuse('id', 'card.voided');
  if (previous.ended_at !== null) refuse('id', 'card.alreadyEnded');
  if (extension.holderName === undefined) refuse('holderName', 'holderName.requiredForOtherStation');
  const values = extensionValues(
    {
      id: previous.card_id,
      organisationHsaId: previous.organisation_hsa_id,
      organisationName: previous.organisation_name,
      assuranceLevel: previous.assurance_level,
      cardNumber: previous.card_number,
      holderHsaId: previous.holder_hsa_id,
      holderIdType: previous.holder_id_type,
      unplannedPersonnel: previous.unplanned_personnel,
      issuedAt: previous.issued_at,
      reasonCode: previous.reason_code,
      reasonText: previous.reason_text || undefined,
    },
    extension,
  );
  return registerCard(ctx, values);
}

/** What an extension carries over from the registration it extends. */
interface Extended {
  id: string;
  organisationHsaId: string;
  /** Only for another station's card: creates the organisation here when it is new. */
  organisationName?: string;
  assuranceLevel: number;
  cardNumber: string;
  holderHsaId: string;
  /** Absent for another station's card: its holder's name stayed there. */
  holderName?: string;
  holderIdType: string;
  unplannedPersonnel: 0 | 1 | null;
  issuedAt: number;
  reasonCode: string;
  reasonText?: string | null;
}

/**
 * The new registration of an extension, validated as a whole (SPEC §3): the card, holder,
 * organisation and level of the one extended, the new period and issuers, and the reason
 * carried over unless the desk gives a new one (then with its own text). Refused when it
 * would start before the card it extends.
 */
function extensionValues(previous: Extended, extension: Extension): CardValues {
  const raw = dropUndefined({
    organisationHsaId: previous.organisationHsaId,
    organisationName: previous.organisationName,
    assuranceLevel: previous.assuranceLevel,
    cardNumber: previous.cardNumber,
    holderHsaId: previous.holderHsaId,
    holderName: extension.holderName ?? previous.holderName,
    holderIdType: previous.holderIdType,
    unplannedPersonnel: previous.unplannedPersonnel === null ? undefined : previous.unplannedPersonnel === 1,
    issuedAt: extension.issuedAt,
    expiresAt: extension.expiresAt,
    issuedBy: extension.issuedBy,
    reasonCode: extension.reasonCode ?? previous.reasonCode,
    reasonText:
      extension.reasonCode === undefined
        ? (extension.reasonText ?? previous.reasonText)
        : extension.reasonText,
    extendsCardId: previous.id,
    note: extension.note,
    violationJustification: extension.violationJustification,
  });
  const parsed = CardInput.safeParse(raw);
  if (!parsed.success) throw invalidInput(toFieldErrors(parsed.error));
  if (parsed.data.issuedAt < previous.issuedAt) refuse('issuedAt', 'extension.beforePrevious');
  return parsed.data;
}
