import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { ManualEndReason } from '../../../shared/domain/lifecycle';
import { EndCardModal } from './EndCardModal';
import { ExtendCardModal } from './ExtendCardModal';
import { VoidCardModal } from './VoidCardModal';

/** Props of {@link LifecycleActions}. */
export interface LifecycleActionsProps {
  card: CardRecord;
  /** After a change was saved: reload what shows the card. */
  onChanged: (extension?: CardRecord) => void;
}

/** Return, revoke, extend or void a card, each through its own audited channel. */
export function LifecycleActions({ card, onChanged }: LifecycleActionsProps) {
  const { t } = useTranslation('ui');
  const [ending, setEnding] = useState<ManualEndReason | null>(null);
  const [extending, setExtending] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const open = card.voidedAt === null && card.endedAt === null;

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('lifecycle.actions')}
      </Title>
      {card.voidedAt !== null && (
        <Text size="sm" c="dimmed">
          {t('lifecycle.voidedNote', { why: card.voidReason ?? '' })}
        </Text>
      )}
      {card.voidedAt === null && card.endedAt !== null && (
        <Text size="sm" c="dimmed">
          {t('lifecycle.notAvailable')}
        </Text>
      )}
      <Group gap="xs">
        {open && (
          <>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setEnding('returned')}
            >
              {t('lifecycle.return')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconBan size={16} />}
              onClick={() => setEnding('revoked')}
            >
              {t('lifecycle.revoke')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="teal"
              leftSection={<IconCalendarPlus size={16} />}
              onClick={() => setExtending(true)}
            >
              {t('lifecycle.extend')}
            </Button>
          </>
        )}
        {card.voidedAt === null && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconTrash size={16} />}
            onClick={() => setVoiding(true)}
          >
            {t('lifecycle.void')}
          </Button>
        )}
      </Group>
      <EndCardModal
        cardId={card.id}
        reason={ending}
        onClose={() => setEnding(null)}
        onDone={() => {
          setEnding(null);
          onChanged();
        }}
      />
      <ExtendCardModal
        cardId={extending ? card.id : null}
        onClose={() => setExtending(false)}
        onDone={(extension) => {
          setExtending(false);
          onChanged(extension);
        }}
      />
      <VoidCardModal
        cardId={card.id}
        opened={voiding}
        onClose={() => setVoiding(false)}
        onDone={() => {
          setVoiding(false);
          onChanged();
        }}
      />
    </Stack>
  );
}
