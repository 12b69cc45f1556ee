import { Badge, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RegionReportStatus, StationCoverage } from '../../../shared/ipc/hub';
import { formatIsoLocal } from '../../lib/time';

/** Each station's last push, and whether its cards of the month are in. */
export function CoverageTable({ status }: { status: RegionReportStatus }) {
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
