import { Badge, Button, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconCircleCheck, IconWand } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingOut } from '../../../shared/ipc/contract';
import { formatLocal } from '../../../shared/time/stockholm';
import { verdictFindings, type Verdict } from './use-verdict';
import { VerdictAnnouncer } from './VerdictAnnouncer';

/** Props of {@link VerdictPanel}. */
export interface VerdictPanelProps {
  verdict: Verdict;
  /** Sets the expiry field to a local time `YYYY-MM-DD HH:MM`. */
  onSetExpiry: (expiresAt: string) => void;
}

const SEVERITY_ORDER = { violation: 0, warning: 1 } as const;

function FindingItem({ finding, onSetExpiry }: { finding: FindingOut; onSetExpiry: (v: string) => void }) {
  const { t } = useTranslation('ui');
  const violation = finding.severity === 'violation';
  const color = violation ? 'red' : 'yellow';
  const fix = finding.fix;
  const fixTime = fix ? formatLocal(fix.value) : '';
  const fixLabel = !fix
    ? ''
    : fix.labelKey === 'findings:fix.shortenToMaxValidity'
      ? t('verdict.fixSetExpiry', { time: fixTime })
      : t(fix.labelKey, { ...fix.labelParams, defaultValue: t('verdict.fixSetExpiry', { time: fixTime }) });
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-severity={finding.severity}
      data-code={finding.code}
      style={{
        borderColor: `var(--mantine-color-${color}-${violation ? 4 : 5})`,
        background: `var(--mantine-color-${color}-0)`,
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size={22} radius="xl" variant="light" color={violation ? 'red' : 'yellow'} mt={1}>
          {violation ? <IconAlertOctagon size={14} /> : <IconAlertTriangle size={14} />}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} c={violation ? 'red.9' : 'yellow.9'}>
            {t(violation ? 'verdict.violation' : 'verdict.warning')}: {t(`verdict.code.${finding.code}`)}
          </Text>
          <Text size="sm">
            {t(`findings:${finding.code}`, { ...finding.params, defaultValue: finding.message })}
          </Text>
          {fix && (
            <Group>
              <Button
                type="button"
                size="compact-sm"
                variant="white"
                color={violation ? 'red' : 'yellow.9'}
                leftSection={<IconWand size={14} />}
                onClick={() => onSetExpiry(fixTime)}
                h="auto"
                py={4}
                style={{ border: '1px solid currentColor' }}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              >
                {fixLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * The rules' verdict on the card as typed: red for violations, amber for warnings, green
 * when clean, each with its reason and, where the rule offers one, a one-click fix. The
 * panel itself is not a live region (it would read every finding again at each change);
 * VerdictAnnouncer says what changed.
 */
export const VerdictPanel = memo(function VerdictPanel({ verdict, onSetExpiry }: VerdictPanelProps) {
  const { t } = useTranslation('ui');
  const findings = [...verdictFindings(verdict)].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const violations = findings.filter((f) => f.severity === 'violation').length;
  const warnings = findings.length - violations;
  const known = verdict.state === 'ready' || (verdict.state === 'pending' && verdict.findings !== null);

  return (
    <>
      <VerdictAnnouncer verdict={verdict} />
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-labelledby="verdict-title"
        aria-busy={verdict.state === 'pending'}
      >
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Title id="verdict-title" order={2} size="md" fw={700}>
            {t('verdict.title')}
          </Title>
          <Group gap={6} wrap="nowrap">
            {verdict.state === 'pending' && <Loader size={14} aria-label={t('verdict.pending')} />}
            {violations > 0 && (
              <Badge color="red" variant="filled" radius="sm" tt="none">
                {t('verdict.violationCount', { count: violations })}
              </Badge>
            )}
            {warnings > 0 && (
              <Badge color="yellow" variant="light" radius="sm" tt="none">
                {t('verdict.warningCount', { count: warnings })}
              </Badge>
            )}
          </Group>
        </Group>
        <div>
          {verdict.state === 'incomplete' && (
            <Text size="sm" c="dimmed">
              {t('verdict.incomplete')}
            </Text>
          )}
          {verdict.state === 'failed' && (
            <Text size="sm" c="dimmed">
              {t('verdict.failed')}
            </Text>
          )}
          {known && findings.length === 0 && (
            <Group gap="xs" wrap="nowrap" align="flex-start" data-severity="clean">
              <ThemeIcon size={22} radius="xl" variant="light" color="teal">
                <IconCircleCheck size={16} />
              </ThemeIcon>
              <Stack gap={0}>
                <Text size="sm" fw={600} c="teal.8">
                  {t('verdict.clean')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('verdict.cleanHint')}
                </Text>
              </Stack>
            </Group>
          )}
          {findings.length > 0 && (
            <Stack gap="xs">
              {findings.map((finding) => (
                <FindingItem key={finding.code} finding={finding} onSetExpiry={onSetExpiry} />
              ))}
              {violations === 0 && (
                <Text size="xs" c="dimmed">
                  {t('verdict.warningsNeverBlock')}
                </Text>
              )}
            </Stack>
          )}
        </div>
      </Paper>
    </>
  );
});
