import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
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
import { LocalDateTimeInput } from '../register-card/LocalDateTimeInput';
import { notifyCardsChanged } from './cards-changed';
import { NO_ACTION_ERRORS, toActionErrors, type ActionErrors } from './field-messages';

/** Props of {@link ExtendCardModal}. */
export interface ExtendCardModalProps {
  /** The card to extend; null keeps the dialog closed. */
  cardId: string | null;
  onClose: () => void;
  onDone: (extension: CardRecord) => void;
}

interface Draft {
  issuedAt: string;
  expiresAt: string;
  administrator1: string;
  administrator2: string;
  violationJustification: string;
}

/** Back-end fields and the inputs that show their errors. */
const SHOWN: Record<string, string> = {
  issuedAt: 'issuedAt',
  expiresAt: 'expiresAt',
  issuedBy: 'administrator1',
  'issuedBy.0': 'administrator1',
  'issuedBy.1': 'administrator2',
  violationJustification: 'violationJustification',
};

/**
 * The prefilled extension: from now (never before the card's own issue), for two weeks on
 * level 2 or the card's own length on level 3, by the same ID administrators.
 */
export function extensionDefaults(card: CardRecord, now: number): Draft {
  const issued = Math.max(nowToMinute(now), parseInstant(card.issuedAt) ?? 0);
  const previousLength = (parseInstant(card.expiresAt) ?? 0) - (parseInstant(card.issuedAt) ?? 0);
  const expires =
    card.assuranceLevel === 2 ? addLocalDays(issued, 14) : issued + Math.max(previousLength, 60_000);
  return {
    issuedAt: formatLocal(issued),
    expiresAt: formatLocal(expires),
    administrator1: card.issuedBy[0] ?? '',
    administrator2: card.issuedBy[1] ?? '',
    violationJustification: '',
  };
}

/**
 * Extends a card: a new registration for the same card and holder. The rules check it
 * like a new card, so a violation asks for a justification exactly as the form does.
 */
export function ExtendCardModal({ cardId, onClose, onDone }: ExtendCardModalProps) {
  const { t } = useTranslation('ui');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [draft, setDraft] = useState<Draft | null>(null);
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
  const loaded = useChannel(cardId ? (api) => api['cards:get']({ id: cardId }) : null, [cardId], {
    onData: (value) => setDraft(extensionDefaults(value, Date.now())),
  });
  const card = loaded.data && loaded.data.id === cardId ? loaded.data : null;
  const errors =
    cardId !== null && !loaded.loading && loaded.error ? toActionErrors(loaded.error, tc) : actionErrors;

  const change = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

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

  return (
    <Modal
      opened={cardId !== null}
      onClose={onClose}
      size="lg"
      title={card ? `${t('lifecycle.extendTitle')} · ${card.cardNumber}` : t('lifecycle.extendTitle')}
    >
      {!draft && errors.general.length === 0 && <Loader size="sm" />}
      {draft && card && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('lifecycle.extendIntro')}
          </Text>
          <Group grow align="flex-start">
            <LocalDateTimeInput
              id="extend-issuedAt"
              label={t('lifecycle.issuedAt')}
              value={draft.issuedAt}
              onChange={(issuedAt) => change({ issuedAt })}
              error={errors.fields.issuedAt}
            />
            <LocalDateTimeInput
              id="extend-expiresAt"
              label={t('lifecycle.expiresAt')}
              description={card.assuranceLevel === 2 ? t('lifecycle.expiresHint') : undefined}
              value={draft.expiresAt}
              onChange={(expiresAt) => change({ expiresAt })}
              error={errors.fields.expiresAt}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('lifecycle.administrator1')}
              value={draft.administrator1}
              onChange={(event) => change({ administrator1: event.currentTarget.value })}
              error={errors.fields.administrator1}
            />
            <TextInput
              label={t('lifecycle.administrator2')}
              description={card.assuranceLevel === 3 ? t('lifecycle.administrator2Hint') : undefined}
              value={draft.administrator2}
              onChange={(event) => change({ administrator2: event.currentTarget.value })}
              error={errors.fields.administrator2}
            />
          </Group>
          {(violations !== null || errors.fields.violationJustification) && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle />}
              title={t('lifecycle.violationTitle')}
            >
              {violations && violations.length > 0 && (
                <List size="sm" spacing={4} mb="sm">
                  {violations.map((finding) => (
                    <List.Item key={finding.code}>
                      {t(`findings:${finding.code}`, { ...finding.params, defaultValue: finding.message })}
                    </List.Item>
                  ))}
                </List>
              )}
              <Textarea
                label={t('lifecycle.justification')}
                description={t('lifecycle.violationHint')}
                value={draft.violationJustification}
                onChange={(event) => change({ violationJustification: event.currentTarget.value })}
                error={draft.violationJustification.trim() ? undefined : errors.fields.violationJustification}
                rows={3}
              />
            </Alert>
          )}
          {errors.general.length > 0 && (
            <Alert color="red" variant="light" title={t('lifecycle.failed')}>
              {errors.general.join(' ')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('lifecycle.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void submit()}>
              {t('lifecycle.confirmExtend')}
            </Button>
          </Group>
        </Stack>
      )}
      {!draft && errors.general.length > 0 && (
        <Alert color="red" variant="light">
          {errors.general.join(' ')}
        </Alert>
      )}
    </Modal>
  );
}
