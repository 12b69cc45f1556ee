import { Alert, Box, Button, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCards, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRecord } from '../../../shared/domain/card';
import type { Organisation } from '../../../shared/domain/organisation';
import { useApi } from '../../ipc/client';
import { PAGE_HEADING_ID, PageHeader } from '../../components/PageHeader';
import { useFocusTarget } from '../../lib/page-focus';
import { NoDecisionBanner } from '../decisions/NoDecisionBanner';
import { RegionRegisterPage } from '../hub/RegionRegisterPage';
import { ScopeBar, useScope } from '../hub/ScopeControl';
import { RegisterFilters, type RegisterFilterValues } from './RegisterFilters';
import classes from './RegisterPage.module.css';
import { RegisterTable, type RegisterTableHandle } from './RegisterTable';
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
}

/** The register: every card, searchable, filterable and sortable, with details in a drawer. */
export function RegisterPage({ cardId, onOpenCard, onRegisterCard }: RegisterPageProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [filters, setFilters] = useState<RegisterFilterValues>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>(INITIAL_REGISTER_QUERY.sort);
  const [search] = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [now] = useState(() => Date.now());
  const [opened, setOpened] = useState<CardRecord | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<RegisterTableHandle>(null);
  // The card whose drawer is open, to give the focus back to its row when it closes.
  const openedFrom = useRef<string | null>(cardId);
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

  // Ctrl/Cmd+F and the menu's search ask for the search box.
  useFocusTarget('search', searchRef);

  // The drawer closed (Escape, Stäng, the address): the focus goes back to the card's row,
  // or to the table, or to the heading — never to the page's body.
  useEffect(() => {
    if (cardId !== null) {
      openedFrom.current = cardId;
      return;
    }
    const closed = openedFrom.current;
    if (closed === null) return;
    openedFrom.current = null;
    if (!tableRef.current?.focusRow(closed)) document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [cardId]);

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
    <Stack gap="md" className={classes.page}>
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
      <Box className={classes.tableArea}>
        <div className={classes.tableFill}>
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
              ref={tableRef}
            />
          )}
        </div>
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
