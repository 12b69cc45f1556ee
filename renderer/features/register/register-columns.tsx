import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
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

/** The most serious stored finding of a row, for the marker next to its status. */
function worstSeverity(card: CardListRow): 'violation' | 'warning' | null {
  if (card.findings.some((f) => f.severity === 'violation')) return 'violation';
  return card.findings.length > 0 ? 'warning' : null;
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
    width: '180px',
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
    width: '176px',
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
    width: '112px',
    render: (c, t, now) => {
      const status = deriveCardStatus(c, now);
      const severity = worstSeverity(c);
      return (
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" size="sm" tt="none" fw={600}>
            {t(`register.status.${status}`)}
          </Badge>
          {severity && (
            <IconAlertTriangle
              size={16}
              stroke={1.8}
              color={`var(--mantine-color-${severity === 'violation' ? 'red' : 'yellow'}-7)`}
              role="img"
              aria-label={t(`register.finding.${severity}`)}
              title={t(`register.finding.${severity}`)}
            />
          )}
        </Group>
      );
    },
  },
];

/** The grid template shared by the header and every row, so the columns line up. */
export const GRID_TEMPLATE = REGISTER_COLUMNS.map((c) => c.width).join(' ');
