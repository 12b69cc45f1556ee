import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualEndReason } from '../../../shared/domain/lifecycle';
import { formatInstant, formatLocal, parseLocalDateTime } from '../../../shared/time/stockholm';
import { useApi } from '../../ipc/client';
import { nowToMinute } from '../../lib/time';
import { LocalDateTimeInput } from '../register-card/LocalDateTimeInput';
import { notifyCardsChanged } from './cards-changed';
import { NO_ACTION_ERRORS, toActionErrors, type ActionErrors } from './field-messages';

/** Props of {@link EndCardModal}. */
export interface EndCardModalProps {
  cardId: string;
  /** Which end to record; null keeps the dialog closed. */
  reason: ManualEndReason | null;
  onClose: () => void;
  onDone: (reason: ManualEndReason) => void;
}

/** Marks a card returned or revoked at a time the desk can change (default: now). */
export function EndCardModal({ cardId, reason, onClose, onDone }: EndCardModalProps) {
  const { t } = useTranslation('ui');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [time, setTime] = useState(() => formatLocal(nowToMinute()));
  const [errors, setErrors] = useState<ActionErrors>(NO_ACTION_ERRORS);
  const [busy, setBusy] = useState(false);
  const [openedFor, setOpenedFor] = useState<ManualEndReason | null>(null);

  // A fresh "now" each time the dialog opens.
  if (reason !== openedFor) {
    setOpenedFor(reason);
    if (reason) {
      setTime(formatLocal(nowToMinute()));
      setErrors(NO_ACTION_ERRORS);
    }
  }

  const submit = async () => {
    if (!reason) return;
    const parsed = parseLocalDateTime(time);
    if (!parsed.ok) {
      setErrors({ fields: { endedAt: t('lifecycle.invalidTime') }, general: [] });
      return;
    }
    setBusy(true);
    const result = await api['cards:end']({
      id: cardId,
      endedAt: formatInstant(parsed.epochMs),
      endReason: reason,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(toActionErrors(result.error, tc, { endedAt: 'endedAt' }));
      return;
    }
    notifyCardsChanged();
    onDone(reason);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
      opened={reason !== null}
      onClose={onClose}
      title={reason ? t(`lifecycle.endTitle.${reason}`) : ''}
    >
      {reason && (
        <Stack gap="md">
          <LocalDateTimeInput
            id="lifecycle-endedAt"
            label={t(`lifecycle.endedAt.${reason}`)}
            description={t('lifecycle.endHint')}
            value={time}
            onChange={setTime}
            error={errors.fields.endedAt}
          />
          {errors.general.length > 0 && (
            <Alert color="red" variant="light" title={t('lifecycle.failed')}>
              {errors.general.join(' ')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('lifecycle.cancel')}
            </Button>
            <Button
              color={reason === 'revoked' ? 'red' : 'blue'}
              loading={busy}
              onClick={() => void submit()}
            >
              {t(`lifecycle.confirmEnd.${reason}`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
