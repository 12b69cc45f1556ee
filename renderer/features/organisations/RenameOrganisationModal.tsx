import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { useApi } from '../../ipc/client';
import { NO_PAGE_ERRORS, toPageErrors, type PageErrors } from '../decisions/server-errors';

/** Props of {@link RenameOrganisationModal}. */
export interface RenameOrganisationModalProps {
  /** The organisation to rename; null keeps the modal closed. */
  organisation: Organisation | null;
  onClose: () => void;
  onRenamed: (organisation: Organisation) => void;
}

/**
 * A small form in a modal for an organisation's corrected name: the name field has focus,
 * Enter saves, Escape cancels, and focus returns to the button that opened it (Mantine's
 * defaults). A refused name is shown under the field; nothing is saved then.
 */
export function RenameOrganisationModal({ organisation, onClose, onRenamed }: RenameOrganisationModalProps) {
  const { t } = useTranslation('ui');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
      opened={organisation !== null}
      onClose={onClose}
      title={t('organisations.modalTitle')}
    >
      {organisation && (
        // Keyed, so each organisation opens with its own name and no old error.
        <RenameForm
          key={organisation.hsaId}
          organisation={organisation}
          onClose={onClose}
          onRenamed={onRenamed}
        />
      )}
    </Modal>
  );
}

function RenameForm({
  organisation,
  onClose,
  onRenamed,
}: Omit<RenameOrganisationModalProps, 'organisation'> & { organisation: Organisation }) {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const [name, setName] = useState(organisation.name);
  const [errors, setErrors] = useState<PageErrors>(NO_PAGE_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api['organisations:rename']({ hsaId: organisation.hsaId, name });
    setBusy(false);
    if (result.ok) {
      onRenamed(result.value);
      return;
    }
    // An unknown HSA-id comes as not-found with its field named: shown like any field error.
    const error = result.error.fields?.length
      ? { ...result.error, code: 'invalid-input' as const }
      : result.error;
    setErrors(toPageErrors(error, i18n.getFixedT(null, 'common'), ['name']));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {organisation.hsaId}
        </Text>
        {errors.general && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('organisations.failed')}>
            {errors.general}
          </Alert>
        )}
        <TextInput
          label={t('organisations.newName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.fields.name}
          maxLength={400}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('organisations.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('organisations.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
