import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport, ReportFigures } from '../../../shared/report/monthly-schema';
import { formatIsoLocal } from '../../lib/time';

const FIGURES = ['activeAtEnd', 'newlyIssued', 'ofWhichExtensions'] as const;
const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right' } as const;

function FigureCells({ figures }: { figures: ReportFigures }) {
  return (
    <>
      {FIGURES.flatMap((key) => [
        <Table.Td key={`${key}2`} style={num} data-figure={`${key}.level2`}>
          {figures[key].level2}
        </Table.Td>,
        <Table.Td key={`${key}3`} style={num} data-figure={`${key}.level3`}>
          {figures[key].level3}
        </Table.Td>,
      ])}
    </>
  );
}

/** The statistics per organisation with a totals row (SPEC §5). */
export function OrganisationTable({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation('ui');
  if (report.organisations.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('report.noOrganisations')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label={t('report.organisations')} withColumnBorders striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>{t('report.organisationHsaId')}</Table.Th>
            <Table.Th rowSpan={2}>{t('report.organisationName')}</Table.Th>
            {FIGURES.map((key) => (
              <Table.Th key={key} colSpan={2} style={{ textAlign: 'center' }}>
                {t(`report.${key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {FIGURES.flatMap((key) => [
              <Table.Th key={`${key}2`} style={num}>
                {t('report.levelShort2')}
              </Table.Th>,
              <Table.Th key={`${key}3`} style={num}>
                {t('report.levelShort3')}
              </Table.Th>,
            ])}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.organisations.map((org) => (
            <Table.Tr key={org.organisationHsaId} data-organisation={org.organisationHsaId}>
              <Table.Td ff="monospace" fz="sm">
                {org.organisationHsaId}
              </Table.Td>
              <Table.Td>{org.organisationName}</Table.Td>
              <FigureCells figures={org} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-organisation="totals" fw={700}>
            <Table.Th colSpan={2}>{t('report.totals')}</Table.Th>
            <FigureCells figures={report.totals} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every level-2 card issued in the month and why (no holder data, by design). */
export function ReasonsTable({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation('ui');
  if (report.level2Reasons.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('report.noReasons')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={t('report.reasons')} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('report.issuedAt')}</Table.Th>
            <Table.Th>{t('report.cardNumber')}</Table.Th>
            <Table.Th>{t('report.organisation')}</Table.Th>
            <Table.Th>{t('report.reason')}</Table.Th>
            <Table.Th>{t('report.reasonText')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.level2Reasons.map((row) => (
            <Table.Tr key={row.cardId}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatIsoLocal(row.issuedAt)}
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {row.cardNumber}
              </Table.Td>
              <Table.Td fz="sm">{row.organisationHsaId}</Table.Td>
              <Table.Td>{t(`common:reason.${row.reasonCode}`)}</Table.Td>
              <Table.Td>{row.reasonText}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
