import { Alert, Button, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { useChannel } from '../../ipc/use-channel';
import { RenameOrganisationModal } from './RenameOrganisationModal';

/**
 * "Organisationer" in Inställningar: every organisation with its HSA-id, and a way to
 * correct a name (garbled by an old import, misspelt). Each rename is audited.
 */
export function OrganisationsSection() {
  const { t } = useTranslation('ui');
  // Read again after a rename.
  const { data: organisations, error, reload } = useChannel((api) => api['organisations:list']({}), []);
  const failed = error !== null;
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [renamed, setRenamed] = useState<Organisation | null>(null);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="organisations-title">
      <Title order={2} size="h4" mb={4} id="organisations-title">
        {t('organisations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('organisations.intro')}
      </Text>
      {renamed && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status" mb="md">
          {t('organisations.saved', renamed)}
        </Alert>
      )}
      {failed && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />}>
          {t('organisations.loadError')}
        </Alert>
      )}
      {!failed && organisations === null && <Loader size="sm" aria-label={t('organisations.loading')} />}
      {organisations?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('organisations.empty')}
        </Text>
      )}
      {organisations && organisations.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={t('organisations.title')} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.name')}</Table.Th>
                <Table.Th>{t('organisations.hsaId')}</Table.Th>
                <Table.Th w={160}>{t('organisations.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisations.map((organisation) => (
                <Table.Tr key={organisation.hsaId}>
                  <Table.Td>{organisation.name}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{organisation.hsaId}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      leftSection={<IconPencil size={14} />}
                      aria-label={t('organisations.renameLabel', { name: organisation.name })}
                      onClick={() => {
                        setRenamed(null);
                        setEditing(organisation);
                      }}
                    >
                      {t('organisations.rename')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RenameOrganisationModal
        organisation={editing}
        onClose={() => setEditing(null)}
        onRenamed={(organisation) => {
          setEditing(null);
          setRenamed(organisation);
          reload();
        }}
      />
    </Paper>
  );
}
