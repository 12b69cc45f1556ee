import { Alert, Box, Button, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCards, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { Organisation } from '../../../shared/domain/organisation';
import { useApi } from '../../ipc/client';
import { PageHeader } from '../../components/PageHeader';
import { NoDecisionBanner } from '../decisions/NoDecisionBanner';
import { RegionRegisterPage } from '../hub/RegionRegisterPage';
import { ScopeBar, useScope } from '../hub/ScopeControl';
import { RegisterFilters, type RegisterFilterValues } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { INITIAL_REGISTER_QUERY, useCardPages, type Sort } from './use-card-pages';

// The drawer (details, lifecycle actions, date pickers) loads when a card is first opened.
const CardDrawer = lazy(() => import('./CardDrawer').then((m) => ({ default: m.CardDrawer })));

/** How long typing in the search box waits before asking the back end. */
export const SEARCH_DEBOUNCE_MS = 200;

const NO_FILTERS: RegisterFilterValues = {
  search: '',
  month: null,
  level: null,
  organisationHsaId: null,
  findings: null,
};

/** Props of {@link RegisterPage}. */
export interface RegisterPageProps {
  /** The card whose drawer is open (from the address), or null. */
  cardId: string | null;
  onOpenCard: (cardId: string | null) => void;
  onRegisterCard: () => void;
  /** Changes whenever the user asks to search (Ctrl/Cmd+F, the menu): focus the search box. */
  focusSearchRequest?: number;
}

/** The register: every card, searchable, filterable and sortable, with details in a drawer. */
export function RegisterPage({
  cardId,
  onOpenCard,
  onRegisterCard,
  focusSearchRequest = 0,
}: RegisterPageProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [filters, setFilters] = useState<RegisterFilterValues>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>(INITIAL_REGISTER_QUERY.sort);
  const [search] = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [now] = useState(() => Date.now());
  const [opened, setOpened] = useState<CardRecord | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  // Once opened, the drawer stays mounted, so that closing it animates.
  const [drawerUsed, setDrawerUsed] = useState(cardId !== null);
  if (cardId !== null && !drawerUsed) setDrawerUsed(true);
  const pages = useCardPages({ ...filters, search, sort });
  // "Den här kortstationen" | "Hela regionen", once the register has joined a regional hub.
  const scope = useScope();

  useEffect(() => {
    void api['organisations:list']({}).then((result) => {
      if (result.ok) setOrganisations(result.value);
    });
  }, [api]);

  useEffect(() => {
    if (focusSearchRequest > 0) searchRef.current?.focus();
  }, [focusSearchRequest]);

  const open = useCallback(
    (card: CardRecord) => {
      setOpened(card);
      onOpenCard(card.id);
    },
    [onOpenCard],
  );

  const filtered =
    search.trim() !== '' ||
    filters.month !== null ||
    filters.level !== null ||
    filters.organisationHsaId !== null ||
    filters.findings !== null;
  const total = pages.total;

  if (scope.scope === 'region') {
    return <RegionRegisterPage cardId={cardId} onOpenCard={onOpenCard} onScope={scope.setScope} />;
  }

  return (
    <Stack
      gap="md"
      h="calc(100dvh - var(--app-shell-header-height, 0px) - 2 * var(--app-shell-padding, 0px))"
    >
      {scope.offered && <ScopeBar scope="desk" onChange={scope.setScope} />}
      <PageHeader
        title={t('register.title')}
        right={
          total !== null && (
            <Text c="dimmed" fw={500} aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('register.count', { count: total })}
            </Text>
          )
        }
      />
      <NoDecisionBanner mb={0} />
      <RegisterFilters
        value={filters}
        onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
        organisations={organisations}
        searchRef={searchRef}
        now={now}
      />
      {pages.failed && (
        <Alert color="red" variant="light" title={t('register.loadError')}>
          <Button variant="light" color="red" size="xs" mt="xs" onClick={pages.retry}>
            {t('register.retry')}
          </Button>
        </Alert>
      )}
      <Box style={{ flex: 1, minHeight: 240 }}>
        {total === null && !pages.failed && <Loader size="sm" aria-label={t('register.loadingRow')} />}
        {total === 0 && !filtered && (
          <EmptyState
            icon={<IconCards size={28} stroke={1.5} />}
            title={t('register.empty.title')}
            description={t('register.empty.description')}
            mt="xl"
          >
            <Button leftSection={<IconPlus size={16} />} onClick={onRegisterCard}>
              {t('register.empty.action')}
            </Button>
          </EmptyState>
        )}
        {total === 0 && filtered && (
          <EmptyState
            icon={<IconFilterOff size={28} stroke={1.5} />}
            title={t('register.noMatches.title')}
            description={t('register.noMatches.description')}
            mt="xl"
          >
            <Button variant="default" onClick={() => setFilters(NO_FILTERS)}>
              {t('register.filter.clear')}
            </Button>
          </EmptyState>
        )}
        {total !== null && total > 0 && (
          <RegisterTable
            total={total}
            rowAt={pages.rowAt}
            ensureRows={pages.ensureRows}
            sort={sort}
            onSort={setSort}
            onOpen={open}
          />
        )}
      </Box>
      {(drawerUsed || cardId !== null) && (
        <Suspense fallback={null}>
          <CardDrawer
            cardId={cardId}
            initial={opened}
            onClose={() => onOpenCard(null)}
            onChanged={pages.retry}
          />
        </Suspense>
      )}
    </Stack>
  );
}
