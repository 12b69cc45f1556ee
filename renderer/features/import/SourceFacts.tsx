import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParsedFile } from './parse-file';

/** Props of {@link SourceFacts}. */
export interface SourceFactsProps {
  file: Pick<ParsedFile, 'encoding' | 'lines' | 'headerIndex'>;
}

/**
 * What the wizard made of the file, shown beside its name from the mapping step on: the
 * encoding a CSV was read in (so a desk sees that Excel's Windows-1252 was recognised) and
 * the line taken as the header row.
 */
export function SourceFacts({ file }: SourceFactsProps) {
  const { t } = useTranslation('ui');
  const header = file.lines[file.headerIndex];
  return (
    <Group gap="lg" data-testid="import-source-facts">
      {file.encoding && (
        <Text size="sm" c="dimmed">
          {t('importSource.encoding', { encoding: t(`importSource.encodingName.${file.encoding}`) })}
        </Text>
      )}
      {header && (
        <Text size="sm" c="dimmed">
          {t('importSource.headerRowTaken', { line: header.line })}
        </Text>
      )}
    </Group>
  );
}
