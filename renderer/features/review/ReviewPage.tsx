import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconClockHour4 } from '@tabler/icons-react';
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
import { ReviewTable } from './ReviewTable';
import { REVIEW_PAGE_SIZE, useReviewLists } from './use-review-lists';

type Message = { color: 'green' | 'red'; title?: string; text: string };

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
