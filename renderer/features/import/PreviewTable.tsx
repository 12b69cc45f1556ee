import { ActionIcon, Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFieldError } from '../../../shared/i18n';
import { FINDING_SEVERITY } from '../../../shared/rules/types';
import type { WizardRow } from './import-preview';
import classes from './ImportPage.module.css';

/** Fixed row height, so 100 000 rows scroll without measuring. */
export const PREVIEW_ROW_HEIGHT = 44;
const GRID = '52px 68px 186px minmax(110px, 1fr) 142px 142px 58px minmax(180px, 2fr) 48px';
const MIN_WIDTH = 990;

/** Props of {@link PreviewTable}. */
export interface PreviewTableProps {
  rows: readonly WizardRow[];
  /** Indexes into `rows` of the rows shown, in order. */
  visible: readonly number[];
  onRemove: (index: number) => void;
}

/** The rows to import as a virtualised ARIA table: status, key fields, errors and findings. */
export function PreviewTable({ rows, visible, onRemove }: PreviewTableProps) {
  const { t } = useTranslation('ui');
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PREVIEW_ROW_HEIGHT,
    overscan: 10,
    paddingStart: PREVIEW_ROW_HEIGHT,
  });
  const columns = [
    'row',
    'status',
    'cardNumber',
    'holder',
    'issuedAt',
    'expiresAt',
    'level',
    'problems',
    'remove',
  ];
  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('importWizard.preview.tableLabel')}
      aria-rowcount={visible.length + 1}
    >
      <div style={{ height: virtualizer.getTotalSize(), minWidth: MIN_WIDTH, position: 'relative' }}>
        <div role="rowgroup" className={classes.header}>
          <div
            role="row"
            className={classes.row}
            style={{ gridTemplateColumns: GRID, height: PREVIEW_ROW_HEIGHT }}
          >
            {columns.map((c) => (
              <div role="columnheader" key={c} className={classes.cell}>
                {c === 'remove' ? (
                  <VisuallyHidden>{t('importWizard.preview.column.remove')}</VisuallyHidden>
                ) : (
                  t(`importWizard.preview.column.${c}`)
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const index = visible[item.index]!;
            return (
              <PreviewRow
                key={item.key}
                row={rows[index]!}
                index={index}
                start={item.start}
                onRemove={onRemove}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface PreviewRowProps {
  row: WizardRow;
  index: number;
  start: number;
  onRemove: (index: number) => void;
}

const PreviewRow = memo(function PreviewRow({ row, index, start, onRemove }: PreviewRowProps) {
  const { t, i18n } = useTranslation('ui');
  const errors = row.check?.errors ?? [];
  const findings = row.check?.findings ?? [];
  const errorText = errors.map((e) => describeFieldError(i18n.t.bind(i18n), e)).join(' · ');
  const v = row.values;
  return (
    <div
      role="row"
      className={`${classes.row} ${classes.bodyRow}`}
      data-error={errors.length > 0 || undefined}
      style={{ gridTemplateColumns: GRID, height: PREVIEW_ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <div role="cell" className={classes.cell}>
        {row.source}
      </div>
      <div role="cell" className={classes.cell}>
        {!row.check ? (
          <Badge size="sm" variant="outline" color="gray">
            {t('importWizard.preview.pending')}
          </Badge>
        ) : errors.length > 0 ? (
          <Badge size="sm" color="red">
            {t('importWizard.preview.error')}
          </Badge>
        ) : (
          <Badge size="sm" variant="light" color="teal">
            {t('importWizard.preview.ok')}
          </Badge>
        )}
      </div>
      <div role="cell" className={classes.cell}>
        {v.cardNumber?.replace(/[\s-]/g, '')}
      </div>
      <div role="cell" className={classes.cell}>
        {v.holderName}
      </div>
      <div role="cell" className={classes.cell}>
        {v.issuedAt}
      </div>
      <div role="cell" className={classes.cell}>
        {v.expiresAt}
      </div>
      <div role="cell" className={classes.cell}>
        {v.assuranceLevel}
      </div>
      <div role="cell" className={classes.cell} title={errorText || undefined}>
        {errors.length > 0 ? (
          <Text size="xs" c="red.8" truncate>
            {errorText}
          </Text>
        ) : (
          <Group gap={4} wrap="nowrap">
            {findings.map((code) => (
              <Badge
                key={code}
                size="sm"
                variant="light"
                color={FINDING_SEVERITY[code] === 'violation' ? 'red' : 'orange'}
                style={{ flexShrink: 0 }}
              >
                {t(`importWizard.finding.${code}`)}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      <div role="cell" className={classes.cell}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('importWizard.preview.remove', { row: row.source })}
          title={t('importWizard.preview.remove', { row: row.source })}
          onClick={() => onRemove(index)}
        >
          <IconTrash size={16} stroke={1.6} />
        </ActionIcon>
      </div>
    </div>
  );
});
