import { Badge, Button, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LoadedSettingsForm } from './use-settings-form';

/** The closed days (holidays, bridge days) as removable badges, and a field to add one. */
export function ClosedDaysField({ form }: { form: LoadedSettingsForm }) {
  const { t } = useTranslation('ui');
  return (
    <div>
      <Text fw={500} size="sm">
        {t('settings.closedDays')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.closedDaysHint')}
      </Text>
      {form.draft.closedDays.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('settings.noClosedDays')}
        </Text>
      ) : (
        <Group gap="xs" mb="xs" role="list" aria-label={t('settings.closedDays')}>
          {form.draft.closedDays.map((day) => (
            <Badge
              key={day}
              role="listitem"
              size="lg"
              variant="default"
              radius="sm"
              tt="none"
              fw={500}
              pr={4}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('settings.removeClosedDay', { day })}
                  onClick={() => form.change({ closedDays: form.draft.closedDays.filter((d) => d !== day) })}
                />
              }
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {day}
            </Badge>
          ))}
        </Group>
      )}
      {form.errors.fields.closedDays && (
        <Text size="xs" c="red" mb="xs">
          {form.errors.fields.closedDays}
        </Text>
      )}
      <Group gap="xs" align="flex-start">
        <TextInput
          id="settings-newClosedDay"
          label={t('settings.newClosedDay')}
          placeholder="2026-12-23"
          value={form.newDay}
          error={form.newDayError}
          onChange={(e) => form.setNewDay(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              form.addDay();
            }
          }}
          autoComplete="off"
          w={200}
        />
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={form.addDay} mt={25}>
          {t('settings.addClosedDay')}
        </Button>
      </Group>
    </div>
  );
}
