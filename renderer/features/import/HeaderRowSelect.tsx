import { Alert, List, Select } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HEADER_SEARCH_LINES } from '../../../shared/import/csv';
import type { ParsedFile, ParseFailure } from './parse-file';

/** Props of {@link HeaderRowSelect}. */
export interface HeaderRowSelectProps {
  file: Pick<ParsedFile, 'lines' | 'headerIndex' | 'problems'>;
  /** Takes another line (an index into `file.lines`) as the header row. */
  onChange: (headerIndex: number) => void;
  describe: (problem: ParseFailure) => string;
}

const MAX_OPTION_CHARS = 90;

// "Kortnummer · Namn · HSA-id …": enough of a line's first cells to recognise it.
function preview(cells: readonly string[], empty: string): string {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return empty;
  const text = filled.slice(0, 6).join(' · ');
  return text.length > MAX_OPTION_CHARS ? `${text.slice(0, MAX_OPTION_CHARS - 1)}…` : text;
}

/**
 * The header row the wizard found, as a select of the file's first lines (each with its
 * first cells), so a desk can take another when a title or a blank-looking line misled it.
 * Problems with the chosen row (a data row of another width) are listed under it.
 */
export function HeaderRowSelect({ file, onChange, describe }: HeaderRowSelectProps) {
  const { t } = useTranslation('ui');
  const options = useMemo(
    () =>
      file.lines.slice(0, HEADER_SEARCH_LINES).map((line, index) => ({
        value: String(index),
        label: t('importSource.headerRowOption', {
          line: line.line,
          cells: preview(line.cells, t('importSource.emptyCells')),
        }),
      })),
    [file.lines, t],
  );
  return (
    <>
      <Select
        label={t('importSource.headerRow')}
        description={t('importSource.headerRowHint')}
        data={options}
        value={String(file.headerIndex)}
        allowDeselect={false}
        maw={720}
        onChange={(value) => {
          if (value !== null) onChange(Number(value));
        }}
        comboboxProps={{ withinPortal: true }}
      />
      {file.problems.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('importSource.problemsTitle')}>
          <List size="sm" spacing={2}>
            {file.problems.slice(0, 20).map((p, i) => (
              <List.Item key={i}>{describe(p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
