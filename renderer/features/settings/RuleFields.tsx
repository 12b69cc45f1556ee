import { NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoadedSettingsForm } from './use-settings-form';
import { ClosedDaysField } from './ClosedDaysField';

/** "Regler": office hours, the expiring-soon window and the closed days. */
export function RuleFields({ form }: { form: LoadedSettingsForm }) {
  const { t } = useTranslation('ui');
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="md">
        {t('settings.rules')}
      </Title>
      <Stack gap="lg">
        <div>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              id="settings-officeStart"
              label={t('settings.officeStart')}
              placeholder="08:00"
              value={form.draft.start}
              error={form.errors.fields['officeHours.start']}
              onChange={(e) => form.change({ start: e.currentTarget.value })}
              autoComplete="off"
              styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
            />
            <TextInput
              id="settings-officeEnd"
              label={t('settings.officeEnd')}
              placeholder="17:00"
              value={form.draft.end}
              error={form.errors.fields['officeHours.end'] ?? form.errors.fields.officeHours}
              onChange={(e) => form.change({ end: e.currentTarget.value })}
              autoComplete="off"
              styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
            />
            <NumberInput
              id="settings-expiringSoonHours"
              label={t('settings.expiringSoonHours')}
              min={1}
              max={720}
              allowDecimal={false}
              value={form.draft.expiringSoonHours}
              error={form.errors.fields.expiringSoonHours}
              onChange={(value) => form.change({ expiringSoonHours: value })}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={6}>
            {t('settings.officeHint')} {t('settings.expiringSoonHint')}
          </Text>
        </div>
        <ClosedDaysField form={form} />
      </Stack>
    </Paper>
  );
}
