import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RegionReportStatus } from '../../../shared/ipc/hub';
import type { IpcResult } from '../../../shared/ipc/result';
import { PageHeader } from '../../components/PageHeader';
import { useChannel } from '../../ipc/use-channel';
import { formatIsoLocal } from '../../lib/time';
import { useCardsChanged } from '../lifecycle/cards-changed';
import { MonthReportCards } from '../report/MonthReportCards';
import { ExportOutcomeAlert, ReportControls, ReportLoadState } from '../report/ReportControls';
import { ReportChangesAlert } from '../report/ReportChangesAlert';
import { useReportExport, useReportMonths } from '../report/use-report-state';
import { CoverageTable } from './CoverageTable';
import { ScopeBar, type Scope } from './ScopeControl';

type Loaded = { month: string; status: RegionReportStatus | null };

/** Props of {@link RegionReportPage}. */
export interface RegionReportPageProps {
  onScope: (scope: Scope) => void;
  now?: number;
}

/**
 * "Månadsrapport" in "Hela regionen" (SPEC §8): the §5 statistics over every station's
 * cards this desk has pulled, each station's last push — with a warning for stations that
 * have not pushed since the month ended, so a coordinator sees whether the month is
 * complete — the changed-since-export alert against this desk's last region export, and
 * the export itself.
 */
export function RegionReportPage({ onScope, now }: RegionReportPageProps) {
  const { t } = useTranslation('ui');
  const { months, month, setMonth } = useReportMonths(now);

  // The month's report stays in view while it is read again after a change.
  const { data: loaded, reload } = useChannel(
    async (api): Promise<IpcResult<Loaded>> => {
      const result = await api['region:report']({ month });
      return { ok: true, value: { month, status: result.ok ? result.value : null } };
    },
    [month],
  );
  useCardsChanged(reload);
  const exports = useReportExport('region:export', month, reload);

  const current = loaded?.month === month ? loaded : null;
  const status = current?.status ?? null;
  const behind = status?.monthEnded ? status.coverage.filter((s) => !s.pushedAfterMonthEnd) : [];

  return (
    <Stack gap="lg">
      <ScopeBar scope="region" onChange={onScope} />
      <PageHeader
        title={t('hub.report.title')}
        description={t('hub.report.intro')}
        right={
          <ReportControls
            months={months}
            month={month}
            onMonth={(value) => {
              setMonth(value);
              exports.clearOutcome();
            }}
            exporting={exports.exporting}
            canExport={status !== null}
            onExport={(format) => void exports.exportAs(format)}
          />
        }
      />
      <ExportOutcomeAlert outcome={exports.outcome} onClose={exports.clearOutcome} />
      <ReportLoadState read={current !== null} failed={current !== null && !status} onRetry={reload} />
      {status && !status.lastPullAt && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {t('hub.report.notSynced')}
        </Alert>
      )}
      {behind.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('hub.report.incompleteTitle')}
        >
          {t('hub.report.incompleteBody', {
            count: behind.length,
            stations: behind.map((s) => s.name).join(', '),
          })}
        </Alert>
      )}
      {status?.changes && <ReportChangesAlert changes={status.changes} />}
      {status && (
        <>
          <Card withBorder radius="md" padding="lg" component="section" aria-label={t('hub.report.coverage')}>
            <Group justify="space-between" mb={4} wrap="wrap">
              <Title order={2} size="h4">
                {t('hub.report.coverage')}
              </Title>
              {status.lastPullAt && (
                <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('hub.report.regionDataFrom', { time: formatIsoLocal(status.lastPullAt) })}
                </Text>
              )}
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {t('hub.report.coverageHint')}
            </Text>
            <CoverageTable status={status} />
          </Card>
          <MonthReportCards status={status} />
        </>
      )}
    </Stack>
  );
}
