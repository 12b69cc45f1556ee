import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of {@link NewHubConfirm}. */
export interface NewHubConfirmProps {
  /** The hub's message naming the register's hub, the login's and what moving does; null: closed. */
  message: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * Asks before a register joined to one hub moves to the login's other hub (a hub restored
 * from a backup with a new id, or a new hub): the whole register is sent there again and
 * the other stations' cards are fetched from the start (docs/hub.md, "Backups of the hub").
 */
export function NewHubConfirm({ message, busy, onCancel, onConfirm }: NewHubConfirmProps) {
  const { t } = useTranslation('ui');
  return (
    <Modal
      opened={message !== null}
      onClose={onCancel}
      title={t('hub.settings.newHubTitle')}
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('lifecycle.cancel')}
          </Button>
          <Button color="orange" loading={busy} onClick={onConfirm}>
            {t('hub.settings.newHubConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
