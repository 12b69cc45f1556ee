import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertOctagon, IconAlertTriangle, IconLock, IconSearch } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionCardRow } from '../../../shared/ipc/hub';
import { useChannel } from '../../ipc/use-channel';
import { deriveCardStatus, STATUS_COLORS } from '../../lib/card-status';
import { formatCardNumber } from '../../lib/card-number';
import { formatIsoLocal } from '../../lib/time';
import { useCardsChanged } from '../lifecycle/cards-changed';
import { RegionCardDrawer } from './RegionCardDrawer';

/** Rows per page of the region view. */
export const REGION_PAGE_SIZE = 50;
const ALL = 'all';
const mono = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Props of {@link RegionRegister}. */
export interface RegionRegisterProps {
  /** Opens one of this station's own cards in the register's own drawer (with its actions). */
  onOpenOwnCard: (cardId: string) => void;
}

/** The badges of a row's findings; a finding about another station's card names it. */
function FindingBadges({ row }: { row: RegionCardRow }) {
  const { t } = useTranslation('ui');
  return (['violation', 'warning'] as const).map((severity) => {
    const found = row.findings.filter((f) => f.severity === severity);
    if (found.length === 0) return null;
    const violation = severity === 'violation';
    const Icon = violation ? IconAlertOctagon : IconAlertTriangle;
    const label = found
      .map((f) => {
        const text = t(`verdict.code.${f.code}`);
        return f.otherStation
          ? `${text} (${t('hub.register.otherStation', { station: f.otherStation })})`
          : text;
      })
      .join(' · ');
    return (
      <Tooltip key={severity} label={label} multiline maw={360} withArrow>
        <Badge
          data-finding={severity}
          color={violation ? 'red' : 'yellow.5'}
          variant="filled"
          autoContrast
          radius="sm"
          size="sm"
          px={6}
          leftSection={<Icon size={12} stroke={2} />}
          aria-label={`${t(`register.finding.${severity}`)}: ${label}`}
        >
          {found.length}
        </Badge>
      </Tooltip>
    );
  });
}

/**
 * The register's "Hela regionen" view (SPEC §8): this station's cards and every other
 * station's pulled cards in one list, each marked with its station. Other stations' cards
 * are read-only and carry no holder name; a finding caused by another station's card says
 * which station. Paged on the server, 50 rows at a time.
 */
export function RegionRegister({ onOpenOwnCard }: RegionRegisterProps) {
  const { t } = useTranslation('ui');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [station, setStation] = useState<string>(ALL);
  const [level, setLevel] = useState<string>(ALL);
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<RegionCardRow | null>(null);
  const [now] = useState(() => Date.now());

  // The last page stays in view while another one is read.
  const {
    data: current,
    error,
    reload,
  } = useChannel(
    (api) =>
      api['region:cards']({
        ...(debounced.trim() ? { search: debounced.trim() } : {}),
        ...(station !== ALL ? { station } : {}),
        ...(level !== ALL ? { level: level === '3' ? 3 : 2 } : {}),
        sort: { by: 'issuedAt', dir: 'desc' },
        offset: (page - 1) * REGION_PAGE_SIZE,
        limit: REGION_PAGE_SIZE,
      }),
    [debounced, station, level, page],
  );
  useCardsChanged(reload);
  const pages = current ? Math.max(1, Math.ceil(current.total / REGION_PAGE_SIZE)) : 1;
  const open = (row: RegionCardRow) => (row.own ? onOpenOwnCard(row.id) : setOpened(row));
  const onKey = (event: KeyboardEvent, row: RegionCardRow) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(row);
    }
  };

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('register.searchLabel')}
          placeholder={t('hub.register.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={340}
        />
        <Select
          label={t('hub.register.station')}
          value={station}
          onChange={(value) => {
            setStation(value ?? ALL);
            setPage(1);
          }}
          allowDeselect={false}
          data={[
            { value: ALL, label: t('hub.register.allStations') },
            ...(current?.stations ?? []).map((s) => ({
              value: s.id,
              label: s.own ? t('hub.register.thisStation', { name: s.name }) : s.name,
            })),
          ]}
          w={240}
        />
        <Select
          label={t('register.filter.level')}
          value={level}
          onChange={(value) => {
            setLevel(value ?? ALL);
            setPage(1);
          }}
          allowDeselect={false}
          data={[
            { value: ALL, label: t('register.filter.allLevels') },
            { value: '2', label: '2' },
            { value: '3', label: '3' },
          ]}
          w={110}
        />
      </Group>
      {error !== null && (
        <Alert color="red" variant="light" title={t('hub.register.loadError')}>
          <Button variant="light" color="red" size="xs" mt="xs" onClick={reload}>
            {t('register.retry')}
          </Button>
        </Alert>
      )}
      {current === null && error === null && <Loader size="sm" aria-label={t('register.loadingRow')} />}
      {current && current.total === 0 && (
        <Text c="dimmed" size="sm" py="lg">
          {t('hub.register.empty')}
        </Text>
      )}
      {current && current.total > 0 && (
        <Box style={{ overflowX: 'auto' }}>
          <Table
            highlightOnHover
            verticalSpacing={8}
            horizontalSpacing="sm"
            aria-label={t('hub.register.tableLabel')}
            style={{ minWidth: 900 }}
            bg="var(--mantine-color-body)"
            withTableBorder
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('hub.register.validity')}</Table.Th>
                <Table.Th>{t('hub.register.cardAndLevel')}</Table.Th>
                <Table.Th>{t('register.column.holderName')}</Table.Th>
                <Table.Th>{t('register.column.organisation')}</Table.Th>
                <Table.Th>{t('hub.register.station')}</Table.Th>
                <Table.Th>{t('register.column.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.rows.map((row) => {
                const status = deriveCardStatus({ ...row, voidedAt: null }, now);
                return (
                  <Table.Tr
                    key={row.id}
                    tabIndex={0}
                    onClick={() => open(row)}
                    onKeyDown={(e) => onKey(e, row)}
                    aria-label={t('hub.register.openCard', { cardNumber: formatCardNumber(row.cardNumber) })}
                    data-own={row.own ? 'true' : 'false'}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td style={mono}>
                      <Text size="sm">{formatIsoLocal(row.issuedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        → {formatIsoLocal(row.expiresAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={mono}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{formatCardNumber(row.cardNumber)}</Text>
                        <Badge variant="default" radius="sm" size="sm" tt="none">
                          {t('card.level', { level: row.assuranceLevel })}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {row.holderName !== null && (
                        <Text size="sm" fw={500}>
                          {row.holderName}
                        </Text>
                      )}
                      <Text
                        size={row.holderName !== null ? 'xs' : 'sm'}
                        c="dimmed"
                        title={
                          row.holderName === null
                            ? t('hub.register.noName', { station: row.station })
                            : undefined
                        }
                      >
                        {row.holderHsaId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={row.organisationHsaId} lineClamp={2}>
                        {row.organisationName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge
                          variant={row.own ? 'light' : 'outline'}
                          color={row.own ? 'teal' : 'gray'}
                          radius="sm"
                          tt="none"
                          fw={600}
                          style={{ overflow: 'visible' }}
                        >
                          {row.station}
                        </Badge>
                        {!row.own && (
                          <IconLock
                            size={14}
                            stroke={1.8}
                            aria-label={t('hub.register.readOnly')}
                            color="var(--mantine-color-dimmed)"
                          />
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge
                          variant="light"
                          color={STATUS_COLORS[status]}
                          radius="sm"
                          size="sm"
                          tt="none"
                          fw={600}
                        >
                          {t(`register.status.${status}`)}
                        </Badge>
                        <FindingBadges row={row} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {current && current.total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('register.count', { count: current.total })} · {t('hub.register.page', { page, pages })}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
        </Group>
      )}
      <RegionCardDrawer row={opened} onClose={() => setOpened(null)} onExtended={() => setOpened(null)} />
    </Stack>
  );
}
