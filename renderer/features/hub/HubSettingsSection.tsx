import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubSettings } from '../../../shared/ipc/hub';
import type { IpcError } from '../../../shared/ipc/result';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { formatIsoLocal } from '../../lib/time';
import { errorText } from './HubStatusBar';
import { NewHubConfirm } from './NewHubConfirm';
import { acceptHubStatus, refreshHubStatus, useHubStatus } from './use-hub-status';

interface Problems {
  url?: string;
  password?: string;
  general?: string;
  /** The register is on another hub than the login's (a restored or moved hub): ask before moving it. */
  newHub?: string;
}

/** Where a refused connect goes: under the URL, under the password, or above the form. */
function toProblems(error: IpcError, language: string, t: (key: string) => string): Problems {
  const field = error.fields?.[0];
  if (error.code === 'hub-failed' && field) {
    const text = String((language === 'en' ? field.params?.en : field.params?.sv) ?? error.message);
    if (field.params?.code === 'sync-new-hub') return { newHub: text };
    if (field.field === 'url') return { url: text };
    if (field.field === 'password') return { password: text };
    return { general: text };
  }
  if (error.code === 'invalid-input' && field) {
    const text = t(`common:validation.${field.message}`);
    return field.field === 'password' ? { password: text } : { url: text };
  }
  return { general: error.message };
}

/** The hub as a person knows it: host and database from the URL (its id is for IT). */
export function hubLabel(url: string | null, fallback: string): string {
  if (!url) return fallback;
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return fallback;
  }
}

/**
 * Inställningar › Regional hubb (SPEC §8): the hub's URL and the station's password,
 * "Anslut" (the register joins the hub as the station the login belongs to; the password
 * goes to the OS key store, never to the register), the state — which station of which hub
 * — "Synka nu", the last sync and its error, and forgetting the password.
 */
export function HubSettingsSection() {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const { status } = useHubStatus();
  const [settings, setSettings] = useState<HubSettings | null>(null);
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'connect' | 'sync' | 'disconnect' | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);

  useChannel((api) => api['hub:settings']({}), [], {
    onData: (value) => {
      setSettings(value);
      setUrl(value.url ?? '');
    },
  });

  // `newHub`: the desk confirmed moving the register to the login's hub (SPEC §8, docs/hub.md).
  const connect = async (newHub = false) => {
    if (busy) return;
    setBusy('connect');
    // The confirmation stays open, its button busy, until the hub has answered.
    if (!newHub) setProblems({});
    setNotice(null);
    const result = await api['hub:connect']({ url, password, ...(newHub ? { newHub } : {}) });
    setBusy(null);
    if (!result.ok) {
      setProblems(toProblems(result.error, i18n.language, t));
      return;
    }
    setProblems({});
    setSettings(result.value.settings);
    setUrl(result.value.settings.url ?? url);
    setPassword('');
    setNotice(t('hub.settings.connectedNow', { count: result.value.pending }));
    await refreshHubStatus(api);
  };

  const syncNow = async () => {
    setBusy('sync');
    setNotice(null);
    const result = await api['hub:sync']({});
    setBusy(null);
    if (result.ok) acceptHubStatus(api, result.value);
  };

  const disconnect = async () => {
    setBusy('disconnect');
    const result = await api['hub:disconnect']({});
    setBusy(null);
    if (!result.ok) return;
    setSettings(result.value);
    setNotice(t('hub.settings.disconnected'));
    await refreshHubStatus(api);
  };

  const joined = settings?.joined === true;
  const lastError = status ? errorText(status, i18n.language) : null;
  const deskName = settings?.deskName ?? '';

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="hub-settings-title">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id="hub-settings-title">
          {t('hub.settings.title')}
        </Title>
        {joined && settings.hasPassword && (
          <Badge
            color="teal"
            variant="light"
            radius="sm"
            tt="none"
            leftSection={<IconCircleCheck size={14} />}
          >
            {t('hub.settings.connectedTitle')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('hub.settings.intro')}
      </Text>
      <Stack gap="md">
        {joined && settings.hasPassword && (
          <Alert color="teal" variant="light" icon={<IconPlugConnected />} role="status">
            <Text size="sm" fw={600}>
              {t('hub.settings.connected', {
                desk: deskName,
                deskId: settings.deskId ?? '',
                hub: hubLabel(settings.url, settings.hubId ?? ''),
              })}
            </Text>
            <Text size="sm" mt={4}>
              {status?.lastResult
                ? t('hub.settings.lastResult', {
                    time: formatIsoLocal(status.lastResult.at),
                    pushed: status.lastResult.pushed,
                    pulled: status.lastResult.pulled,
                  })
                : status?.lastPullAt
                  ? t('hub.status.regionDataFrom', { time: formatIsoLocal(status.lastPullAt) })
                  : t('hub.settings.never')}
              {status && status.pending > 0 ? ` ${t('hub.status.pending', { count: status.pending })}.` : ''}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('hub.settings.hubId', { hubId: settings.hubId ?? '' })}
            </Text>
          </Alert>
        )}
        {joined && !settings.hasPassword && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle />}>
            {t('hub.settings.noPassword', { desk: deskName })}
          </Alert>
        )}
        {notice && (
          <Alert color="blue" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        {problems.general && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('hub.settings.failedTitle')}>
            {problems.general}
          </Alert>
        )}
        {joined && lastError && status?.state !== 'running' && (
          <Alert
            color={status?.state === 'retrying' ? 'orange' : 'red'}
            variant="light"
            icon={<IconAlertCircle />}
            title={t('hub.status.errorTitle')}
          >
            <Text size="sm">{lastError}</Text>
            {status?.lastError && (
              <Text size="xs" c="dimmed" mt={4}>
                {formatIsoLocal(status.lastError.at)}
              </Text>
            )}
          </Alert>
        )}
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void connect();
          }}
          noValidate
          aria-label={t('hub.settings.title')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id="hub-url"
              label={t('hub.settings.url')}
              description={t('hub.settings.urlHint')}
              placeholder="postgres://…?sslmode=verify-full"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={problems.url}
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            />
            <PasswordInput
              id="hub-password"
              label={t('hub.settings.password')}
              description={
                settings?.passwordStore === 'memory'
                  ? t('hub.settings.passwordKeptMemory')
                  : t('hub.settings.passwordKeptOs')
              }
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problems.password}
              autoComplete="new-password"
            />
          </SimpleGrid>
          <Group justify="space-between" mt="md" wrap="wrap">
            <Group gap="sm">
              <Button
                type="submit"
                loading={busy === 'connect'}
                leftSection={<IconPlugConnected size={16} />}
              >
                {joined ? t('hub.settings.reconnect') : t('hub.settings.connect')}
              </Button>
              {joined && settings.hasPassword && (
                <Button
                  variant="default"
                  loading={busy === 'sync' || status?.state === 'running'}
                  leftSection={<IconRefresh size={16} />}
                  onClick={() => void syncNow()}
                >
                  {t('hub.settings.syncNow')}
                </Button>
              )}
            </Group>
            {joined && settings.hasPassword && (
              <Button
                variant="subtle"
                color="red"
                loading={busy === 'disconnect'}
                onClick={() => void disconnect()}
                title={t('hub.settings.disconnectHint', { desk: deskName })}
              >
                {t('hub.settings.disconnect')}
              </Button>
            )}
          </Group>
        </form>
      </Stack>
      <NewHubConfirm
        message={problems.newHub ?? null}
        busy={busy === 'connect'}
        onCancel={() => setProblems({})}
        onConfirm={() => void connect(true)}
      />
    </Paper>
  );
}
