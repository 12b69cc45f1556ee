import type { TFunction } from 'i18next';
import type { AuditEntryOut } from '../../../shared/domain/lifecycle';
import { formatLocal } from '../../../shared/time/stockholm';
import { formatIsoLocal } from '../../lib/time';

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function timeText(value: unknown): string {
  if (typeof value === 'number') return formatLocal(value);
  if (typeof value === 'string') return formatIsoLocal(value);
  return '';
}

/** The action's name, translated where known (`audit.actionName.*`), else as stored. */
export function actionLabel(entry: AuditEntryOut, t: TFunction): string {
  return t(`audit.actionName.${entry.action}`, { defaultValue: entry.action });
}

/** A short detail for the entries a desk reads most: how a card ended, why it was voided. */
export function actionDetail(entry: AuditEntryOut, t: TFunction): string {
  if (entry.action === 'card.end') {
    const reason = field(entry.after, 'endReason');
    if (typeof reason !== 'string') return '';
    return t('audit.detailEnd', {
      reason: t(`audit.endReason.${reason}`, { defaultValue: reason }),
      time: timeText(field(entry.after, 'endedAt')),
    });
  }
  if (entry.action === 'card.void') {
    const why = field(entry.after, 'voidReason');
    return typeof why === 'string' ? t('audit.detailVoid', { why }) : '';
  }
  return '';
}
