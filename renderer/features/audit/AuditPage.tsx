import { Alert, Button, Card, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditListEntry } from '../../../shared/ipc/contract';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../ipc/client';
import { AuditCells, AuditHeaderCells } from './AuditCells';
import { AuditSubjectCell } from './AuditSubjectCell';

const PAGE = 100;

/** "Händelser": the whole audit log, newest first, optionally only one card's entries. */
export function AuditPage() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [cardId, setCardId] = useState('');
  const [filter] = useDebouncedValue(cardId.trim(), 300);
  const [limit, setLimit] = useState(PAGE);
  const [loaded, setLoaded] = useState<{ key: string; entries: AuditListEntry[] | null } | null>(null);
  const key = `${filter}|${limit}`;

  useEffect(() => {
    let live = true;
    void api['audit:list']({ ...(filter ? { cardId: filter } : {}), limit, offset: 0 }).then((result) => {
      if (live) setLoaded({ key: `${filter}|${limit}`, entries: result.ok ? result.value : null });
    });
    return () => {
      live = false;
    };
  }, [api, filter, limit]);

  const entries = loaded?.entries ?? null;

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
      {loaded === null && <Loader size="sm" aria-label={t('audit.loading')} />}
      {loaded !== null && entries === null && (
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
          {entries.length >= limit && loaded?.key === key && (
            <Button variant="subtle" mt="sm" onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}>
              {t('audit.more')}
            </Button>
          )}
        </Card>
      )}
    </Stack>
  );
}
