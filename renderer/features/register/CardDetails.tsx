import { Alert, Badge, DataList, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { FindingOut } from '../../../shared/ipc/contract';
import { formatCardNumber } from '../../lib/card-number';
import { deriveCardStatus, STATUS_COLORS } from '../../lib/card-status';
import { formatIsoLocal } from '../../lib/time';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      <DataList size="sm" labelWidth={190} withDivider>
        {children}
      </DataList>
    </Stack>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

// The reason text and the note may hold line breaks (SPEC §3): show them as lines.
const MULTI_LINE = { whiteSpace: 'pre-line' } as const;

/** Props of {@link CardDetails}. */
export interface CardDetailsProps {
  card: CardRecord;
  /** The card's findings as the rules see it now; null while they load. */
  findings: FindingOut[] | null;
}

/** Every field of one card with Swedish labels, and its findings. */
export function CardDetails({ card, findings }: CardDetailsProps) {
  const { t } = useTranslation('ui');
  const [now] = useState(() => Date.now());
  const status = deriveCardStatus(card, now);
  const none = t('card.none');
  const field = (name: string) => t(`common:field.${name}`);
  const text = (value: string | null | undefined) => (value ? value : none);
  const time = (value: string | null) => (value ? formatIsoLocal(value) : none);
  const unplanned =
    card.unplannedPersonnel === null ? none : card.unplannedPersonnel ? t('card.yes') : t('card.no');

  return (
    <Stack gap="xl">
      <Group gap="xs">
        <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" size="lg" tt="none">
          {t(`register.status.${status}`)}
        </Badge>
        <Badge variant="default" radius="sm" size="lg" tt="none">
          {t('card.level', { level: card.assuranceLevel })}
        </Badge>
      </Group>
      {findings && findings.length > 0 && <FindingsList findings={findings} />}
      <Section title={t('card.section.card')}>
        <Item label={field('cardNumber')}>
          <Text span ff="monospace" size="sm">
            {formatCardNumber(card.cardNumber)}
          </Text>
        </Item>
        <Item label={field('assuranceLevel')}>{card.assuranceLevel}</Item>
        <Item label={field('holderName')}>{card.holderName}</Item>
        <Item label={field('holderHsaId')}>{card.holderHsaId}</Item>
        <Item label={field('holderIdType')}>{t(`common:holderIdType.${card.holderIdType}`)}</Item>
        <Item label={field('unplannedPersonnel')}>{unplanned}</Item>
        <Item label={field('organisationName')}>{card.organisationName}</Item>
        <Item label={field('organisationHsaId')}>{card.organisationHsaId}</Item>
      </Section>
      <Section title={t('card.section.validity')}>
        <Item label={field('issuedAt')}>{time(card.issuedAt)}</Item>
        <Item label={field('expiresAt')}>{time(card.expiresAt)}</Item>
        <Item label={field('reasonCode')}>{t(`common:reason.${card.reasonCode}`)}</Item>
        <Item label={field('reasonText')}>
          <span style={MULTI_LINE}>{text(card.reasonText)}</span>
        </Item>
        <Item label={field('issuedBy')}>{card.issuedBy.join(', ')}</Item>
      </Section>
      <Section title={t('card.section.end')}>
        <Item label={field('extendsCardId')}>{text(card.extendsCardId)}</Item>
        <Item label={field('endedAt')}>{time(card.endedAt)}</Item>
        <Item label={field('endReason')}>
          {card.endReason ? t(`common:endReason.${card.endReason}`) : none}
        </Item>
        {card.voidedAt && <Item label={t('card.voidedAt')}>{time(card.voidedAt)}</Item>}
        {card.voidedAt && <Item label={t('card.voidReason')}>{text(card.voidReason)}</Item>}
      </Section>
      <Section title={t('card.section.record')}>
        <Item label={field('note')}>
          <span style={MULTI_LINE}>{text(card.note)}</span>
        </Item>
        <Item label={field('violationJustification')}>{text(card.violationJustification)}</Item>
        <Item label={t('card.createdAt')}>{time(card.createdAt)}</Item>
        <Item label={field('id')}>
          <Text size="xs" ff="monospace" span>
            {card.id}
          </Text>
        </Item>
      </Section>
    </Stack>
  );
}

function FindingsList({ findings }: { findings: FindingOut[] }) {
  const { t } = useTranslation('ui');
  const violation = findings.some((f) => f.severity === 'violation');
  return (
    <Alert
      color={violation ? 'red' : 'yellow'}
      variant="light"
      icon={<IconAlertTriangle />}
      title={t(violation ? 'card.findingsViolation' : 'card.findingsWarning')}
    >
      <List size="sm" spacing={4}>
        {findings.map((finding) => (
          <List.Item key={finding.code}>
            {t(`findings:${finding.code}`, { ...finding.params, defaultValue: finding.message })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
