import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/domain/decision';

const mono = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The decisions, the one in force today marked. */
export function DecisionTable({ decisions, inForce }: { decisions: Decision[]; inForce: string | null }) {
  const { t } = useTranslation('ui');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label={t('decisions.listLabel')} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('decisions.column.id')}</Table.Th>
            <Table.Th>{t('decisions.column.title')}</Table.Th>
            <Table.Th>{t('decisions.column.period')}</Table.Th>
            <Table.Th>{t('decisions.column.maxDays')}</Table.Th>
            <Table.Th>{t('decisions.column.withoutPersonnummerUntil')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((d) => (
            <Table.Tr key={d.id} bg={d.id === inForce ? 'teal.0' : undefined}>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {d.id}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {d.title}
                  </Text>
                  {d.id === inForce && (
                    <Badge color="teal" variant="light" radius="sm" tt="none">
                      {t('decisions.inForce')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={mono}>
                {d.from} – {d.to}
              </Table.Td>
              <Table.Td style={mono}>{t('decisions.days', { count: d.maxValidityDays })}</Table.Td>
              <Table.Td style={mono}>{d.withoutPersonnummerUntil ?? t('decisions.sameAsTo')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
