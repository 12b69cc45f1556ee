import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlyReportStatus, ReportHistory } from '../../../shared/ipc/report';
import type { IpcResult } from '../../../shared/ipc/result';
import { PageHeader } from '../../components/PageHeader';
import { useChannel } from '../../ipc/use-channel';
import { useCardsChanged } from '../lifecycle/cards-changed';
import { RegionReportPage } from '../hub/RegionReportPage';
import { ScopeBar, useScope } from '../hub/ScopeControl';
import { HistoryChart } from './HistoryChart';
import { MonthReportCards } from './MonthReportCards';
import { ExportOutcomeAlert, ReportControls, ReportLoadState } from './ReportControls';
import { ReportChangesAlert } from './ReportChangesAlert';
import { useReportExport, useReportMonths } from './use-report-state';

type Loaded = { month: string; status: MonthlyReportStatus | null; history: ReportHistory | null };

/** "Månadsrapport": the month's statistics as Inera gets them, a 12-month chart, and the export. */
export function ReportPage({ now }: { now?: number }) {
  const { t } = useTranslation('ui');
  const { months, month, setMonth } = useReportMonths(now);

  // The month's report stays in view while it is read again after a change.
  const { data: loaded, reload } = useChannel(
    async (api): Promise<IpcResult<Loaded>> => {
      const [status, history] = await Promise.all([
        api['report:monthly']({ month }),
        api['report:history']({ months: 12, endMonth: month }),
      ]);
      return {
        ok: true,
        value: { month, status: status.ok ? status.value : null, history: history.ok ? history.value : null },
      };
    },
    [month],
  );
  useCardsChanged(reload);
  const exports = useReportExport('report:export', month, reload);
  // "Den här kortstationen" | "Hela regionen", once the register has joined a regional hub.
  const scope = useScope();

  const current = loaded?.month === month ? loaded : null;
  const status = current?.status ?? null;

  if (scope.scope === 'region') {
    return <RegionReportPage onScope={scope.setScope} {...(now === undefined ? {} : { now })} />;
  }

  return (
    <Stack gap="lg">
      {scope.offered && <ScopeBar scope="desk" onChange={scope.setScope} />}
      <PageHeader
        title={t('report.title')}
        description={t('report.intro')}
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
      {status?.changes && <ReportChangesAlert changes={status.changes} />}
      {status && <MonthReportCards status={status} />}
      {current?.history && (
        <Card withBorder radius="md" padding="lg" component="section" aria-label={t('report.chart')}>
          <Title order={2} size="h4">
            {t('report.chart')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('report.chartHint')}
          </Text>
          <HistoryChart history={current.history} />
        </Card>
      )}
    </Stack>
  );
}
