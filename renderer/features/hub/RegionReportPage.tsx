import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconCircleCheck,
  IconClockHour4,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
  IconJson,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionReportStatus, StationCoverage } from '../../../shared/ipc/hub';
import type { IpcResult } from '../../../shared/ipc/result';
import type { ReportFileFormat } from '../../../shared/report/monthly-schema';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { formatIsoLocal, listRecentMonths } from '../../lib/time';
import { useCardsChanged } from '../lifecycle/cards-changed';
import { toActionErrors } from '../lifecycle/field-messages';
import { ReportChangesAlert } from '../report/ReportChangesAlert';
import { OrganisationTable, ReasonsTable } from '../report/ReportTables';
import { ScopeBar, type Scope } from './ScopeControl';

const FORMATS: { format: ReportFileFormat; icon: typeof IconJson }[] = [
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'csv', icon: IconFileText },
  { format: 'json', icon: IconJson },
];

type Loaded = { month: string; status: RegionReportStatus | null };
type Outcome = { ok: true; files: string[] } | { ok: false; message: string };

/** Each station's last push, and whether its cards of the month are in. */
function CoverageTable({ status }: { status: RegionReportStatus }) {
  const { t } = useTranslation('ui');
  const badge = (station: StationCoverage) => {
    if (!status.monthEnded)
      return (
        <Badge variant="light" color="gray" radius="sm" tt="none" leftSection={<IconClockHour4 size={12} />}>
          {t('hub.report.monthOpen')}
        </Badge>
      );
    return station.pushedAfterMonthEnd ? (
      <Badge variant="light" color="teal" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} />}>
        {t('hub.report.complete')}
      </Badge>
    ) : (
      <Badge
        variant="light"
        color="orange"
        radius="sm"
        tt="none"
        leftSection={<IconAlertTriangle size={12} />}
      >
        {t('hub.report.incomplete')}
      </Badge>
    );
  };
  return (
    <Table verticalSpacing={6} aria-label={t('hub.report.coverage')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('hub.report.station')}</Table.Th>
          <Table.Th>{t('hub.report.lastPush')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {status.coverage.map((station) => (
          <Table.Tr key={station.id} data-station={station.id}>
            <Table.Td>
              <Text size="sm" fw={500} span>
                {station.name}
              </Text>
              {station.own && (
                <Text size="sm" c="dimmed" span>
                  {' '}
                  ({t('hub.report.own')})
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
              {station.lastPush ? formatIsoLocal(station.lastPush) : t('hub.report.neverPushed')}
            </Table.Td>
            <Table.Td>{badge(station)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

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
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [clock] = useState(() => now ?? Date.now());
  const months = useMemo(() => listRecentMonths(clock, 37).slice(1), [clock]);
  const [month, setMonth] = useState(months[0]!);
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // The month's report stays in view while it is read again after a change.
  const { data: loaded, reload } = useChannel(
    async (api): Promise<IpcResult<Loaded>> => {
      const result = await api['region:report']({ month });
      return { ok: true, value: { month, status: result.ok ? result.value : null } };
    },
    [month],
  );
  useCardsChanged(reload);

  const current = loaded?.month === month ? loaded : null;
  const status = current?.status ?? null;
  const behind = status?.monthEnded ? status.coverage.filter((s) => !s.pushedAfterMonthEnd) : [];

  const exportAs = async (format: ReportFileFormat) => {
    setExporting(true);
    setOutcome(null);
    const result = await api['region:export']({ month, format });
    setExporting(false);
    if (!result.ok) {
      setOutcome({ ok: false, message: toActionErrors(result.error, tc).general.join(' ') });
      return;
    }
    if ('cancelled' in result.value) return;
    setOutcome({ ok: true, files: result.value.files });
    reload();
  };

  return (
    <Stack gap="lg">
      <ScopeBar scope="region" onChange={onScope} />
      <PageHeader
        title={t('hub.report.title')}
        description={t('hub.report.intro')}
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
                  loading={exporting}
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
      {!current && <Loader size="sm" aria-label={t('report.loading')} />}
      {current && !status && (
        <Alert color="red" variant="light" title={t('report.loadError')}>
          <Button size="xs" variant="light" color="red" onClick={reload}>
            {t('report.retry')}
          </Button>
        </Alert>
      )}
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
    </Stack>
  );
}
