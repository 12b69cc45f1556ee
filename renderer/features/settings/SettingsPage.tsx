import {
  Alert,
  Badge,
  Box,
  Button,
  CloseButton,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { NO_PAGE_ERRORS, toPageErrors, type PageErrors } from '../decisions/server-errors';
import { OrganisationsSection } from '../organisations/OrganisationsSection';
import { HubSettingsSection } from '../hub/HubSettingsSection';

const KNOWN = [
  'officeHours.start',
  'officeHours.end',
  'officeHours',
  'closedDays',
  'expiringSoonHours',
  'deskName',
  'deskUser',
] as const;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

interface SettingsDraft {
  deskName: string;
  deskUser: string;
  start: string;
  end: string;
  closedDays: string[];
  expiringSoonHours: number | string;
}

/** Inställningar: the desk's name and user, office hours, closed days and the expiring-soon window. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [stored, setStored] = useState<{ deskName: string; deskUser: string } | null>(null);
  const [newDay, setNewDay] = useState('');
  const [newDayError, setNewDayError] = useState<string | null>(null);
  const [errors, setErrors] = useState<PageErrors>(NO_PAGE_ERRORS);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const { error: loadError } = useChannel(
    async (api) => {
      const [settings, setup] = await Promise.all([api['settings:get']({}), api['setup:status']({})]);
      if (!settings.ok) return settings;
      if (!setup.ok) return setup;
      return { ok: true, value: { settings: settings.value, setup: setup.value } };
    },
    [],
    {
      onData: ({ settings, setup }) => {
        const desk = { deskName: setup.deskName ?? '', deskUser: setup.deskUser ?? '' };
        setStored(desk);
        setDraft({
          ...desk,
          start: settings.officeHours.start,
          end: settings.officeHours.end,
          closedDays: settings.closedDays,
          expiringSoonHours: settings.expiringSoonHours,
        });
      },
    },
  );
  const failed = loadError !== null;

  if (failed) {
    return (
      <Box maw={900} mx="auto">
        <PageHeader title={t('settings.title')} />
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('settings.loadError')} />
      </Box>
    );
  }
  if (!draft || !stored) return <Loader size="sm" />;

  const change = (patch: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };

  const addDay = () => {
    const day = newDay.trim();
    if (!DATE_RE.test(day)) {
      setNewDayError(t('settings.dateFormat'));
      return;
    }
    setNewDayError(null);
    if (!draft.closedDays.includes(day)) change({ closedDays: [...draft.closedDays, day].sort() });
    setNewDay('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaved(false);
    const common = i18n.getFixedT(null, 'common');
    const officeHours = { start: draft.start.trim(), end: draft.end.trim() };
    const hours = draft.expiringSoonHours;
    const result = await api['settings:update']({
      officeHours,
      closedDays: draft.closedDays,
      expiringSoonHours: typeof hours === 'number' ? hours : null,
    });
    let next = result.ok ? NO_PAGE_ERRORS : toPageErrors(result.error, common, KNOWN);
    const deskChanged = draft.deskName !== stored.deskName || draft.deskUser !== stored.deskUser;
    if (result.ok && deskChanged) {
      const setup = await api['setup:complete']({
        deskName: draft.deskName,
        deskUser: draft.deskUser,
        officeHours,
      });
      if (setup.ok) setStored({ deskName: draft.deskName, deskUser: draft.deskUser });
      else next = toPageErrors(setup.error, common, KNOWN);
    }
    setSaving(false);
    setErrors(next);
    setSaved(next === NO_PAGE_ERRORS);
  };

  return (
    <Box maw={900} mx="auto">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('settings.title')}>
        <Stack gap="lg">
          <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
            {t('settings.audited')}
          </Alert>
          {saved && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
              {t('settings.saved')}
            </Alert>
          )}
          {errors.general && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('settings.errorTitle')}>
              {errors.general}
            </Alert>
          )}
          <Paper withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="md">
              {t('settings.desk')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                id="settings-deskName"
                label={t('settings.deskName')}
                value={draft.deskName}
                error={errors.fields.deskName}
                onChange={(e) => change({ deskName: e.currentTarget.value })}
              />
              <TextInput
                id="settings-deskUser"
                label={t('settings.deskUser')}
                description={t('settings.deskUserHint')}
                value={draft.deskUser}
                error={errors.fields.deskUser}
                onChange={(e) => change({ deskUser: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Paper>
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
                    value={draft.start}
                    error={errors.fields['officeHours.start']}
                    onChange={(e) => change({ start: e.currentTarget.value })}
                    autoComplete="off"
                    styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                  />
                  <TextInput
                    id="settings-officeEnd"
                    label={t('settings.officeEnd')}
                    placeholder="17:00"
                    value={draft.end}
                    error={errors.fields['officeHours.end'] ?? errors.fields.officeHours}
                    onChange={(e) => change({ end: e.currentTarget.value })}
                    autoComplete="off"
                    styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                  />
                  <NumberInput
                    id="settings-expiringSoonHours"
                    label={t('settings.expiringSoonHours')}
                    min={1}
                    max={720}
                    allowDecimal={false}
                    value={draft.expiringSoonHours}
                    error={errors.fields.expiringSoonHours}
                    onChange={(value) => change({ expiringSoonHours: value })}
                  />
                </SimpleGrid>
                <Text size="xs" c="dimmed" mt={6}>
                  {t('settings.officeHint')} {t('settings.expiringSoonHint')}
                </Text>
              </div>
              <div>
                <Text fw={500} size="sm">
                  {t('settings.closedDays')}
                </Text>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('settings.closedDaysHint')}
                </Text>
                {draft.closedDays.length === 0 ? (
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('settings.noClosedDays')}
                  </Text>
                ) : (
                  <Group gap="xs" mb="xs" role="list" aria-label={t('settings.closedDays')}>
                    {draft.closedDays.map((day) => (
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
                            onClick={() => change({ closedDays: draft.closedDays.filter((d) => d !== day) })}
                          />
                        }
                        style={{ fontVariantNumeric: 'tabular-nums' }}
                      >
                        {day}
                      </Badge>
                    ))}
                  </Group>
                )}
                {errors.fields.closedDays && (
                  <Text size="xs" c="red" mb="xs">
                    {errors.fields.closedDays}
                  </Text>
                )}
                <Group gap="xs" align="flex-start">
                  <TextInput
                    id="settings-newClosedDay"
                    label={t('settings.newClosedDay')}
                    placeholder="2026-12-23"
                    value={newDay}
                    error={newDayError}
                    onChange={(e) => setNewDay(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        addDay();
                      }
                    }}
                    autoComplete="off"
                    w={200}
                  />
                  <Button variant="default" leftSection={<IconPlus size={16} />} onClick={addDay} mt={25}>
                    {t('settings.addClosedDay')}
                  </Button>
                </Group>
              </div>
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={saving}>
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
