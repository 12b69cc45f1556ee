import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppHealth } from '../../shared/ipc/maintenance';
import { useApi } from '../ipc/ApiProvider';

/**
 * What the start-up check found that the desk must know, above every page: a damaged
 * register open read-only, changes lost since they were saved (the database behind its
 * recorded audit head), a daily backup that failed. Nothing is shown when all is well.
 */
export function HealthBanner() {
  const api = useApi();
  const { t } = useTranslation('common');
  const [health, setHealth] = useState<AppHealth | null>(null);

  useEffect(() => {
    let live = true;
    void api['app:health']({}).then((result) => {
      if (live && result.ok) setHealth(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

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
