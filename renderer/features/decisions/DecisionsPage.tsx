import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/domain/decision';
import { describeDecisionCoverage } from '../../../shared/rules/decisions';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../ipc/client';
import { NO_PAGE_ERRORS, toPageErrors, type PageErrors } from './server-errors';
import { useDecisions } from './use-decisions';

const FIELDS = ['id', 'title', 'from', 'to', 'maxValidityDays', 'withoutPersonnummerUntil'] as const;

interface DraftDecision {
  id: string;
  title: string;
  from: string;
  to: string;
  maxValidityDays: number | string;
  withoutPersonnummerUntil: string;
}

const EMPTY: DraftDecision = {
  id: '',
  title: '',
  from: '',
  to: '',
  maxValidityDays: 14,
  withoutPersonnummerUntil: '',
};

const mono = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function DecisionTable({ decisions, inForce }: { decisions: Decision[]; inForce: string | null }) {
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

/** Beslut: the dispensation decisions the rules use, and a form to enter a new one. */
export function DecisionsPage() {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const { decisions, reload } = useDecisions();
  const [now] = useState(() => Date.now());
  const [draft, setDraft] = useState<DraftDecision>(EMPTY);
  const [errors, setErrors] = useState<PageErrors>(NO_PAGE_ERRORS);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const list = useMemo(() => (Array.isArray(decisions) ? decisions : []), [decisions]);
  const inForce = useMemo(() => describeDecisionCoverage(now, list)?.id ?? null, [now, list]);

  const change = (patch: Partial<DraftDecision>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setAdded(null);
    setSaving(true);
    const until = draft.withoutPersonnummerUntil.trim();
    const result = await api['decisions:add']({
      id: draft.id.trim(),
      title: draft.title,
      from: draft.from.trim(),
      to: draft.to.trim(),
      maxValidityDays: typeof draft.maxValidityDays === 'number' ? draft.maxValidityDays : Number.NaN,
      ...(until ? { withoutPersonnummerUntil: until } : {}),
    });
    setSaving(false);
    if (result.ok) {
      setErrors(NO_PAGE_ERRORS);
      setAdded(result.value.id);
      setDraft(EMPTY);
      reload();
    } else {
      setErrors(toPageErrors(result.error, i18n.getFixedT(null, 'common'), FIELDS));
    }
  };

  const field = (name: (typeof FIELDS)[number]) => ({
    id: `decision-${name}`,
    label: t(`common:field.${name}`),
    error: errors.fields[name],
  });

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
