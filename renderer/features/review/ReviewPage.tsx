import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconAlertCircle,
  IconArrowBackUp,
  IconBan,
  IconCalendarPlus,
  IconClockHour4,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_MAX_LIMIT, type ManualEndReason, type ReviewEntry } from '../../../shared/domain/lifecycle';
import { formatInstant } from '../../../shared/time/stockholm';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../ipc/client';
import { formatIsoLocal } from '../../lib/time';
import { notifyCardsChanged } from '../lifecycle/cards-changed';
import { ExtendCardModal } from '../lifecycle/ExtendCardModal';
import { toActionErrors } from '../lifecycle/field-messages';
import { REVIEW_PAGE_SIZE, useReviewLists } from './use-review-lists';

type Message = { color: 'green' | 'red'; title?: string; text: string };

interface ReviewTableProps {
  label: string;
  entries: ReviewEntry[];
  busy: string | null;
  onEnd: (entry: ReviewEntry, reason: ManualEndReason) => void;
  onExtend: (entry: ReviewEntry) => void;
}

function ReviewTable({ label, entries, busy, onEnd, onExtend }: ReviewTableProps) {
  const { t } = useTranslation('ui');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={label} highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.cardNumber')}</Table.Th>
            <Table.Th>{t('review.holder')}</Table.Th>
            <Table.Th>{t('review.organisation')}</Table.Th>
            <Table.Th>{t('review.expiresAt')}</Table.Th>
            <Table.Th>{t('review.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.cardId}>
              <Table.Td ff="monospace" fz="sm">
                <Anchor href={`#/register/${encodeURIComponent(entry.cardId)}`} ff="monospace" fz="sm">
                  {entry.cardNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{entry.holderName}</Table.Td>
              <Table.Td fz="sm">{entry.organisationHsaId}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatIsoLocal(entry.expiresAt)}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconArrowBackUp size={14} />}
                    aria-label={t('review.returnedLabel', { cardNumber: entry.cardNumber })}
                    disabled={busy !== null}
                    loading={busy === `${entry.cardId}:returned`}
                    onClick={() => onEnd(entry, 'returned')}
                  >
                    {t('review.returned')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    leftSection={<IconBan size={14} />}
                    aria-label={t('review.revokedLabel', { cardNumber: entry.cardNumber })}
                    disabled={busy !== null}
                    loading={busy === `${entry.cardId}:revoked`}
                    onClick={() => onEnd(entry, 'revoked')}
                  >
                    {t('review.revoked')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconCalendarPlus size={14} />}
                    aria-label={t('review.extendLabel', { cardNumber: entry.cardNumber })}
                    disabled={busy !== null}
                    onClick={() => onExtend(entry)}
                  >
                    {t('review.extend')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Att följa upp": cards expiring soon and overdue cards, each with one-click actions. */
export function ReviewPage() {
  const { t, i18n } = useTranslation('ui');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const [limit, setLimit] = useState(REVIEW_PAGE_SIZE);
  const { lists, failed, reload } = useReviewLists(limit);
  const [hours, setHours] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [extending, setExtending] = useState<ReviewEntry | null>(null);

  useEffect(() => {
    void api['settings:get']({}).then((result) => {
      if (result.ok) setHours(result.value.expiringSoonHours);
    });
  }, [api]);

  const end = async (entry: ReviewEntry, reason: ManualEndReason) => {
    setBusy(`${entry.cardId}:${reason}`);
    const result = await api['cards:end']({
      id: entry.cardId,
      endedAt: formatInstant(Date.now()),
      endReason: reason,
    });
    setBusy(null);
    if (result.ok) {
      setMessage({ color: 'green', text: t(`review.done.${reason}`, { cardNumber: entry.cardNumber }) });
      notifyCardsChanged();
    } else {
      setMessage({
        color: 'red',
        title: t('review.failed'),
        text: toActionErrors(result.error, tc).general.join(' '),
      });
    }
  };

  const within = hours ?? 48;
  const sections = [
    {
      key: 'expiring',
      title: t('review.expiringSoon', { hours: within }),
      entries: lists?.expiringSoon ?? [],
      total: lists?.expiringSoonTotal ?? 0,
      empty: t('review.emptyExpiring', { hours: within }),
      color: 'yellow',
      icon: IconClockHour4,
    },
    {
      key: 'overdue',
      title: t('review.overdue'),
      entries: lists?.overdue ?? [],
      total: lists?.overdueTotal ?? 0,
      empty: t('review.emptyOverdue'),
      color: 'red',
      icon: IconAlertCircle,
    },
  ] as const;

  return (
    <Stack gap="lg">
      <PageHeader title={t('review.title')} description={t('review.intro')} />
      {message && (
        <Alert
          color={message.color}
          variant="light"
          title={message.title}
          withCloseButton
          onClose={() => setMessage(null)}
          role="status"
        >
          {message.text}
        </Alert>
      )}
      {failed && (
        <Alert color="red" variant="light" title={t('review.loadError')}>
          <Button size="xs" variant="light" color="red" onClick={reload}>
            {t('review.retry')}
          </Button>
        </Alert>
      )}
      {!lists && !failed && <Loader size="sm" aria-label={t('review.loading')} />}
      {lists &&
        sections.map((section) => (
          <Card
            key={section.key}
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-label={section.title}
          >
            <Group gap="sm" mb="sm">
              <section.icon size={20} stroke={1.7} color={`var(--mantine-color-${section.color}-7)`} />
              <Title order={2} size="h4">
                {section.title}
              </Title>
              <Badge color={section.color} variant="light" data-testid={`count-${section.key}`}>
                {section.total.toLocaleString(i18n.language)}
              </Badge>
            </Group>
            {section.entries.length === 0 ? (
              <Text c="dimmed" size="sm">
                {section.empty}
              </Text>
            ) : (
              <ReviewTable
                label={section.title}
                entries={section.entries}
                busy={busy}
                onEnd={(entry, reason) => void end(entry, reason)}
                onExtend={setExtending}
              />
            )}
            {section.entries.length < section.total && (
              <Group gap="sm" mt="sm" data-testid={`more-${section.key}`}>
                <Text c="dimmed" size="sm">
                  {t('review.showing', {
                    shown: section.entries.length.toLocaleString(i18n.language),
                    total: section.total.toLocaleString(i18n.language),
                  })}
                </Text>
                {limit < REVIEW_MAX_LIMIT && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setLimit((l) => Math.min(REVIEW_MAX_LIMIT, l * 5))}
                  >
                    {t('review.showMore')}
                  </Button>
                )}
              </Group>
            )}
          </Card>
        ))}
      <ExtendCardModal
        cardId={extending?.cardId ?? null}
        onClose={() => setExtending(null)}
        onDone={(extension) => {
          setMessage({
            color: 'green',
            text: t('review.done.extended', {
              cardNumber: extension.cardNumber,
              time: formatIsoLocal(extension.expiresAt),
            }),
          });
          setExtending(null);
        }}
      />
    </Stack>
  );
}
