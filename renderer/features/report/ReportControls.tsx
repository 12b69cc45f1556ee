import { Alert, Button, Group, Loader, Menu, Select, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
  IconJson,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportFileFormat } from '../../../shared/report/monthly-schema';
import type { ExportOutcome } from './use-report-state';

const FORMATS: { format: ReportFileFormat; icon: typeof IconJson }[] = [
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'csv', icon: IconFileText },
  { format: 'json', icon: IconJson },
];

/** Props of {@link ReportControls}. */
export interface ReportControlsProps {
  months: string[];
  month: string;
  onMonth: (month: string) => void;
  exporting: boolean;
  /** False until the month's report has been read. */
  canExport: boolean;
  onExport: (format: ReportFileFormat) => void;
}

/** The month picker and the "Exportera" menu (XLSX, CSV, JSON) of a monthly report. */
export function ReportControls({
  months,
  month,
  onMonth,
  exporting,
  canExport,
  onExport,
}: ReportControlsProps) {
  const { t } = useTranslation('ui');
  return (
    <Group gap="sm" wrap="nowrap" align="flex-end">
      <Select
        label={t('report.month')}
        data={months}
        value={month}
        onChange={(value) => {
          if (value) onMonth(value);
        }}
        allowDeselect={false}
        w={130}
        maxDropdownHeight={280}
      />
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button
            leftSection={<IconDownload size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={exporting}
            disabled={!canExport}
          >
            {t('report.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map(({ format, icon: Icon }) => (
            <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => onExport(format)}>
              {t(`report.exportAs.${format}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** How the last export went, until closed. */
export function ExportOutcomeAlert({
  outcome,
  onClose,
}: {
  outcome: ExportOutcome | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('ui');
  if (outcome?.ok === true)
    return (
      <Alert color="green" variant="light" title={t('report.exported')} withCloseButton onClose={onClose}>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {t('report.exportedFiles', { files: outcome.files.join(', ') })}
        </Text>
      </Alert>
    );
  if (outcome?.ok === false)
    return (
      <Alert color="red" variant="light" title={t('report.exportFailed')} withCloseButton onClose={onClose}>
        {outcome.message}
      </Alert>
    );
  return null;
}

/** While the month's report is read: a spinner; when it could not be: the error and a retry. */
export function ReportLoadState({
  read,
  failed,
  onRetry,
}: {
  read: boolean;
  failed: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation('ui');
  if (!read) return <Loader size="sm" aria-label={t('report.loading')} />;
  if (!failed) return null;
  return (
    <Alert color="red" variant="light" title={t('report.loadError')}>
      <Button size="xs" variant="light" color="red" onClick={onRetry}>
        {t('report.retry')}
      </Button>
    </Alert>
  );
}
