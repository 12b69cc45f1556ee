import { Alert, Divider, Drawer, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import { useChannel } from '../../ipc/use-channel';
import { formatCardNumber } from '../../lib/card-number';
import { useDocumentTitle, windowTitle } from '../../lib/document-title';
import type { FindingOut } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { CardEvents } from '../audit/CardEvents';
import { LifecycleActions } from '../lifecycle/LifecycleActions';
import { CardDetails } from './CardDetails';

/** Props of {@link CardDrawer}. */
export interface CardDrawerProps {
  /** The card to show; null closes the drawer. */
  cardId: string | null;
  /** The row as the table has it, shown at once while the card is fetched fresh. */
  initial?: CardRecord | undefined;
  onClose: () => void;
  /** After a lifecycle action saved a change: the register reloads its rows. */
  onChanged?: () => void;
}

type Loaded = { id: string; card: CardRecord | null; findings: FindingOut[] | null };

/** Every field of one card, in a drawer from the right. */
export function CardDrawer({ cardId, initial, onClose, onChanged }: CardDrawerProps) {
  const { t } = useTranslation('ui');
  // Bumped by every saved change: the card, its findings and its events are read again.
  const [version, setVersion] = useState(0);
  const { data: loaded } = useChannel(
    cardId
      ? async (api): Promise<IpcResult<Loaded>> => {
          const [card, findings] = await Promise.all([
            api['cards:get']({ id: cardId }),
            api['findings:card']({ id: cardId }),
          ]);
          return {
            ok: true,
            value: {
              id: cardId,
              card: card.ok ? card.value : null,
              findings: findings.ok ? findings.value : null,
            },
          };
        }
      : null,
    [cardId, version],
  );

  const changed = () => {
    setVersion((n) => n + 1);
    onChanged?.();
  };

  const fetched = loaded && loaded.id === cardId ? loaded : null;
  const card = fetched?.card ?? (initial && initial.id === cardId ? initial : undefined);
  const notFound = fetched !== null && fetched.card === null;
  const title = card ? t('card.title', { cardNumber: formatCardNumber(card.cardNumber) }) : t('card.loading');
  useDocumentTitle(cardId !== null ? windowTitle(title, t('app.name')) : null);

  return (
    <Drawer
      opened={cardId !== null}
      onClose={onClose}
      position="right"
      size={520}
      padding="lg"
      title={title}
      // The register gives the focus back to the card's row itself (RegisterPage): the
      // drawer loads after the row was opened, so it cannot know where the focus was.
      returnFocus={false}
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 650 } }}
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
    >
      {notFound && !card && (
        <Alert color="gray" variant="light">
          {t('card.notFound')}
        </Alert>
      )}
      {!notFound && !card && <Loader size="sm" aria-label={t('card.loading')} />}
      {card && (
        <Stack gap="lg">
          <CardDetails card={card} findings={fetched?.findings ?? null} />
          <Divider />
          <LifecycleActions card={card} onChanged={changed} />
          <Divider />
          <CardEvents cardId={card.id} version={version} />
        </Stack>
      )}
    </Drawer>
  );
}
