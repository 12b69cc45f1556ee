import { Alert, Anchor, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDecisionCoverage } from '../../../shared/rules/decisions';
import { routeHash } from '../../lib/hash-route';
import { useDecisions } from './use-decisions';

/**
 * Says plainly when no dispensation decision covers today: every level-2 card registered
 * now is a violation until a new decision is entered. Nothing is shown while loading.
 */
export function NoDecisionBanner({ mb = 'md' }: { mb?: 0 | 'md' }) {
  const { t } = useTranslation('ui');
  const { decisions } = useDecisions();
  const [now] = useState(() => Date.now());
  if (decisions === null || decisions === 'failed') return null;
  if (describeDecisionCoverage(now, decisions) !== null) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconInfoCircle />}
      mb={mb}
      role="note"
      data-testid="no-decision-banner"
    >
      <Text size="sm">
        {t('banner.noDecision')}{' '}
        <Anchor href={routeHash({ page: 'decisions' })} size="sm" fw={600}>
          {t('banner.toDecisions')}
        </Anchor>
      </Text>
    </Alert>
  );
}
