import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Stepper, Text } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { routeHash } from '../../lib/hash-route';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { HeaderRowSelect } from './HeaderRowSelect';
import { describeParseFailure } from './parse-failure-text';
import { PreviewStep } from './PreviewStep';
import { SourceFacts } from './SourceFacts';
import { useImportWizard } from './use-import-wizard';

/**
 * The import wizard (#/importera): pick a CSV or XLSX log, map its columns to the fields of
 * a registration, review every row's errors and findings, and import all or nothing.
 */
export function ImportPage() {
  const { t } = useTranslation('ui');
  const {
    step,
    setStep,
    file,
    reading,
    parseErrors,
    chooseFile,
    chooseHeader,
    mapping,
    setMapping,
    rows,
    checking,
    stale,
    failure,
    setRemoved,
    validate,
    committing,
    summary,
    result,
    startOver,
    mappingBlocked,
    toPreview,
    importBlocked,
    commit,
  } = useImportWizard();

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t('importWizard.title')} description={t('importWizard.intro')} />
      <Stepper active={result ? 4 : step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('importWizard.steps.file')} description={t('importWizard.steps.fileHint')} />
        <Stepper.Step
          label={t('importWizard.steps.mapping')}
          description={t('importWizard.steps.mappingHint')}
        />
        <Stepper.Step
          label={t('importWizard.steps.preview')}
          description={t('importWizard.steps.previewHint')}
        />
        <Stepper.Step
          label={t('importWizard.steps.result')}
          description={t('importWizard.steps.resultHint')}
        />
      </Stepper>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          {file && step > 0 && step < 3 && (
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('importWizard.file.read', {
                  name: file.name,
                  count: file.records.length,
                  columns: file.header.length,
                })}
              </Text>
              <SourceFacts file={file} />
            </Stack>
          )}
          {step === 0 && (
            <FileStep reading={reading} errors={parseErrors} onFile={(f) => void chooseFile(f)} />
          )}
          {step === 1 && file && (
            <HeaderRowSelect
              file={file}
              onChange={chooseHeader}
              describe={(e) => describeParseFailure(t, e)}
            />
          )}
          {step === 1 && file && <MappingStep file={file} mapping={mapping} onChange={setMapping} />}
          {step === 2 && (
            <PreviewStep
              rows={rows}
              checking={checking}
              stale={stale}
              failure={failure}
              onRemove={(index) => setRemoved((_, i) => i === index, true)}
              onRemoveErrors={() => setRemoved((row) => (row.check?.errors.length ?? 0) > 0, true)}
              onRestore={() => setRemoved((row) => row.removed, false)}
              onRevalidate={() => void validate(rows)}
            />
          )}
          {step === 2 && committing && (
            <Stack gap={4}>
              <Text size="sm">{t('importWizard.commit.running', { count: summary.count })}</Text>
              <Progress
                value={100}
                animated
                aria-label={t('importWizard.commit.running', { count: summary.count })}
              />
            </Stack>
          )}
          {step === 3 && result && (
            <Alert color="teal" icon={<IconCircleCheck size={20} />} title={t('importWizard.commit.done')}>
              <Text fw={600}>{t('importWizard.commit.result', result)}</Text>
              <Text size="sm" c="dimmed">
                {t('importWizard.commit.resultHint')}
              </Text>
              <Group mt="md">
                <Button component="a" href={routeHash({ page: 'register', cardId: null })}>
                  {t('importWizard.action.openRegister')}
                </Button>
                <Button variant="default" onClick={startOver}>
                  {t('importWizard.action.another')}
                </Button>
              </Group>
            </Alert>
          )}

          {(step === 1 || step === 2) && (
            <Group justify="space-between" mt="xs">
              <Group gap="xs">
                <Button variant="default" onClick={() => setStep(step === 1 ? 0 : 1)} disabled={committing}>
                  {t('importWizard.action.back')}
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={startOver}>
                  {t('importWizard.action.startOver')}
                </Anchor>
              </Group>
              {step === 1 ? (
                <Button onClick={toPreview} disabled={mappingBlocked}>
                  {t('importWizard.action.toPreview')}
                </Button>
              ) : (
                <Group gap="sm">
                  {summary.errors > 0 && (
                    <Group gap={4}>
                      <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />
                      <Text size="sm" c="red.8">
                        {t('importWizard.action.importBlocked')}
                      </Text>
                    </Group>
                  )}
                  <Button onClick={() => void commit()} disabled={importBlocked} loading={committing}>
                    {t('importWizard.action.import', { count: summary.count })}
                  </Button>
                </Group>
              )}
            </Group>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
