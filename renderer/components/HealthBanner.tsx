import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../ipc/use-channel';

/**
 * What the start-up check found that the desk must know, above every page: a damaged
 * register open read-only, changes lost since they were saved (the database behind its
 * recorded audit head), a daily backup that failed. Nothing is shown when all is well.
 */
export function HealthBanner() {
  const { t } = useTranslation('common');
  const { data: health } = useChannel((api) => api['app:health']({}), []);

  if (!health) return null;
  const messages = [
    ...(health.status === 'ok' ? [] : [t(health.messageKey)]),
    ...(health.rollback ? [t('health.rollback', health.rollback)] : []),
    ...(health.backupProblem ? [t(health.backupProblem.messageKey)] : []),
  ];
  if (messages.length === 0) return null;
  return (
    <Alert
      color={health.status === 'ok' && !health.rollback ? 'yellow' : 'red'}
      variant="light"
      icon={<IconAlertTriangle />}
      title={t('health.bannerTitle')}
      mb="md"
      data-testid="health-banner"
    >
      <Stack gap="xs">
        {messages.map((message) => (
          <Text size="sm" key={message}>
            {message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
