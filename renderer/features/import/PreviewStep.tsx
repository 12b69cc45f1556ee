import { Alert, Button, Group, List, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFieldError } from '../../../shared/i18n';
import { PREVIEW_CHUNK, SINGLE_PREVIEW_LIMIT, summarise, type WizardRow } from './import-preview';
import { PreviewTable } from './PreviewTable';

/** Props of {@link PreviewStep}. */
export interface PreviewStepProps {
  rows: readonly WizardRow[];
  /** Rows checked so far while a check runs; null when idle. */
  checking: { done: number; total: number } | null;
  /** Rows were removed since the last check. */
  stale: boolean;
  failure: string | null;
  onRemove: (index: number) => void;
  onRemoveErrors: () => void;
  onRestore: () => void;
  onRevalidate: () => void;
}

type Filter = 'all' | 'errors' | 'findings';
const MAX_LISTED_ERRORS = 50;

/** Step 3: the summary, the errors that block the import, and every row in a virtualised table. */
export function PreviewStep(props: PreviewStepProps) {
  const { rows, checking, stale, failure } = props;
  const { t, i18n } = useTranslation('ui');
  const [filter, setFilter] = useState<Filter>('all');
  const summary = summarise(rows);
  const visible = useMemo(() => {
    const out: number[] = [];
    rows.forEach((row, i) => {
      if (row.removed) return;
      if (filter === 'errors' && !row.check?.errors.length) return;
      if (filter === 'findings' && !row.check?.findings.length) return;
      out.push(i);
    });
    return out;
  }, [rows, filter]);
  const errorLines = useMemo(() => {
    const lines: string[] = [];
    let total = 0;
    for (const row of rows) {
      if (row.removed || !row.check) continue;
      for (const e of row.check.errors) {
        total++;
        if (lines.length < MAX_LISTED_ERRORS) {
          lines.push(
            t('importWizard.preview.rowError', {
              row: row.source,
              error: describeFieldError(i18n.t.bind(i18n), e),
            }),
          );
        }
      }
    }
    return { lines, more: total - lines.length };
  }, [rows, t, i18n]);

  return (
    <Stack gap="sm">
      {summary.count + summary.removed > SINGLE_PREVIEW_LIMIT && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('importWizard.preview.chunked', { limit: SINGLE_PREVIEW_LIMIT, chunk: PREVIEW_CHUNK })}
        </Alert>
      )}
      {checking && (
        <Stack gap={4}>
          <Text size="sm">{t('importWizard.preview.checking', checking)}</Text>
          <Progress
            value={(checking.done / Math.max(1, checking.total)) * 100}
            animated
            aria-label={t('importWizard.preview.checking', checking)}
          />
        </Stack>
      )}
      {failure && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('importWizard.preview.failed')}>
          {failure}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Text fw={600} data-testid="import-summary">
            {t('importWizard.preview.summary', summary)}
          </Text>
          {summary.removed > 0 && (
            <>
              <Text size="sm" c="dimmed">
                {t('importWizard.preview.removedCount', { count: summary.removed })}
              </Text>
              <Button size="compact-sm" variant="subtle" onClick={props.onRestore}>
                {t('importWizard.preview.restore')}
              </Button>
            </>
          )}
        </Group>
        <SegmentedControl
          size="xs"
          aria-label={t('importWizard.preview.filter.label')}
          value={filter}
          onChange={(v) => setFilter(v)}
          data={(['all', 'errors', 'findings'] as const).map((f) => ({
            value: f,
            label: t(`importWizard.preview.filter.${f}`),
          }))}
        />
      </Group>
      {stale && !checking && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('importWizard.preview.stale')}</Text>
            <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={props.onRevalidate}>
              {t('importWizard.preview.revalidate')}
            </Button>
          </Group>
        </Alert>
      )}
      {errorLines.lines.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('importWizard.preview.errorsTitle')}
          aria-label={t('importWizard.preview.errorsTitle')}
        >
          <Text size="sm" mb={6}>
            {t('importWizard.preview.fixHint')}
          </Text>
          <List size="sm" spacing={2} mah={180} style={{ overflow: 'auto' }}>
            {errorLines.lines.map((line, i) => (
              <List.Item key={i}>{line}</List.Item>
            ))}
          </List>
          {errorLines.more > 0 && (
            <Text size="sm" mt={4}>
              {t('importWizard.preview.moreErrors', { count: errorLines.more })}
            </Text>
          )}
          <Button size="xs" color="red" variant="light" mt="sm" onClick={props.onRemoveErrors}>
            {t('importWizard.preview.removeErrors')}
          </Button>
        </Alert>
      )}
      {visible.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('importWizard.preview.noRows')}
        </Text>
      ) : (
        <PreviewTable rows={rows} visible={visible} onRemove={props.onRemove} />
      )}
    </Stack>
  );
}
