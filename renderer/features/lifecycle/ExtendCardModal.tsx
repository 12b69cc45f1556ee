import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import { formatCardNumber } from '../../lib/card-number';
import { LocalDateTimeInput } from '../register-card/LocalDateTimeInput';
import { ExtendViolation } from './ExtendViolation';
import { useExtendCard, type ExtendSource } from './use-extend-card';

/** Props of {@link ExtendCardModal}. */
export interface ExtendCardModalProps {
  /** The card to extend; null keeps the dialog closed. */
  cardId: string | null;
  onClose: () => void;
  onDone: (extension: CardRecord) => void;
  /** `region`: another station's card, from the region view (default: this desk's own). */
  source?: ExtendSource;
}

/**
 * Extends a card: a new registration for the same card and holder. The rules check it
 * like a new card, so a violation asks for a justification exactly as the form does.
 * Another station's card becomes a new card of this desk; its holder's name is asked for,
 * and the card itself stays the other station's to end.
 */
export function ExtendCardModal({ cardId, onClose, onDone, source = 'own' }: ExtendCardModalProps) {
  const { t } = useTranslation('ui');
  const { card, draft, errors, violations, busy, change, submit } = useExtendCard(cardId, onDone, source);

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
      opened={cardId !== null}
      onClose={onClose}
      size="lg"
      title={
        card
          ? `${t('lifecycle.extendTitle')} · ${formatCardNumber(card.cardNumber)}`
          : t('lifecycle.extendTitle')
      }
    >
      {!draft && errors.general.length === 0 && <Loader size="sm" />}
      {draft && card && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(source === 'region' ? 'lifecycle.extendOtherIntro' : 'lifecycle.extendIntro')}
          </Text>
          {source === 'region' && (
            <TextInput
              id="extend-holderName"
              label={t('lifecycle.holderName')}
              description={t('lifecycle.holderNameHint')}
              required
              data-autofocus
              value={draft.holderName}
              onChange={(event) => change({ holderName: event.currentTarget.value })}
              error={errors.fields.holderName}
            />
          )}
          <Group grow align="flex-start">
            <LocalDateTimeInput
              id="extend-issuedAt"
              label={t('lifecycle.issuedAt')}
              value={draft.issuedAt}
              onChange={(issuedAt) => change({ issuedAt })}
              error={errors.fields.issuedAt}
            />
            <LocalDateTimeInput
              id="extend-expiresAt"
              label={t('lifecycle.expiresAt')}
              description={card.assuranceLevel === 2 ? t('lifecycle.expiresHint') : undefined}
              value={draft.expiresAt}
              onChange={(expiresAt) => change({ expiresAt })}
              error={errors.fields.expiresAt}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('lifecycle.administrator1')}
              value={draft.administrator1}
              onChange={(event) => change({ administrator1: event.currentTarget.value })}
              error={errors.fields.administrator1}
            />
            <TextInput
              label={t('lifecycle.administrator2')}
              description={card.assuranceLevel === 3 ? t('lifecycle.administrator2Hint') : undefined}
              value={draft.administrator2}
              onChange={(event) => change({ administrator2: event.currentTarget.value })}
              error={errors.fields.administrator2}
            />
          </Group>
          <ExtendViolation violations={violations} draft={draft} errors={errors} change={change} />
          {errors.general.length > 0 && (
            <Alert color="red" variant="light" title={t('lifecycle.failed')}>
              {errors.general.join(' ')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('lifecycle.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void submit()}>
              {t('lifecycle.confirmExtend')}
            </Button>
          </Group>
        </Stack>
      )}
      {!draft && errors.general.length > 0 && (
        <Alert color="red" variant="light">
          {errors.general.join(' ')}
        </Alert>
      )}
    </Modal>
  );
}
