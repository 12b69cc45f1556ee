import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntryOut } from '../../../shared/domain/lifecycle';
import { formatIsoLocal } from '../../lib/time';
import { actionDetail, actionLabel } from './audit-text';

/** The header cells every audit table starts with: when, who, what. */
export function AuditHeaderCells() {
  const { t } = useTranslation('ui');
  return (
    <>
      <Table.Th>{t('audit.at')}</Table.Th>
      <Table.Th>{t('audit.actor')}</Table.Th>
      <Table.Th>{t('audit.action')}</Table.Th>
    </>
  );
}

/** One entry's when, who and what (with its detail below), as the audit tables show them. */
export function AuditCells({ entry }: { entry: AuditEntryOut }) {
  const { t } = useTranslation('ui');
  const detail = actionDetail(entry, t);
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatIsoLocal(entry.at)}
      </Table.Td>
      <Table.Td>{entry.actor}</Table.Td>
      <Table.Td>
        {actionLabel(entry, t)}
        {detail && (
          <Text span size="xs" c="dimmed" display="block">
            {detail}
          </Text>
        )}
      </Table.Td>
    </>
  );
}
