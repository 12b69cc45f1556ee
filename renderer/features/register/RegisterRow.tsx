import { Skeleton } from '@mantine/core';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardListRow } from '../../../shared/ipc/contract';
import { GRID_TEMPLATE, REGISTER_COLUMNS } from './register-columns';
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
  onOpen: (card: CardListRow) => void;
  /** Moves the focus to the row `step` rows away. */
  onMove: (index: number, step: 1 | -1) => void;
}

/**
 * One row of the register. Memoised: while scrolling, rows that stay in view are not
 * rendered again, which keeps the frame budget for the rows that arrive.
 */
export const RegisterRow = memo(function RegisterRow({
  index,
  start,
  height,
  card,
  now,
  onOpen,
  onMove,
}: RegisterRowProps) {
  const { t } = useTranslation('ui');
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.key === 'Enter' || event.key === ' ') && card) {
      event.preventDefault();
      onOpen(card);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(index, event.key === 'ArrowDown' ? 1 : -1);
    }
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={0}
      className={`${classes.row} ${classes.bodyRow}`}
      style={{
        gridTemplateColumns: GRID_TEMPLATE,
        height,
        width: '100%',
        transform: `translateY(${start}px)`,
      }}
      aria-busy={card ? undefined : true}
      onClick={() => card && onOpen(card)}
      onKeyDown={onKeyDown}
    >
      {REGISTER_COLUMNS.map((column) => (
        <div key={column.id} role="cell" className={classes.cell}>
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
