import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ReportHistory } from '../../../shared/ipc/report';

/** Newly issued cards per level and month: the shift from level 2 to level 3 at a glance. */
export function HistoryChart({ history }: { history: ReportHistory }) {
  const { t } = useTranslation('ui');
  const data = history.map((row) => ({
    month: row.month,
    level2: row.newlyIssued.level2,
    level3: row.newlyIssued.level3,
  }));
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="month"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      tickLine="y"
      gridAxis="y"
      yAxisProps={{ allowDecimals: false }}
      series={[
        { name: 'level2', label: t('report.level2'), color: 'orange.6' },
        { name: 'level3', label: t('report.level3'), color: 'blue.6' },
      ]}
      aria-label={t('report.chart')}
    />
  );
}
