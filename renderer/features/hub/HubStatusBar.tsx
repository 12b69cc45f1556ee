import { Anchor, Badge, Group, Loader, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HubSyncStatus } from '../../../shared/ipc/hub';
import { routeHash } from '../../lib/hash-route';
import { formatIsoLocal } from '../../lib/time';
import { useScope } from './ScopeControl';
import { useHubStatus } from './use-hub-status';

/** The last error in the UI's language: the hub's own English when the UI is in English. */
export function errorText(status: HubSyncStatus, language: string): string | null {
  const error = status.lastError;
  if (!error) return null;
  return language === 'en' ? error.messageEn : error.message;
}

/** "14:05" for a time today, otherwise "2026-12-04 14:05". */
function shortTime(iso: string, now = Date.now()): string {
  const text = formatIsoLocal(iso);
  return text.slice(0, 10) === formatIsoLocal(new Date(now).toISOString()).slice(0, 10)
    ? text.slice(11)
    : text;
}

/**
 * The regional hub's state at a glance, for the app's header (SPEC §8): when the region's
 * data was last pulled, how many events wait to be pushed, and the last error (red when a
 * person must act, orange while the sync retries by itself) with a link to Settings; and a
 * changed exported region report with a link to it. Hidden when no hub is configured.
 */
export function HubStatusBar() {
  const { t, i18n } = useTranslation('ui');
  const { status } = useHubStatus();
  const { setScope } = useScope();
  if (!status || status.state === 'off') return null;

  const failing = status.state === 'stopped' || status.state === 'retrying' || status.state === 'no-password';
  const severe = status.state === 'stopped' || status.state === 'no-password';
  const message = status.state === 'no-password' ? null : errorText(status, i18n.language);
  const problem =
    status.state === 'no-password'
      ? t('hub.status.noPassword')
      : status.state === 'stopped'
        ? t('hub.status.stopped')
        : status.state === 'retrying'
          ? status.nextAttemptAt
            ? t('hub.status.retryAt', { time: shortTime(status.nextAttemptAt) })
            : t('hub.status.failed')
          : null;

  return (
    <Group
      gap="sm"
      wrap="nowrap"
      role="status"
      aria-label={t('hub.status.label')}
      data-sync-state={status.state}
      style={{ minWidth: 0 }}
    >
      <ThemeIcon
        size={28}
        radius="xl"
        variant="light"
        color={severe ? 'red' : failing ? 'orange' : 'teal'}
        aria-hidden
      >
        {status.state === 'running' ? (
          <Loader size={14} color="teal" />
        ) : failing ? (
          <IconCloudOff size={16} stroke={1.8} />
        ) : (
          <IconCloudCheck size={16} stroke={1.8} />
        )}
      </ThemeIcon>
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {status.state === 'running'
          ? t('hub.status.running')
          : status.lastPullAt
            ? t('hub.status.regionDataFrom', { time: formatIsoLocal(status.lastPullAt) })
            : t('hub.status.noRegionData')}
      </Text>
      {status.pending > 0 && (
        <Badge variant="light" color="gray" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          {t('hub.status.pending', { count: status.pending })}
        </Badge>
      )}
      {problem && (
        <Tooltip label={message ?? problem} multiline maw={420} withArrow disabled={!message}>
          <Anchor
            href={routeHash({ page: 'settings' })}
            size="sm"
            fw={600}
            c={severe ? 'red.8' : 'orange.9'}
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
            aria-label={`${problem}. ${message ?? ''} ${t('hub.status.openSettings')}`.trim()}
          >
            <IconAlertTriangle size={16} stroke={1.8} aria-hidden />
            {problem}
          </Anchor>
        </Tooltip>
      )}
      {status.changedReportedMonths.length > 0 && (
        <Tooltip
          label={t('hub.status.changedReport', { months: status.changedReportedMonths.join(', ') })}
          withArrow
        >
          <Anchor
            href={routeHash({ page: 'report' })}
            onClick={() => setScope('region')}
            size="sm"
            fw={600}
            c="orange.9"
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
            aria-label={`${t('hub.status.changedReportShort', { months: status.changedReportedMonths.join(', ') })}: ${t('hub.status.changedReport', { months: status.changedReportedMonths.join(', ') })}. ${t('hub.status.openReport')}`}
          >
            <IconFileAlert size={16} stroke={1.8} aria-hidden />
            {t('hub.status.changedReportShort', { months: status.changedReportedMonths.join(', ') })}
          </Anchor>
        </Tooltip>
      )}
    </Group>
  );
}
