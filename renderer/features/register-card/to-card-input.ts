import type { FieldError } from '../../../shared/domain/errors';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { formatInstant, parseLocalDateTime } from '../../../shared/time/stockholm';
import type { CardFormValues } from './form-state';

export type CardInputWire = ChannelInput<'cards:register'>;

/**
 * The registration as the form can state it. Required fields the user left empty stay
 * absent: the back end is the one judge of the card rules and names every missing field.
 */
export type CardDraft = Partial<CardInputWire>;

export type BuildResult = { ok: true; draft: CardDraft } | { ok: false; errors: FieldError[] };

/**
 * Reads a local time field. The back end only ever sees instants, so a time that does not
 * exist or exists twice (DST) can only be caught here.
 */
function readLocalTime(
  field: 'issuedAt' | 'expiresAt' | 'endedAt',
  text: string,
  errors: FieldError[],
): string | undefined {
  const parsed = parseLocalDateTime(text);
  if (parsed.ok) return formatInstant(parsed.epochMs);
  errors.push({ field, message: `localTime.${parsed.reason}` });
  return undefined;
}

function optional(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

function toBoolean(answer: CardFormValues['unplannedPersonnel']): boolean | undefined {
  if (answer === 'yes') return true;
  if (answer === 'no') return false;
  return undefined;
}

/**
 * Leaves out what the user did not fill in, so the back end reports a missing field as
 * missing ("Måste fyllas i.") rather than as badly formed.
 */
function withoutEmpty(draft: CardDraft): CardDraft {
  return Object.fromEntries(
    Object.entries(draft).filter(([, v]) => v !== undefined && !(typeof v === 'string' && v.trim() === '')),
  );
}

/**
 * Turns the form into the `cards:register` input: instants with the Stockholm offset,
 * unplannedPersonnel as a boolean (null for level 3), empty optional fields left out.
 * Only local-time parsing is checked here; `organisationIsNew` decides whether the
 * organisation's name is sent.
 */
export function buildCardInput(values: CardFormValues, organisationIsNew: boolean): BuildResult {
  const errors: FieldError[] = [];
  const issuedAt = readLocalTime('issuedAt', values.issuedAt, errors);
  const expiresAt = readLocalTime('expiresAt', values.expiresAt, errors);
  const endedAt = values.endedAt.trim() ? readLocalTime('endedAt', values.endedAt, errors) : undefined;
  if (errors.length > 0) return { ok: false, errors };

  const level = values.assuranceLevel === '3' ? 3 : 2;
  const draft = withoutEmpty({
    // HSA-ids are compared exactly; stray spaces from a paste are not part of them.
    organisationHsaId: values.organisationHsaId.trim(),
    organisationName: organisationIsNew ? optional(values.organisationName) : undefined,
    assuranceLevel: level,
    cardNumber: values.cardNumber,
    holderHsaId: values.holderHsaId.trim(),
    holderName: values.holderName,
    holderIdType: values.holderIdType,
    unplannedPersonnel: level === 3 ? null : toBoolean(values.unplannedPersonnel),
    issuedAt,
    expiresAt,
    reasonCode: values.reasonCode || undefined,
    reasonText: optional(values.reasonText),
    issuedBy: values.administrator2.trim()
      ? [values.administrator1, values.administrator2]
      : [values.administrator1],
    extendsCardId: optional(values.extendsCardId)?.trim(),
    endedAt,
    endReason: values.endReason || undefined,
    note: optional(values.note),
    violationJustification: optional(values.violationJustification),
  });
  return { ok: true, draft };
}

/** What the rules need of a draft for the `findings:preview` verdict, or null without times. */
export function toFindingsDraft(draft: CardDraft): ChannelInput<'findings:preview'> | null {
  if (!draft.issuedAt || !draft.expiresAt) return null;
  return {
    assuranceLevel: draft.assuranceLevel ?? 2,
    cardNumber: draft.cardNumber,
    holderHsaId: draft.holderHsaId,
    holderIdType: draft.holderIdType,
    unplannedPersonnel: draft.unplannedPersonnel ?? null,
    issuedAt: draft.issuedAt,
    expiresAt: draft.expiresAt,
    issuedBy: draft.issuedBy?.filter((name) => name.trim() !== ''),
  };
}
