import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../ipc/client';
import { notifyCardsChanged } from './cards-changed';
import { NO_ACTION_ERRORS, toActionErrors, type ActionErrors } from './field-messages';

/** Props of {@link VoidCardModal}. */
export interface VoidCardModalProps {
  cardId: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Voids a mistaken registration: a reason and an explicit confirmation. */
export function VoidCardModal({ cardId, opened, onClose, onDone }: VoidCardModalProps) {
  const { t } = useTranslation('ui');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [why, setWhy] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<ActionErrors>(NO_ACTION_ERRORS);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setWhy('');
    setConfirmed(false);
    setErrors(NO_ACTION_ERRORS);
    onClose();
  };

  const submit = async () => {
    setBusy(true);
    const result = await api['cards:void']({ id: cardId, why });
    setBusy(false);
    if (!result.ok) {
      setErrors(toActionErrors(result.error, tc, { why: 'why' }));
      return;
    }
    setWhy('');
    setConfirmed(false);
    setErrors(NO_ACTION_ERRORS);
    notifyCardsChanged();
    onDone();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
      opened={opened}
      onClose={close}
      title={t('lifecycle.voidTitle')}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('lifecycle.voidIntro')}
        </Text>
        <Textarea
          label={t('lifecycle.voidWhy')}
          value={why}
          onChange={(event) => setWhy(event.currentTarget.value)}
          error={errors.fields.why}
          rows={3}
          data-autofocus
        />
        <Checkbox
          label={t('lifecycle.voidConfirm')}
          checked={confirmed}
          onChange={(event) => setConfirmed(event.currentTarget.checked)}
        />
        {errors.general.length > 0 && (
          <Alert color="red" variant="light" title={t('lifecycle.failed')}>
            {errors.general.join(' ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('lifecycle.cancel')}
          </Button>
          <Button color="red" disabled={!confirmed} loading={busy} onClick={() => void submit()}>
            {t('lifecycle.confirmVoid')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
