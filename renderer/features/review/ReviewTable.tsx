import { Anchor, Button, Group, Table } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconCalendarPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ManualEndReason, ReviewEntry } from '../../../shared/domain/lifecycle';
import { formatIsoLocal } from '../../lib/time';

/** Props of {@link ReviewTable}. */
export interface ReviewTableProps {
  label: string;
  entries: ReviewEntry[];
  busy: string | null;
  onEnd: (entry: ReviewEntry, reason: ManualEndReason) => void;
  onExtend: (entry: ReviewEntry) => void;
}

/** One list of "Att följa upp", each card with its one-click actions: returned, revoked, extend. */
export function ReviewTable({ label, entries, busy, onEnd, onExtend }: ReviewTableProps) {
  const { t } = useTranslation('ui');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={label} highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.cardNumber')}</Table.Th>
            <Table.Th>{t('review.holder')}</Table.Th>
            <Table.Th>{t('review.organisation')}</Table.Th>
            <Table.Th>{t('review.expiresAt')}</Table.Th>
            <Table.Th>{t('review.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.cardId}>
              <Table.Td ff="monospace" fz="sm">
                <Anchor href={`#/register/${encodeURIComponent(entry.cardId)}`} ff="monospace" fz="sm">
                  {entry.cardNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{entry.holderName}</Table.Td>
              <Table.Td fz="sm">{entry.organisationHsaId}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatIsoLocal(entry.expiresAt)}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconArrowBackUp size={14} />}
                    aria-label={t('review.returnedLabel', { cardNumber: entry.cardNumber })}
                    disabled={busy !== null}
                    loading={busy === `${entry.cardId}:returned`}
                    onClick={() => onEnd(entry, 'returned')}
                  >
                    {t('review.returned')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    leftSection={<IconBan size={14} />}
                    aria-label={t('review.revokedLabel', { cardNumber: entry.cardNumber })}
                    disabled={busy !== null}
                    loading={busy === `${entry.cardId}:revoked`}
                    onClick={() => onEnd(entry, 'revoked')}
                  >
                    {t('review.revoked')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconCalendarPlus size={14} />}
                    aria-label={t('review.extendLabel', { cardNumber: entry.cardNumber })}
                    disabled={busy !== null}
                    onClick={() => onExtend(entry)}
                  >
                    {t('review.extend')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
