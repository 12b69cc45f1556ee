import { Alert, Button, Card, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useChannel } from '../../ipc/use-channel';
import { AuditCells, AuditHeaderCells } from './AuditCells';
import { AuditSubjectCell } from './AuditSubjectCell';

const PAGE = 100;

/** "Händelser": the whole audit log, newest first, optionally only one card's entries. */
export function AuditPage() {
  const { t } = useTranslation('ui');
  const [cardId, setCardId] = useState('');
  const [filter] = useDebouncedValue(cardId.trim(), 300);
  const [limit, setLimit] = useState(PAGE);
  // The last list stays in view while another filter or a longer list is read.
  const {
    data: entries,
    error,
    loading,
  } = useChannel(
    (api) => api['audit:list']({ ...(filter ? { cardId: filter } : {}), limit, offset: 0 }),
    [filter, limit],
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <TextInput
        label={t('audit.filterCard')}
        placeholder={t('audit.filterCardPlaceholder')}
        value={cardId}
        onChange={(event) => {
          setCardId(event.currentTarget.value);
          setLimit(PAGE);
        }}
        maw={420}
      />
      {entries === null && error === null && <Loader size="sm" aria-label={t('audit.loading')} />}
      {error !== null && (
        <Alert color="red" variant="light">
          {t('audit.loadError')}
        </Alert>
      )}
      {entries && entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {entries && entries.length > 0 && (
        <Card withBorder radius="md" padding="md">
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('audit.title')} striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <AuditHeaderCells />
                  <Table.Th>{t('audit.entity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.seq}>
                    <AuditCells entry={entry} />
                    <Table.Td fz="sm">
                      <AuditSubjectCell entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.length >= limit && !loading && (
            <Button variant="subtle" mt="sm" onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}>
              {t('audit.more')}
            </Button>
          )}
        </Card>
      )}
    </Stack>
  );
}
