import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../ipc/use-channel';
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
  // The last list stays in view while a changed card's entries are read again.
  const { data: entries, error } = useChannel(
    (api) => api['audit:list']({ cardId, limit: 100 }),
    [cardId, version],
  );
  const loaded = entries !== null || error !== null;

  return (
    <Stack gap="xs" component="section" aria-label={t('audit.section')}>
      <Title order={3} size="h5">
        {t('audit.section')}
      </Title>
      {!loaded && <Loader size="xs" aria-label={t('audit.loading')} />}
      {error !== null && (
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
