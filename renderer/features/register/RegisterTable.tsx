import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardListRow } from '../../../shared/ipc/contract';
import { GRID_TEMPLATE, REGISTER_COLUMNS, type RegisterColumn } from './register-columns';
import { RegisterRow } from './RegisterRow';
import classes from './RegisterTable.module.css';
import type { Sort } from './use-card-pages';

/** Fixed row height: the virtualiser never measures, so scrolling 100 000 rows stays smooth. */
export const ROW_HEIGHT = 44;
// The sum of the columns' minimum widths: narrower windows scroll sideways.
const MIN_TABLE_WIDTH = 1160;

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
}

function nextSort(column: RegisterColumn, current: Sort): Sort | null {
  if (!column.sort) return null;
  if (current.by === column.sort) return { by: column.sort, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by: column.sort, dir: column.firstDir ?? 'asc' };
}

/**
 * The register as an ARIA table whose rows are virtualised: only the rows on screen exist
 * in the DOM, and only their pages are fetched. Headers sort on the server; a row opens
 * with a click or Enter, and the arrow keys move between rows.
 */
export function RegisterTable({ total, rowAt, ensureRows, sort, onSort, onOpen }: RegisterTableProps) {
  const { t } = useTranslation('ui');
  const scrollRef = useRef<HTMLDivElement>(null);
  // Status is relative to now; a render-time clock is enough for a register view.
  const [now] = useState(() => Date.now());
  // The virtualiser's API is not memoisable; this component does not rely on the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Until the table is laid out its height is unknown: the window's is an upper bound, so
    // the first render already holds the rows in view instead of none.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    paddingStart: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) ensureRows(first, last);
  }, [first, last, ensureRows]);

  // Rows are memoised, so the handlers they get must not change from render to render.
  const latest = useRef({ onOpen, total, virtualizer });
  useEffect(() => {
    latest.current = { onOpen, total, virtualizer };
  });
  const openRow = useCallback((card: CardListRow) => latest.current.onOpen(card), []);
  const moveFocus = useCallback((index: number, step: 1 | -1) => {
    const target = index + step;
    if (target < 0 || target >= latest.current.total) return;
    latest.current.virtualizer.scrollToIndex(target);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    );
  }, []);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('register.tableLabel')}
      aria-rowcount={total + 1}
    >
      <div style={{ height: virtualizer.getTotalSize(), minWidth: MIN_TABLE_WIDTH, position: 'relative' }}>
        <div role="rowgroup" className={classes.header}>
          <div
            role="row"
            aria-rowindex={1}
            className={classes.row}
            style={{ gridTemplateColumns: GRID_TEMPLATE, height: ROW_HEIGHT }}
          >
            {REGISTER_COLUMNS.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort} onSort={onSort} />
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
              onOpen={openRow}
              onMove={moveFocus}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface HeaderCellProps {
  column: RegisterColumn;
  sort: Sort;
  onSort: (sort: Sort) => void;
}

function HeaderCell({ column, sort, onSort }: HeaderCellProps) {
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
    <div role="columnheader" aria-sort={ariaSort} className={classes.headerCell}>
      {next ? (
        <UnstyledButton
          className={classes.sortButton}
          onClick={() => onSort(next)}
          title={t('register.sortHint', { column: label })}
        >
          <span className={classes.sortLabel}>{label}</span>
          <Icon size={14} stroke={1.8} aria-hidden opacity={active ? 1 : 0.45} style={{ flexShrink: 0 }} />
        </UnstyledButton>
      ) : (
        label
      )}
    </div>
  );
}
