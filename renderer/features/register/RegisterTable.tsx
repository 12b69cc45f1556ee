import { UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { CardListRow } from '../../../shared/ipc/contract';
import { registerLayout, type RegisterColumn } from './register-columns';
import { RegisterRow } from './RegisterRow';
import classes from './RegisterTable.module.css';
import type { Sort } from './use-card-pages';

/** Fixed row height: the virtualiser never measures, so scrolling 100 000 rows stays smooth. */
export const ROW_HEIGHT = 44;
const OVERSCAN = 6;
const KEYS_HINT_ID = 'register-keys-hint';

/** What the page can ask of the table. */
export interface RegisterTableHandle {
  /**
   * Gives the focus back to the table: to the row of `cardId` if it is on screen, else to
   * the table's Tab stop. False when there is nothing to focus.
   */
  focusRow: (cardId: string | null) => boolean;
}

/** Props of {@link RegisterTable}. */
export interface RegisterTableProps {
  total: number;
  /** The row at an index, or undefined while its page is loading. */
  rowAt: (index: number) => CardListRow | undefined;
  /** Asks for the rows in view (inclusive) to be fetched. */
  ensureRows: (start: number, end: number) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onOpen: (card: CardListRow) => void;
  ref?: Ref<RegisterTableHandle>;
}

function nextSort(column: RegisterColumn, current: Sort): Sort | null {
  if (!column.sort) return null;
  if (current.by === column.sort) return { by: column.sort, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by: column.sort, dir: column.firstDir ?? 'asc' };
}

/** The table's one Tab stop: a body row, or a sort button in the header. */
type Stop = { in: 'body'; index: number } | { in: 'header'; index: number };

/** The width of an element, kept up to date as the window or the layout changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The register as an ARIA table whose rows are virtualised: only the rows on screen exist
 * in the DOM, and only their pages are fetched. Headers sort on the server. The table is
 * one Tab stop (roving tabindex): the arrow keys, Page Up/Down, Home and End move between
 * rows, Enter or Space opens one, and Arrow Up from the first row reaches the sort buttons.
 * The row with the focus is always rendered, so scrolling never drops the focus.
 */
export function RegisterTable({ total, rowAt, ensureRows, sort, onSort, onOpen, ref }: RegisterTableProps) {
  const { t } = useTranslation('ui');
  const scrollRef = useRef<HTMLDivElement>(null);
  // Status is relative to now; a render-time clock is enough for a register view.
  const [now] = useState(() => Date.now());
  const layout = registerLayout(useWidth(scrollRef));
  const sortable = layout.columns.filter((c) => c.sort);
  const [stop, setStop] = useState<Stop>({ in: 'body', index: 0 });
  const active = Math.max(0, Math.min(stop.in === 'body' ? stop.index : 0, total - 1));
  const headerStop = stop.in === 'header' ? Math.min(stop.index, sortable.length - 1) : null;
  // Set by a key that moved the Tab stop: the focus follows once the row is rendered.
  const focusPending = useRef(false);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active < total && !indexes.includes(active)) indexes.push(active);
      return indexes.sort((a, b) => a - b);
    },
    [active, total],
  );
  // The virtualiser's API is not memoisable; this component does not rely on the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // Until the table is laid out its height is unknown: the window's is an upper bound, so
    // the first render already holds the rows in view instead of none.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    paddingStart: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // The rows in view and the overscan: the focused row, kept rendered far away, is not
  // a reason to fetch every page in between.
  const range = virtualizer.range;
  const first = range ? Math.max(0, range.startIndex - OVERSCAN) : (items[0]?.index ?? 0);
  const last = range ? Math.min(total - 1, range.endIndex + OVERSCAN) : (items.at(-1)?.index ?? -1);

  useEffect(() => {
    if (last >= first) ensureRows(first, last);
  }, [first, last, ensureRows]);
  useEffect(() => {
    if (active < total) ensureRows(active, active);
  }, [active, total, ensureRows]);

  const rowElement = (index: number) =>
    scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`) ?? null;

  useEffect(() => {
    // A row of this table has the focus but is not the Tab stop: a key moved the stop while
    // another render came in between (a scroll, a page of rows). The focus follows the stop.
    const focused = document.activeElement;
    const strayRow =
      headerStop === null &&
      focused instanceof HTMLElement &&
      focused.getAttribute('role') === 'row' &&
      scrollRef.current?.contains(focused) === true &&
      Number(focused.dataset.index) !== active;
    if (!focusPending.current && !strayRow) return;
    const target = headerStop !== null ? null : rowElement(active);
    if (headerStop === null && !target) return; // not rendered yet: try again on the next render
    focusPending.current = false;
    if (headerStop !== null) {
      scrollRef.current?.querySelectorAll<HTMLElement>('[data-sort-button]')[headerStop]?.focus();
    } else {
      target?.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, total - 1));
    focusPending.current = true;
    setStop({ in: 'body', index: target });
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const visibleRows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);

  const onBodyKey = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const card = rowAt(index);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => {
        if (index > 0) moveTo(index - 1);
        else if (sortable.length > 0) {
          focusPending.current = true;
          setStop({
            in: 'header',
            index: Math.max(
              0,
              sortable.findIndex((c) => c.sort === sort.by),
            ),
          });
        }
      },
      PageDown: () => moveTo(index + visibleRows()),
      PageUp: () => moveTo(index - visibleRows()),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => card && onOpen(card),
      ' ': () => card && onOpen(card),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const onHeaderKey = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const target =
      event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? sortable.length - 1
              : null;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveTo(active);
      return;
    }
    if (target === null) return;
    event.preventDefault();
    focusPending.current = true;
    setStop({ in: 'header', index: Math.max(0, Math.min(target, sortable.length - 1)) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.target as HTMLElement;
    if (element.matches('[data-sort-button]')) {
      const index = Number(element.dataset.sortButton);
      onHeaderKey(event, index);
    } else if (element.getAttribute('role') === 'row' && element.dataset.index !== undefined) {
      onBodyKey(event, Number(element.dataset.index));
    }
  };

  // Rows are memoised, so the handlers they get must not change from render to render.
  const latest = useRef({ onOpen });
  useEffect(() => {
    latest.current = { onOpen };
  });
  const openRow = useCallback((card: CardListRow) => latest.current.onOpen(card), []);
  const focusRow = useCallback((index: number) => setStop({ in: 'body', index }), []);

  useImperativeHandle(
    ref,
    () => ({
      focusRow(cardId) {
        if (total === 0 || !scrollRef.current) return false;
        const row = cardId
          ? scrollRef.current.querySelector<HTMLElement>(`[role="row"][data-card-id="${CSS.escape(cardId)}"]`)
          : null;
        const index = row ? Number(row.dataset.index) : active;
        focusPending.current = true;
        setStop({ in: 'body', index });
        if (row) row.focus({ preventScroll: true });
        else virtualizer.scrollToIndex(index, { align: 'auto' });
        return true;
      },
    }),
    [total, active, virtualizer],
  );

  return (
    <>
      <VisuallyHidden id={KEYS_HINT_ID}>{t('a11y.registerKeys')}</VisuallyHidden>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="table"
        aria-label={t('register.tableLabel')}
        aria-describedby={KEYS_HINT_ID}
        aria-rowcount={total + 1}
        aria-colcount={layout.columns.length}
        data-density={layout.density}
        onKeyDown={onKeyDown}
      >
        <div
          className={classes.canvas}
          style={{ height: virtualizer.getTotalSize(), minWidth: layout.minWidth }}
        >
          <div role="rowgroup" className={classes.header}>
            <div
              role="row"
              aria-rowindex={1}
              className={classes.row}
              style={{ gridTemplateColumns: layout.template, height: ROW_HEIGHT }}
            >
              {layout.columns.map((column) => (
                <HeaderCell
                  key={column.id}
                  column={column}
                  sort={sort}
                  onSort={onSort}
                  buttonIndex={sortable.indexOf(column)}
                  tabStop={headerStop !== null && sortable[headerStop] === column}
                  onFocusButton={(index) => setStop({ in: 'header', index })}
                />
              ))}
            </div>
          </div>
          <div role="rowgroup">
            {items.map((item) => (
              <RegisterRow
                key={item.key}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                card={rowAt(item.index)}
                now={now}
                columns={layout.columns}
                template={layout.template}
                tabStop={headerStop === null && item.index === active}
                onOpen={openRow}
                onFocusRow={focusRow}
              />
            ))}
          </div>
        </div>
      </div>
    </>
  );
}

interface HeaderCellProps {
  column: RegisterColumn;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** The column's place among the sort buttons, or -1 without one. */
  buttonIndex: number;
  tabStop: boolean;
  onFocusButton: (index: number) => void;
}

function HeaderCell({ column, sort, onSort, buttonIndex, tabStop, onFocusButton }: HeaderCellProps) {
  const { t } = useTranslation('ui');
  const label = t(`register.column.${column.labelKey}`);
  const active = column.sort !== undefined && sort.by === column.sort;
  const ariaSort = active
    ? sort.dir === 'asc'
      ? 'ascending'
      : 'descending'
    : column.sort
      ? 'none'
      : undefined;
  const next = nextSort(column, sort);
  const Icon = !active ? IconSelector : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`${classes.cell} ${classes.headerCell}`}>
      {next ? (
        <UnstyledButton
          className={classes.sortButton}
          onClick={() => onSort(next)}
          title={t('register.sortHint', { column: label })}
          tabIndex={tabStop ? 0 : -1}
          data-sort-button={buttonIndex}
          onFocus={() => onFocusButton(buttonIndex)}
        >
          <span className={classes.sortLabel}>{label}</span>
          <Icon size={14} stroke={1.8} aria-hidden opacity={active ? 1 : 0.45} style={{ flexShrink: 0 }} />
        </UnstyledButton>
      ) : (
        <span className={classes.sortLabel}>{label}</span>
      )}
    </div>
  );
}
