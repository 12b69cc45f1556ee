import { Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type ReactElement, type ReactNode } from 'react';
import type { CardListRow } from '../../../shared/ipc/contract';
import { deriveCardStatus, STATUS_COLORS } from '../../lib/card-status';
import { formatCardNumber } from '../../lib/card-number';
import { formatIsoLocal } from '../../lib/time';
import type { SortField } from './use-card-pages';

/** How much room the register has: roomy lines, or two-line cells and fewer columns. */
export type RegisterDensity = 'roomy' | 'compact';

/** One column of the register table. */
export interface RegisterColumn {
  id: string;
  /** Key under `ui:register.column.` */
  labelKey: string;
  /** CSS grid track size with room to spare, and when the table is short of room. */
  width: { roomy: string; compact: string };
  /**
   * When the table is short of room, columns give way (are left out; the drawer still shows
   * them) in this order, 1 first. Columns without it are always shown.
   */
  givesWay?: 1 | 2;
  /** The server-side sort this column's header applies, if any. */
  sort?: SortField;
  /** Order used the first time the column is chosen: newest first for times. */
  firstDir?: 'asc' | 'desc';
  /** A class for the column's cells (how its text wraps). */
  cellClass?: 'lines' | 'identifier' | 'hsaId' | 'badges';
  render: (card: CardListRow, t: TFunction, now: number) => ReactNode;
}

/**
 * A Mantine tooltip mounted only while its target is pointed at or focused: the register
 * shows a badge on most rows, and a tooltip per row (each with its own positioning hooks)
 * doubled the time the first rows took to appear.
 */
function OnDemandTooltip({ label, children }: { label: string; children: ReactElement }) {
  const [open, setOpen] = useState(false);
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  return (
    <span
      style={{ display: 'inline-flex', flexShrink: 0 }}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
    >
      {open ? (
        <Tooltip opened multiline maw={320} withArrow label={label}>
          {children}
        </Tooltip>
      ) : (
        children
      )}
    </span>
  );
}

/** A badge per severity of a row's stored findings: red for violations, amber for warnings. */
function FindingBadges({ card, t }: { card: CardListRow; t: TFunction }) {
  const groups = (['violation', 'warning'] as const)
    .map((severity) => ({ severity, codes: card.findings.filter((f) => f.severity === severity) }))
    .filter((g) => g.codes.length > 0);
  return groups.map(({ severity, codes }) => {
    const violation = severity === 'violation';
    const Icon = violation ? IconAlertOctagon : IconAlertTriangle;
    const label = t(violation ? 'verdict.violationCount' : 'verdict.warningCount', { count: codes.length });
    return (
      <OnDemandTooltip key={severity} label={codes.map((f) => t(`verdict.code.${f.code}`)).join(' · ')}>
        <Badge
          data-finding={severity}
          role="img"
          aria-label={t(`register.finding.${severity}`)}
          title={label}
          // Amber with dark text for warnings: Mantine's light variant with a shade drew
          // the text in nearly the background's colour.
          color={violation ? 'red' : 'yellow.5'}
          variant="filled"
          autoContrast
          radius="sm"
          size="sm"
          leftSection={<Icon size={12} stroke={2} />}
          px={6}
          style={{ flexShrink: 0 }}
        >
          {codes.length}
        </Badge>
      </OnDemandTooltip>
    );
  });
}

/** A date and time, on two lines when the column is narrow (a break between the two only). */
function LocalTime({ iso }: { iso: string }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'normal' }}>{formatIsoLocal(iso)}</span>
  );
}

/**
 * The register's columns, most important first: status and findings, then what identifies
 * the card and its holder; organisation and reason give way first on a narrow window. No
 * column cuts what it shows: long text wraps to a second line, identifiers wrap whole.
 */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  {
    id: 'status',
    labelKey: 'status',
    width: { roomy: '168px', compact: '100px' },
    cellClass: 'badges',
    render: (c, t, now) => {
      const status = deriveCardStatus(c, now);
      return (
        <Group gap={4} wrap="wrap">
          <Badge
            variant="light"
            color={STATUS_COLORS[status]}
            radius="sm"
            size="sm"
            tt="none"
            fw={600}
            style={{ flexShrink: 0, overflow: 'visible' }}
          >
            {t(`register.status.${status}`)}
          </Badge>
          <FindingBadges card={c} t={t} />
        </Group>
      );
    },
  },
  {
    id: 'cardNumber',
    labelKey: 'cardNumber',
    width: { roomy: '200px', compact: '180px' },
    sort: 'cardNumber',
    cellClass: 'identifier',
    render: (c) => formatCardNumber(c.cardNumber),
  },
  {
    id: 'holderName',
    labelKey: 'holderName',
    width: { roomy: 'minmax(140px, 1.3fr)', compact: 'minmax(100px, 1.3fr)' },
    sort: 'holderName',
    cellClass: 'lines',
    render: (c) => (
      <span style={{ fontWeight: 500 }} title={c.holderName}>
        {c.holderName}
      </span>
    ),
  },
  {
    id: 'holderHsaId',
    labelKey: 'holderHsaId',
    width: { roomy: '176px', compact: '128px' },
    cellClass: 'hsaId',
    render: (c) => c.holderHsaId,
  },
  {
    id: 'level',
    labelKey: 'level',
    width: { roomy: '68px', compact: '66px' },
    sort: 'level',
    render: (c) => (
      <Badge variant="default" radius="sm" size="md">
        {c.assuranceLevel}
      </Badge>
    ),
  },
  {
    id: 'issuedAt',
    labelKey: 'issuedAt',
    width: { roomy: '136px', compact: '96px' },
    sort: 'issuedAt',
    firstDir: 'desc',
    render: (c) => <LocalTime iso={c.issuedAt} />,
  },
  {
    id: 'expiresAt',
    labelKey: 'expiresAt',
    width: { roomy: '136px', compact: '96px' },
    sort: 'expiresAt',
    firstDir: 'desc',
    render: (c) => <LocalTime iso={c.expiresAt} />,
  },
  {
    id: 'organisation',
    labelKey: 'organisation',
    width: { roomy: 'minmax(124px, 1fr)', compact: 'minmax(124px, 1fr)' },
    givesWay: 2,
    sort: 'organisation',
    cellClass: 'lines',
    render: (c) => <span title={`${c.organisationName} (${c.organisationHsaId})`}>{c.organisationName}</span>,
  },
  {
    id: 'reason',
    labelKey: 'reason',
    width: { roomy: 'minmax(120px, 1fr)', compact: 'minmax(100px, 1fr)' },
    givesWay: 1,
    cellClass: 'lines',
    render: (c, t) => {
      const text =
        c.reasonCode === 'other' && c.reasonText
          ? t('register.reasonOther', { text: c.reasonText })
          : t(`common:reason.${c.reasonCode}`);
      return <span title={text}>{text}</span>;
    },
  },
];

/** The row's padding left and right together (RegisterTable.module.css), in pixels. */
const ROW_PADDING = 8;

/** The columns shown at a table width, and the grid template the header and rows share. */
export interface RegisterLayout {
  density: RegisterDensity;
  columns: readonly RegisterColumn[];
  template: string;
  /** The narrowest the rows can be (the tracks' minimums and the row's padding), in pixels. */
  minWidth: number;
}

/** The smallest width of a grid track: `136px`, or the first size of `minmax(100px, 1fr)`. */
function trackMinimum(track: string): number {
  return Number(/(\d+)px/.exec(track)?.[1] ?? 0);
}

function layoutOf(density: RegisterDensity, columns: readonly RegisterColumn[]): RegisterLayout {
  const tracks = columns.map((c) => c.width[density]);
  const minWidth = tracks.reduce((sum, track) => sum + trackMinimum(track), ROW_PADDING);
  return { density, columns, template: tracks.join(' '), minWidth };
}

// From the most room to the least: every column on one line each, every column on two,
// then without the columns that give way first.
const LAYOUTS: readonly RegisterLayout[] = [
  layoutOf('roomy', REGISTER_COLUMNS),
  layoutOf('compact', REGISTER_COLUMNS),
  layoutOf(
    'compact',
    REGISTER_COLUMNS.filter((c) => c.givesWay === undefined || c.givesWay > 1),
  ),
  layoutOf(
    'compact',
    REGISTER_COLUMNS.filter((c) => c.givesWay === undefined),
  ),
];

/**
 * The roomiest layout that fits a table `width` pixels wide. A width of 0 (not laid out
 * yet) shows every column. Narrower than the last layout's minimum, the table scrolls
 * sideways with the status column held at the left.
 */
export function registerLayout(width: number): RegisterLayout {
  if (width === 0) return LAYOUTS[0]!;
  return LAYOUTS.find((layout) => layout.minWidth <= width) ?? LAYOUTS[LAYOUTS.length - 1]!;
}
