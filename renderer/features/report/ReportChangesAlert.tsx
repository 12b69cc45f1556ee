import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportChanges, ReportFigures } from '../../../shared/report/monthly-schema';
import { formatIsoLocal } from '../../lib/time';

const FIGURES = ['activeAtEnd', 'newlyIssued', 'ofWhichExtensions'] as const;
const LEVELS = ['level2', 'level3'] as const;

/** "Label N2: 3 → 4" for each figure that differs. */
function useFigureDiffs() {
  const { t } = useTranslation('ui');
  return (before: ReportFigures | null, after: ReportFigures | null): string[] => {
    const out: string[] = [];
    for (const key of FIGURES) {
      for (const level of LEVELS) {
        const a = before?.[key][level] ?? 0;
        const b = after?.[key][level] ?? 0;
        if (a !== b) {
          out.push(
            t('report.changed.field', {
              label: `${t(`report.${key}`)} ${t(`report.${level === 'level2' ? 'levelShort2' : 'levelShort3'}`)}`,
              before: a,
              after: b,
            }),
          );
        }
      }
    }
    return out;
  };
}

/** The month was exported, and the data changed since: what changed, so a correction can go out. */
export function ReportChangesAlert({ changes }: { changes: ReportChanges }) {
  const { t } = useTranslation('ui');
  const diffs = useFigureDiffs();
  const reasons = changes.level2Reasons;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={t('report.changed.title')}>
      <Text size="sm" mb="xs">
        {t('report.changed.body', { time: formatIsoLocal(changes.exportedAt) })}
      </Text>
      <List size="sm" spacing={4}>
        {changes.organisations.map((org) => {
          const parts =
            org.exported === null
              ? [t('report.changed.newOrganisation'), ...diffs(null, org.current)]
              : org.current === null
                ? [t('report.changed.removedOrganisation')]
                : diffs(org.exported, org.current);
          return (
            <List.Item key={org.organisationHsaId}>
              <Text span fw={600} size="sm">
                {t('report.changed.organisation', {
                  name: org.organisationName,
                  hsaId: org.organisationHsaId,
                })}
              </Text>
              : {parts.join('; ')}
            </List.Item>
          );
        })}
        {changes.totals && (
          <List.Item>
            <Text span fw={600} size="sm">
              {t('report.changed.totals')}
            </Text>
            : {diffs(changes.totals.exported, changes.totals.current).join('; ')}
          </List.Item>
        )}
        {reasons.added.length > 0 && (
          <List.Item>{t('report.changed.reasonsAdded', { count: reasons.added.length })}</List.Item>
        )}
        {reasons.removed.length > 0 && (
          <List.Item>{t('report.changed.reasonsRemoved', { count: reasons.removed.length })}</List.Item>
        )}
        {reasons.changed.length > 0 && (
          <List.Item>{t('report.changed.reasonsChanged', { count: reasons.changed.length })}</List.Item>
        )}
      </List>
    </Alert>
  );
}
