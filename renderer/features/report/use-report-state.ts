import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFileFormat } from '../../../shared/report/monthly-schema';
import { useApi } from '../../ipc/client';
import { listRecentMonths } from '../../lib/time';
import { toActionErrors } from '../lifecycle/field-messages';

/** How the last export went: the files written, or why nothing was. */
export type ExportOutcome = { ok: true; files: string[] } | { ok: false; message: string };

/** The months a report can be asked for: the previous month (Stockholm) first, then three years back. */
export function useReportMonths(now?: number) {
  const [clock] = useState(() => now ?? Date.now());
  const months = useMemo(() => listRecentMonths(clock, 37).slice(1), [clock]);
  const [month, setMonth] = useState(months[0]!);
  return { months, month, setMonth };
}

/**
 * The export of a month's report (the desk's own, or the region's): runs the channel, keeps
 * whether it is on its way and how it went, and calls `onExported` after a written export
 * (the report now counts as reported).
 */
export function useReportExport(
  channel: 'report:export' | 'region:export',
  month: string,
  onExported: () => void,
) {
  const api = useApi();
  const { t: tc } = useTranslation('common');
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);

  const exportAs = async (format: ReportFileFormat) => {
    setExporting(true);
    setOutcome(null);
    const result = await api[channel]({ month, format });
    setExporting(false);
    if (!result.ok) {
      setOutcome({ ok: false, message: toActionErrors(result.error, tc).general.join(' ') });
      return;
    }
    if ('cancelled' in result.value) return;
    setOutcome({ ok: true, files: result.value.files });
    onExported();
  };

  return { exporting, outcome, exportAs, clearOutcome: () => setOutcome(null) };
}
