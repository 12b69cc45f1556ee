import { Alert, Badge, Button, DataList, Drawer, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { RegionCardDetail, RegionCardRow } from '../../../shared/ipc/hub';
import type { IpcResult } from '../../../shared/ipc/result';
import { useChannel } from '../../ipc/use-channel';
import { deriveCardStatus, STATUS_COLORS } from '../../lib/card-status';
import { formatCardNumber } from '../../lib/card-number';
import { formatIsoLocal } from '../../lib/time';
import { ExtendCardModal } from '../lifecycle/ExtendCardModal';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Props of {@link RegionCardDrawer}. */
export interface RegionCardDrawerProps {
  /** Another station's card as the list has it; null closes the drawer. */
  row: RegionCardRow | null;
  onClose: () => void;
  /** After this desk extended the card: the new registration, its own. */
  onExtended?: (extension: CardRecord) => void;
}

type Loaded = { id: string; detail: RegionCardDetail | null };

/**
 * Another station's card, read-only (SPEC §8): every field that travelled with its events,
 * its station, its latest event and its findings over the region, and no holder name, note
 * or ID administrators, which never leave that station. Only that station may change it;
 * this desk may extend it (a new card of its own, SPEC §8) while it has not ended.
 */
export function RegionCardDrawer({ row, onClose, onExtended }: RegionCardDrawerProps) {
  const { t } = useTranslation('ui');
  const [now] = useState(() => Date.now());
  const [extending, setExtending] = useState<string | null>(null);
  const id = row?.id ?? null;

  const { data: loaded } = useChannel(
    id
      ? async (api): Promise<IpcResult<Loaded>> => {
          const result = await api['region:card']({ id });
          return { ok: true, value: { id, detail: result.ok ? result.value : null } };
        }
      : null,
    [id],
  );

  const fetched = loaded && loaded.id === id ? loaded : null;
  const card = fetched?.detail ?? null;
  const station = row?.station ?? '';
  const field = (name: string) => t(`common:field.${name}`);
  const none = t('card.none');
  const time = (value: string | null) => (value ? formatIsoLocal(value) : none);

  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size={520}
      padding="lg"
      title={row ? t('hub.card.title', { cardNumber: formatCardNumber(row.cardNumber), station }) : ''}
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 650 } }}
      closeButtonProps={{ 'aria-label': t('form.dismiss') }}
    >
      {row && !fetched && <Loader size="sm" aria-label={t('card.loading')} />}
      {fetched && !card && (
        <Alert color="gray" variant="light">
          {t('hub.card.notFound')}
        </Alert>
      )}
      {card && (
        <Stack gap="lg">
          <Group gap="xs">
            <Badge
              variant="light"
              color={STATUS_COLORS[deriveCardStatus({ ...card, voidedAt: null }, now)]}
              radius="sm"
              size="lg"
              tt="none"
            >
              {t(`register.status.${deriveCardStatus({ ...card, voidedAt: null }, now)}`)}
            </Badge>
            <Badge variant="default" radius="sm" size="lg" tt="none">
              {t('card.level', { level: card.assuranceLevel })}
            </Badge>
            <Badge
              variant="outline"
              color="gray"
              radius="sm"
              size="lg"
              tt="none"
              leftSection={<IconLock size={14} />}
            >
              {t('hub.register.readOnly')}
            </Badge>
          </Group>
          <Alert color="blue" variant="light" icon={<IconLock />}>
            {t('hub.card.readOnly', { station })}
          </Alert>
          {card.endedAt === null && (
            <Group>
              <Button
                size="xs"
                variant="light"
                color="teal"
                leftSection={<IconCalendarPlus size={16} />}
                onClick={() => setExtending(card.id)}
              >
                {t('hub.card.extend')}
              </Button>
            </Group>
          )}
          {card.findingMessages.length > 0 && (
            <Alert
              color={card.findingMessages.some((f) => f.severity === 'violation') ? 'red' : 'yellow'}
              variant="light"
              icon={<IconAlertTriangle />}
              title={t(
                card.findingMessages.some((f) => f.severity === 'violation')
                  ? 'card.findingsViolation'
                  : 'card.findingsWarning',
              )}
            >
              <List size="sm" spacing={4}>
                {card.findingMessages.map((f) => (
                  <List.Item key={f.code}>
                    {t(`findings:${f.code}`, { ...f.params, defaultValue: f.message })}
                    {f.otherStation && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        ({t('hub.register.otherStation', { station: f.otherStation })})
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <DataList size="sm" labelWidth={190} withDivider>
            <Item label={t('hub.card.station')}>{station}</Item>
            <Item label={field('cardNumber')}>{formatCardNumber(card.cardNumber)}</Item>
            <Item label={field('assuranceLevel')}>{card.assuranceLevel}</Item>
            <Item label={field('holderHsaId')}>{card.holderHsaId}</Item>
            <Item label={field('holderIdType')}>{t(`common:holderIdType.${card.holderIdType}`)}</Item>
            <Item label={field('unplannedPersonnel')}>
              {card.unplannedPersonnel === null
                ? none
                : card.unplannedPersonnel
                  ? t('card.yes')
                  : t('card.no')}
            </Item>
            <Item label={field('organisationName')}>{card.organisationName}</Item>
            <Item label={field('organisationHsaId')}>{card.organisationHsaId}</Item>
            <Item label={field('issuedAt')}>{time(card.issuedAt)}</Item>
            <Item label={field('expiresAt')}>{time(card.expiresAt)}</Item>
            <Item label={field('reasonCode')}>{t(`common:reason.${card.reasonCode}`)}</Item>
            <Item label={field('reasonText')}>
              <span style={{ whiteSpace: 'pre-line' }}>{card.reasonText || none}</span>
            </Item>
            <Item label={field('extendsCardId')}>{card.extendsCardId ?? none}</Item>
            <Item label={field('endedAt')}>{time(card.endedAt)}</Item>
            <Item label={field('endReason')}>
              {card.endReason ? t(`common:endReason.${card.endReason}`) : none}
            </Item>
            <Item label={t('hub.card.lastEvent')}>
              {t(`hub.card.event.${card.lastEvent}`, { defaultValue: card.lastEvent })}
            </Item>
            <Item label={field('id')}>
              <Text size="xs" ff="monospace" span>
                {card.id}
              </Text>
            </Item>
          </DataList>
        </Stack>
      )}
      <ExtendCardModal
        cardId={extending}
        source="region"
        onClose={() => setExtending(null)}
        onDone={(extension) => {
          setExtending(null);
          onExtended?.(extension);
        }}
      />
    </Drawer>
  );
}
