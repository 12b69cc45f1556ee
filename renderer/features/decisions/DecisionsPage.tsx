import {
  Alert,
  Box,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDecisionCoverage } from '../../../shared/rules/decisions';
import { PageHeader } from '../../components/PageHeader';
import { DecisionTable } from './DecisionTable';
import { useDecisionForm } from './use-decision-form';
import { useDecisions } from './use-decisions';

/** Beslut: the dispensation decisions the rules use, and a form to enter a new one. */
export function DecisionsPage() {
  const { t } = useTranslation('ui');
  const { decisions, reload } = useDecisions();
  const [now] = useState(() => Date.now());
  const { draft, errors, saving, added, change, submit, field } = useDecisionForm(reload);
  const list = useMemo(() => (Array.isArray(decisions) ? decisions : []), [decisions]);
  const inForce = useMemo(() => describeDecisionCoverage(now, list)?.id ?? null, [now, list]);

  return (
    <Box maw={1100} mx="auto">
      <PageHeader title={t('decisions.title')} description={t('decisions.intro')} />
      <Stack gap="lg">
        {decisions === null && <Loader size="sm" />}
        {decisions === 'failed' && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('decisions.loadError')} />
        )}
        {Array.isArray(decisions) && (
          <Paper withBorder radius="md" p="md">
            <Alert
              color={inForce ? 'teal' : 'orange'}
              variant="light"
              icon={inForce ? <IconCircleCheck /> : <IconInfoCircle />}
              mb="md"
              role="status"
            >
              {inForce
                ? t('decisions.inForceToday', { title: list.find((d) => d.id === inForce)?.title ?? inForce })
                : t('decisions.noneToday')}
            </Alert>
            {list.length === 0 ? (
              <Text c="dimmed">{t('decisions.empty')}</Text>
            ) : (
              <DecisionTable decisions={list} inForce={inForce} />
            )}
          </Paper>
        )}
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="decision-add-title">
          <Title order={2} size="h4" id="decision-add-title">
            {t('decisions.addTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('decisions.addHint')}
          </Text>
          {added && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} mb="md" role="status">
              {t('decisions.added', { id: added })}
            </Alert>
          )}
          {errors.general && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle />}
              title={t('decisions.errorTitle')}
              mb="md"
            >
              {errors.general}
            </Alert>
          )}
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-add-title">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  {...field('id')}
                  description={t('decisions.idHint')}
                  value={draft.id}
                  onChange={(e) => change({ id: e.currentTarget.value })}
                  autoComplete="off"
                  spellCheck={false}
                />
                <TextInput
                  {...field('title')}
                  value={draft.title}
                  onChange={(e) => change({ title: e.currentTarget.value })}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
                <TextInput
                  {...field('from')}
                  description={t('decisions.dateHint')}
                  value={draft.from}
                  onChange={(e) => change({ from: e.currentTarget.value })}
                  autoComplete="off"
                />
                <TextInput
                  {...field('to')}
                  description={t('decisions.dateHint')}
                  value={draft.to}
                  onChange={(e) => change({ to: e.currentTarget.value })}
                  autoComplete="off"
                />
                <NumberInput
                  {...field('maxValidityDays')}
                  description=" "
                  min={1}
                  max={366}
                  allowDecimal={false}
                  value={draft.maxValidityDays}
                  onChange={(value) => change({ maxValidityDays: value })}
                />
                <TextInput
                  {...field('withoutPersonnummerUntil')}
                  description={t('decisions.optionalDateHint')}
                  value={draft.withoutPersonnummerUntil}
                  onChange={(e) => change({ withoutPersonnummerUntil: e.currentTarget.value })}
                  autoComplete="off"
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" leftSection={<IconPlus size={16} />} loading={saving}>
                  {t('decisions.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Box>
  );
}
