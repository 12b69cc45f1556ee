import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlyReportStatus } from '../../../shared/ipc/report';
import { formatIsoLocal } from '../../lib/time';
import { OrganisationTable, ReasonsTable } from './ReportTables';

/**
 * The month's §5 statistics as two cards: per organisation (with the period and whether the
 * month has been reported), and the level-2 reasons. The desk's report and the region's
 * have the same shape.
 */
export function MonthReportCards({ status }: { status: MonthlyReportStatus }) {
  const { t } = useTranslation('ui');
  return (
    <>
      <Card withBorder radius="md" padding="lg" component="section" aria-label={t('report.organisations')}>
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t('report.organisations')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('report.period', {
                start: formatIsoLocal(status.report.periodStart),
                end: formatIsoLocal(status.report.periodEnd),
              })}
            </Text>
          </Stack>
          <Badge variant="light" color={status.reported ? (status.changes ? 'yellow' : 'green') : 'gray'}>
            {status.reported
              ? t('report.reportedAt', { time: formatIsoLocal(status.reported.exportedAt) })
              : t('report.notReported')}
          </Badge>
        </Group>
        <OrganisationTable report={status.report} />
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-label={t('report.reasons')}>
        <Title order={2} size="h4">
          {t('report.reasons')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('report.reasonsHint')}
        </Text>
        <ReasonsTable report={status.report} />
      </Card>
    </>
  );
}
