import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryOut } from '../../../shared/domain/lifecycle';
import { useApi } from '../../ipc/client';
import { AuditCells, AuditHeaderCells } from './AuditCells';

/** Props of {@link CardEvents}. */
export interface CardEventsProps {
  cardId: string;
  /** Changes whenever the card changed, to read the log again. */
  version?: number;
}

/** "Händelser": the card's audit entries, newest first — who did what, when. */
export function CardEvents({ cardId, version = 0 }: CardEventsProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [loaded, setLoaded] = useState<{ key: string; entries: AuditEntryOut[] | null } | null>(null);
  const key = `${cardId}|${version}`;

  useEffect(() => {
    let live = true;
    void api['audit:list']({ cardId, limit: 100 }).then((result) => {
      if (live) setLoaded({ key: `${cardId}|${version}`, entries: result.ok ? result.value : null });
    });
    return () => {
      live = false;
    };
  }, [api, cardId, version]);

  const entries = loaded?.key === key ? loaded.entries : loaded?.entries;

  return (
    <Stack gap="xs" component="section" aria-label={t('audit.section')}>
      <Title order={3} size="h5">
        {t('audit.section')}
      </Title>
      {loaded === null && <Loader size="xs" aria-label={t('audit.loading')} />}
      {loaded !== null && entries === null && (
        <Alert color="red" variant="light">
          {t('audit.loadError')}
        </Alert>
      )}
      {entries && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('audit.empty')}
        </Text>
      )}
      {entries && entries.length > 0 && (
        <Table fz="sm" verticalSpacing={4} aria-label={t('audit.section')}>
          <Table.Thead>
            <Table.Tr>
              <AuditHeaderCells />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.seq}>
                <AuditCells entry={entry} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
