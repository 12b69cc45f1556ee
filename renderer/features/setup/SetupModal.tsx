import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { NO_PAGE_ERRORS, toPageErrors, type PageErrors } from '../decisions/server-errors';

const KNOWN = ['deskName', 'deskUser', 'officeHours.start', 'officeHours.end', 'officeHours'] as const;

/**
 * The first-run setup: while `setup:status` says it is needed, a modal that cannot be
 * dismissed without saving asks for the region or desk name, the desk user and the office
 * hours (pre-filled with the defaults), and calls `setup:complete`.
 */
export function SetupModal() {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const [needed, setNeeded] = useState(false);
  const [deskName, setDeskName] = useState('');
  const [deskUser, setDeskUser] = useState('');
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('17:00');
  const [errors, setErrors] = useState<PageErrors>(NO_PAGE_ERRORS);
  const [saving, setSaving] = useState(false);

  useChannel((api) => api['setup:status']({}), [], {
    onData: (status) => {
      if (!status.needed) return;
      setDeskName(status.deskName ?? '');
      setDeskUser(status.deskUser ?? '');
      setStart(status.officeHours.start);
      setEnd(status.officeHours.end);
      setNeeded(true);
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const result = await api['setup:complete']({
      deskName,
      deskUser,
      officeHours: { start: start.trim(), end: end.trim() },
    });
    setSaving(false);
    if (result.ok) {
      setErrors(NO_PAGE_ERRORS);
      setNeeded(false);
    } else {
      setErrors(toPageErrors(result.error, i18n.getFixedT(null, 'common'), KNOWN));
    }
  };

  return (
    <Modal
      opened={needed}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('setup.title')}
      size="lg"
      centered
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('setup.intro')}
          </Text>
          {errors.general && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('setup.errorTitle')}>
              {errors.general}
            </Alert>
          )}
          <TextInput
            id="setup-deskName"
            label={t('setup.deskName')}
            placeholder={t('setup.deskNamePlaceholder')}
            value={deskName}
            error={errors.fields.deskName}
            onChange={(e) => setDeskName(e.currentTarget.value)}
            data-autofocus
          />
          <TextInput
            id="setup-deskUser"
            label={t('setup.deskUser')}
            description={t('setup.deskUserHint')}
            value={deskUser}
            error={errors.fields.deskUser}
            onChange={(e) => setDeskUser(e.currentTarget.value)}
          />
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              id="setup-officeStart"
              label={t('setup.officeStart')}
              value={start}
              error={errors.fields['officeHours.start']}
              onChange={(e) => setStart(e.currentTarget.value)}
              autoComplete="off"
            />
            <TextInput
              id="setup-officeEnd"
              label={t('setup.officeEnd')}
              value={end}
              error={errors.fields['officeHours.end'] ?? errors.fields.officeHours}
              onChange={(e) => setEnd(e.currentTarget.value)}
              autoComplete="off"
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('setup.officeHint')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
