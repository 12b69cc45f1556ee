import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { FindingOut } from '../../../shared/ipc/contract';
import {
  addLocalDays,
  formatInstant,
  formatLocal,
  parseInstant,
  parseLocalDateTime,
} from '../../../shared/time/stockholm';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { nowToMinute } from '../../lib/time';
import { notifyCardsChanged } from './cards-changed';
import { NO_ACTION_ERRORS, toActionErrors, type ActionErrors } from './field-messages';

/** The extension as the dialog edits it (times as local YYYY-MM-DD HH:mm). */
export interface ExtensionDraft {
  /** Only for another station's card, whose holder's name stayed there (SPEC §8). */
  holderName: string;
  issuedAt: string;
  expiresAt: string;
  administrator1: string;
  administrator2: string;
  violationJustification: string;
}

/** Back-end fields and the inputs that show their errors. */
const SHOWN: Record<string, string> = {
  holderName: 'holderName',
  issuedAt: 'issuedAt',
  expiresAt: 'expiresAt',
  issuedBy: 'administrator1',
  'issuedBy.0': 'administrator1',
  'issuedBy.1': 'administrator2',
  violationJustification: 'violationJustification',
};

/** What the dialog needs of the card it extends: this desk's own, or another station's. */
export type ExtendTarget = Pick<
  CardRecord,
  | 'id'
  | 'assuranceLevel'
  | 'cardNumber'
  | 'holderHsaId'
  | 'holderIdType'
  | 'unplannedPersonnel'
  | 'issuedAt'
  | 'expiresAt'
  | 'issuedBy'
>;

/** Where the card to extend is: this desk's register, or the cards pulled from the region. */
export type ExtendSource = 'own' | 'region';

/**
 * The prefilled extension: from now (never before the card's own issue), for two weeks on
 * level 2 or the card's own length on level 3, by the same ID administrators.
 */
export function extensionDefaults(card: ExtendTarget, now: number): ExtensionDraft {
  const issued = Math.max(nowToMinute(now), parseInstant(card.issuedAt) ?? 0);
  const previousLength = (parseInstant(card.expiresAt) ?? 0) - (parseInstant(card.issuedAt) ?? 0);
  const expires =
    card.assuranceLevel === 2 ? addLocalDays(issued, 14) : issued + Math.max(previousLength, 60_000);
  return {
    holderName: '',
    issuedAt: formatLocal(issued),
    expiresAt: formatLocal(expires),
    administrator1: card.issuedBy[0] ?? '',
    administrator2: card.issuedBy[1] ?? '',
    violationJustification: '',
  };
}

/**
 * Everything the extend dialog does: reads the card, prefills the extension, and saves it;
 * a refusal for a rule breach fetches the breaches so the justification can be asked for.
 * Another station's card (`source` region) has no issuers or holder name here: the ID
 * administrators start empty and the holder's name is asked for.
 */
export function useExtendCard(
  cardId: string | null,
  onDone: (extension: CardRecord) => void,
  source: ExtendSource = 'own',
) {
  const { t } = useTranslation('ui');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [draft, setDraft] = useState<ExtensionDraft | null>(null);
  const [actionErrors, setErrors] = useState<ActionErrors>(NO_ACTION_ERRORS);
  const [violations, setViolations] = useState<FindingOut[] | null>(null);
  const [busy, setBusy] = useState(false);

  // Another card (or none, on closing) starts from nothing.
  const [shownFor, setShownFor] = useState(cardId);
  if (shownFor !== cardId) {
    setShownFor(cardId);
    setDraft(null);
    setErrors(NO_ACTION_ERRORS);
    setViolations(null);
  }
  const loaded = useChannel<ExtendTarget>(
    cardId
      ? source === 'own'
        ? (api) => api['cards:get']({ id: cardId })
        : async (api) => {
            const result = await api['region:card']({ id: cardId });
            return result.ok ? { ok: true, value: { ...result.value, issuedBy: [] } } : result;
          }
      : null,
    [cardId, source],
    { onData: (value) => setDraft(extensionDefaults(value, Date.now())) },
  );
  const card = loaded.data && loaded.data.id === cardId ? loaded.data : null;
  const errors =
    cardId !== null && !loaded.loading && loaded.error ? toActionErrors(loaded.error, tc) : actionErrors;

  const change = (patch: Partial<ExtensionDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const submit = async () => {
    if (!card || !draft) return;
    const issued = parseLocalDateTime(draft.issuedAt);
    const expires = parseLocalDateTime(draft.expiresAt);
    if (!issued.ok || !expires.ok) {
      setErrors({
        fields: {
          ...(issued.ok ? {} : { issuedAt: t('lifecycle.invalidTime') }),
          ...(expires.ok ? {} : { expiresAt: t('lifecycle.invalidTime') }),
        },
        general: [],
      });
      return;
    }
    const issuedBy = [draft.administrator1, draft.administrator2].map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    const result = await api['cards:extend']({
      id: card.id,
      ...(source === 'region' ? { holderName: draft.holderName.trim() } : {}),
      issuedAt: formatInstant(issued.epochMs),
      expiresAt: formatInstant(expires.epochMs),
      issuedBy,
      ...(draft.violationJustification.trim()
        ? { violationJustification: draft.violationJustification.trim() }
        : {}),
    });
    if (!result.ok) {
      const needsJustification = result.error.fields?.some(
        (f) => f.message === 'violationJustification.required',
      );
      if (needsJustification) {
        const preview = await api['findings:preview']({
          assuranceLevel: card.assuranceLevel,
          cardNumber: card.cardNumber,
          holderHsaId: card.holderHsaId,
          holderIdType: card.holderIdType,
          unplannedPersonnel: card.unplannedPersonnel,
          issuedAt: formatInstant(issued.epochMs),
          expiresAt: formatInstant(expires.epochMs),
          issuedBy,
        });
        setViolations(preview.ok ? preview.value.filter((f) => f.severity === 'violation') : []);
      }
      setBusy(false);
      setErrors(toActionErrors(result.error, tc, SHOWN));
      return;
    }
    setBusy(false);
    notifyCardsChanged();
    onDone(result.value);
  };

  return { card, draft, errors, violations, busy, change, submit, source };
}

/** What {@link useExtendCard} gives the dialog. */
export type ExtendCard = ReturnType<typeof useExtendCard>;
