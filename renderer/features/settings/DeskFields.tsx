import { Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoadedSettingsForm } from './use-settings-form';

/** "Kortdisk": the desk's name and the user who stands in the audit log. */
export function DeskFields({ form }: { form: LoadedSettingsForm }) {
  const { t } = useTranslation('ui');
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="md">
        {t('settings.desk')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          id="settings-deskName"
          label={t('settings.deskName')}
          value={form.draft.deskName}
          error={form.errors.fields.deskName}
          onChange={(e) => form.change({ deskName: e.currentTarget.value })}
        />
        <TextInput
          id="settings-deskUser"
          label={t('settings.deskUser')}
          description={t('settings.deskUserHint')}
          value={form.draft.deskUser}
          error={form.errors.fields.deskUser}
          onChange={(e) => form.change({ deskUser: e.currentTarget.value })}
        />
      </SimpleGrid>
    </Paper>
  );
}
