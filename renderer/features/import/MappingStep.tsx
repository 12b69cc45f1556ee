import { Alert, Badge, Select, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardField } from '../../../shared/import/card-rows';
import {
  duplicateTargets,
  MAPPABLE_FIELDS,
  matchHeader,
  missingRequired,
  type ColumnTarget,
} from './column-matching';
import type { ParsedFile } from './parse-file';

/** Props of {@link MappingStep}. */
export interface MappingStepProps {
  file: ParsedFile;
  mapping: ColumnTarget[];
  onChange: (mapping: ColumnTarget[]) => void;
}

const IGNORE = '__ignore__';

/** Step 2: one select per source column, pre-filled from the headers, with a sample value. */
export function MappingStep({ file, mapping, onChange }: MappingStepProps) {
  const { t } = useTranslation('ui');
  const options = useMemo(
    () => [
      { value: IGNORE, label: t('importWizard.mapping.ignore') },
      ...MAPPABLE_FIELDS.map((f) => ({ value: f, label: `${t(`common:field.${f}`)} (${f})` })),
    ],
    [t],
  );
  const missing = missingRequired(mapping);
  const duplicates = duplicateTargets(mapping);
  const label = (f: CardField) => t(`common:field.${f}`);
  const sample = (index: number) =>
    file.records.slice(0, 20).find((r) => (r.cells[index] ?? '').trim() !== '')?.cells[index] ?? '';

  return (
    <>
      <Text size="sm" c="dimmed">
        {t('importWizard.mapping.intro')}
      </Text>
      {missing.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          {t('importWizard.mapping.missing', { fields: missing.map(label).join(', ') })}
        </Alert>
      )}
      {duplicates.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {t('importWizard.mapping.duplicate', { fields: duplicates.map(label).join(', ') })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" highlightOnHover withTableBorder bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importWizard.mapping.source')}</Table.Th>
              <Table.Th>{t('importWizard.mapping.sample')}</Table.Th>
              <Table.Th w={340}>{t('importWizard.mapping.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.header.map((header, index) => {
              const target = mapping[index] ?? null;
              const auto = target !== null && matchHeader(header) === target;
              return (
                <Table.Tr key={index}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {header || `(${index + 1})`}
                    </Text>
                    {auto && (
                      <Badge size="xs" variant="light" color="teal" mt={2}>
                        {t('importWizard.mapping.autoMatched')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1} maw={280}>
                      {sample(index)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="sm"
                      aria-label={t('importWizard.mapping.targetLabel', { column: header || index + 1 })}
                      data={options}
                      value={target ?? IGNORE}
                      allowDeselect={false}
                      searchable
                      error={target !== null && duplicates.includes(target)}
                      onChange={(value) => {
                        const next = [...mapping];
                        next[index] = !value || value === IGNORE ? null : (value as CardField);
                        onChange(next);
                      }}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
