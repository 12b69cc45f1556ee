import { Alert, Badge, Button, Card, Group, Loader, Menu, Select, Stack, Text, Title } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
  IconJson,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyReportStatus, ReportHistory } from '../../../shared/ipc/report';
import type { IpcResult } from '../../../shared/ipc/result';
import type { ReportFileFormat } from '../../../shared/report/monthly-schema';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { formatIsoLocal, listRecentMonths } from '../../lib/time';
import { useCardsChanged } from '../lifecycle/cards-changed';
import { toActionErrors } from '../lifecycle/field-messages';
import { RegionReportPage } from '../hub/RegionReportPage';
import { ScopeBar, useScope } from '../hub/ScopeControl';
import { HistoryChart } from './HistoryChart';
import { ReportChangesAlert } from './ReportChangesAlert';
import { OrganisationTable, ReasonsTable } from './ReportTables';

const FORMATS: { format: ReportFileFormat; icon: typeof IconJson }[] = [
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'csv', icon: IconFileText },
  { format: 'json', icon: IconJson },
];

type Loaded = { month: string; status: MonthlyReportStatus | null; history: ReportHistory | null };
type Outcome = { ok: true; files: string[] } | { ok: false; message: string };

/** "Månadsrapport": the month's statistics as Inera gets them, a 12-month chart, and the export. */
export function ReportPage({ now }: { now?: number }) {
  const { t } = useTranslation('ui');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [clock] = useState(() => now ?? Date.now());
  // The previous month (Stockholm) first, then three years back.
  const months = useMemo(() => listRecentMonths(clock, 37).slice(1), [clock]);
  const [month, setMonth] = useState(months[0]!);
  const [exporting, setExporting] = useState<ReportFileFormat | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

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
  // "Den här kortstationen" | "Hela regionen", once the register has joined a regional hub.
  const scope = useScope();

  const current = loaded?.month === month ? loaded : null;
  const status = current?.status ?? null;

  const exportAs = async (format: ReportFileFormat) => {
    setExporting(format);
    setOutcome(null);
    const result = await api['report:export']({ month, format });
    setExporting(null);
    if (!result.ok) {
      setOutcome({ ok: false, message: toActionErrors(result.error, tc).general.join(' ') });
      return;
    }
    if ('cancelled' in result.value) return;
    setOutcome({ ok: true, files: result.value.files });
    reload();
  };

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
          <Group gap="sm" wrap="nowrap" align="flex-end">
            <Select
              label={t('report.month')}
              data={months}
              value={month}
              onChange={(value) => {
                if (value) {
                  setMonth(value);
                  setOutcome(null);
                }
              }}
              allowDeselect={false}
              w={130}
              maxDropdownHeight={280}
            />
            <Menu position="bottom-end" shadow="md" withinPortal>
              <Menu.Target>
                <Button
                  leftSection={<IconDownload size={16} />}
                  rightSection={<IconChevronDown size={14} />}
                  loading={exporting !== null}
                  disabled={!status}
                >
                  {t('report.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {FORMATS.map(({ format, icon: Icon }) => (
                  <Menu.Item
                    key={format}
                    leftSection={<Icon size={16} />}
                    onClick={() => void exportAs(format)}
                  >
                    {t(`report.exportAs.${format}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      />
      {outcome?.ok === true && (
        <Alert
          color="green"
          variant="light"
          title={t('report.exported')}
          withCloseButton
          onClose={() => setOutcome(null)}
        >
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {t('report.exportedFiles', { files: outcome.files.join(', ') })}
          </Text>
        </Alert>
      )}
      {outcome?.ok === false && (
        <Alert
          color="red"
          variant="light"
          title={t('report.exportFailed')}
          withCloseButton
          onClose={() => setOutcome(null)}
        >
          {outcome.message}
        </Alert>
      )}
      {loaded && !current && <Loader size="sm" aria-label={t('report.loading')} />}
      {!loaded && <Loader size="sm" aria-label={t('report.loading')} />}
      {current && !status && (
        <Alert color="red" variant="light" title={t('report.loadError')}>
          <Button size="xs" variant="light" color="red" onClick={reload}>
            {t('report.retry')}
          </Button>
        </Alert>
      )}
      {status?.changes && <ReportChangesAlert changes={status.changes} />}
      {status && (
        <>
          <Card
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-label={t('report.organisations')}
          >
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
      )}
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
