import { Skeleton } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardListRow } from '../../../shared/ipc/contract';
import type { RegisterColumn } from './register-columns';
import classes from './RegisterTable.module.css';

/** Props of {@link RegisterRow}. */
export interface RegisterRowProps {
  index: number;
  /** Offset from the top of the table body, in pixels. */
  start: number;
  height: number;
  /** The card, or undefined while its page is loading. */
  card: CardListRow | undefined;
  /** The instant statuses are judged at. */
  now: number;
  /** The columns shown, and their grid template. */
  columns: readonly RegisterColumn[];
  template: string;
  /** True for the table's one Tab stop (roving tabindex). */
  tabStop: boolean;
  onOpen: (card: CardListRow) => void;
  /** The row took the focus (a click, an arrow key): it becomes the table's Tab stop. */
  onFocusRow: (index: number) => void;
}

/**
 * One row of the register. Memoised: while scrolling, rows that stay in view are not
 * rendered again, which keeps the frame budget for the rows that arrive. Its keys are
 * handled by the table (see RegisterTable).
 */
export const RegisterRow = memo(function RegisterRow({
  index,
  start,
  height,
  card,
  now,
  columns,
  template,
  tabStop,
  onOpen,
  onFocusRow,
}: RegisterRowProps) {
  const { t } = useTranslation('ui');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-card-id={card?.id}
      tabIndex={tabStop ? 0 : -1}
      className={`${classes.row} ${classes.bodyRow}`}
      style={{
        gridTemplateColumns: template,
        height,
        transform: `translateY(${start}px)`,
      }}
      aria-busy={card ? undefined : true}
      onClick={() => card && onOpen(card)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="cell"
          className={`${classes.cell} ${column.cellClass ? classes[column.cellClass] : ''}`}
        >
          {card ? (
            column.render(card, t, now)
          ) : (
            <Skeleton height={10} radius="sm" width="70%" aria-label={t('register.loadingRow')} />
          )}
        </div>
      ))}
    </div>
  );
});
