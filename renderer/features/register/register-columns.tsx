import { Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type ReactElement, type ReactNode } from 'react';
import type { CardListRow } from '../../../shared/ipc/contract';
import { deriveCardStatus, STATUS_COLORS } from '../../lib/card-status';
import { formatIsoLocal } from '../../lib/time';
import type { SortField } from './use-card-pages';

/** One column of the register table. */
export interface RegisterColumn {
  id: string;
  /** Key under `ui:register.column.` */
  labelKey: string;
  /** CSS grid track size. */
  width: string;
  /** The server-side sort this column's header applies, if any. */
  sort?: SortField;
  /** Order used the first time the column is chosen: newest first for times. */
  firstDir?: 'asc' | 'desc';
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

const mono = { fontVariantNumeric: 'tabular-nums' } as const;

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  {
    id: 'issuedAt',
    labelKey: 'issuedAt',
    width: '136px',
    sort: 'issuedAt',
    firstDir: 'desc',
    render: (c) => <span style={mono}>{formatIsoLocal(c.issuedAt)}</span>,
  },
  {
    id: 'expiresAt',
    labelKey: 'expiresAt',
    width: '136px',
    sort: 'expiresAt',
    firstDir: 'desc',
    render: (c) => <span style={mono}>{formatIsoLocal(c.expiresAt)}</span>,
  },
  {
    id: 'level',
    labelKey: 'level',
    width: '72px',
    sort: 'level',
    render: (c) => (
      <Badge variant="default" radius="sm" size="md">
        {c.assuranceLevel}
      </Badge>
    ),
  },
  {
    id: 'cardNumber',
    labelKey: 'cardNumber',
    width: '168px',
    sort: 'cardNumber',
    render: (c) => <span style={mono}>{c.cardNumber}</span>,
  },
  {
    id: 'holderName',
    labelKey: 'holderName',
    width: 'minmax(120px, 1.2fr)',
    sort: 'holderName',
    render: (c) => <span style={{ fontWeight: 500 }}>{c.holderName}</span>,
  },
  {
    id: 'holderHsaId',
    labelKey: 'holderHsaId',
    width: '156px',
    render: (c) => <span title={c.holderHsaId}>{c.holderHsaId}</span>,
  },
  {
    id: 'organisation',
    labelKey: 'organisation',
    width: 'minmax(110px, 1fr)',
    sort: 'organisation',
    render: (c) => <span title={c.organisationHsaId}>{c.organisationName}</span>,
  },
  {
    id: 'reason',
    labelKey: 'reason',
    width: 'minmax(110px, 1fr)',
    render: (c, t) => (
      <span>
        {c.reasonCode === 'other' && c.reasonText
          ? t('register.reasonOther', { text: c.reasonText })
          : t(`common:reason.${c.reasonCode}`)}
      </span>
    ),
  },
  {
    id: 'status',
    labelKey: 'status',
    width: '144px',
    render: (c, t, now) => {
      const status = deriveCardStatus(c, now);
      return (
        <Group gap={4} wrap="nowrap">
          <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" size="sm" tt="none" fw={600}>
            {t(`register.status.${status}`)}
          </Badge>
          <FindingBadges card={c} t={t} />
        </Group>
      );
    },
  },
];

/** The grid template shared by the header and every row, so the columns line up. */
export const GRID_TEMPLATE = REGISTER_COLUMNS.map((c) => c.width).join(' ');
