import { Alert, Box, Button, Group, Loader, Stack } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { HubSettingsSection } from '../hub/HubSettingsSection';
import { OrganisationsSection } from '../organisations/OrganisationsSection';
import { DeskFields } from './DeskFields';
import { RuleFields } from './RuleFields';
import { useSettingsForm } from './use-settings-form';

/** Inställningar: the desk's name and user, office hours, closed days and the expiring-soon window. */
export function SettingsPage() {
  const { t } = useTranslation('ui');
  const form = useSettingsForm();
  const { draft, errors } = form;

  if (form.failed) {
    return (
      <Box maw={900} mx="auto">
        <PageHeader title={t('settings.title')} />
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('settings.loadError')} />
      </Box>
    );
  }
  if (!draft) return <Loader size="sm" />;

  return (
    <Box maw={900} mx="auto">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <form onSubmit={(e) => void form.submit(e)} noValidate aria-label={t('settings.title')}>
        <Stack gap="lg">
          <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
            {t('settings.audited')}
          </Alert>
          {form.saved && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
              {t('settings.saved')}
            </Alert>
          )}
          {errors.general && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('settings.errorTitle')}>
              {errors.general}
            </Alert>
          )}
          <DeskFields form={{ ...form, draft }} />
          <RuleFields form={{ ...form, draft }} />
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={form.saving}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Box mt="lg">
        <OrganisationsSection />
      </Box>
      <Box mt="lg">
        <HubSettingsSection />
      </Box>
    </Box>
  );
}
