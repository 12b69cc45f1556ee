import { Alert, Button, FileButton, Group, List, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseFailure } from './parse-file';
import { describeParseFailure } from './parse-failure-text';
import classes from './ImportPage.module.css';

/** Props of {@link FileStep}. */
export interface FileStepProps {
  /** Name of the file being read, with progress 0–1; null when idle. */
  reading: { name: string; progress: number } | null;
  errors: ParseFailure[];
  onFile: (file: File) => void;
}

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: a drop area and a file button for a CSV or XLSX log, with the reading progress. */
export function FileStep({ reading, errors, onFile }: FileStepProps) {
  const { t } = useTranslation('ui');
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  const describe = (e: ParseFailure) => describeParseFailure(t, e);
  return (
    <Stack gap="md">
      <div
        className={classes.dropArea}
        data-dragging={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Stack align="center" gap="xs">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconFileSpreadsheet size={26} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600}>{t('importWizard.file.drop')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            {t('importWizard.file.dropHint')}
          </Text>
          <FileButton onChange={(file) => file && onFile(file)} accept={ACCEPT}>
            {(props) => (
              <Button {...props} mt="xs" disabled={reading !== null}>
                {t('importWizard.file.choose')}
              </Button>
            )}
          </FileButton>
        </Stack>
      </div>
      {reading && (
        <Stack gap={4}>
          <Text size="sm">{t('importWizard.file.reading', { name: reading.name })}</Text>
          <Progress
            value={reading.progress * 100}
            animated
            aria-label={t('importWizard.file.reading', { name: reading.name })}
          />
        </Stack>
      )}
      {errors.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('importWizard.file.parseFailed')}>
          <List size="sm" spacing={2}>
            {errors.slice(0, 20).map((e, i) => (
              <List.Item key={i}>{describe(e)}</List.Item>
            ))}
          </List>
          {errors.length > 20 && (
            <Group mt={4}>
              <Text size="sm">{t('importWizard.preview.moreErrors', { count: errors.length - 20 })}</Text>
            </Group>
          )}
        </Alert>
      )}
    </Stack>
  );
}
