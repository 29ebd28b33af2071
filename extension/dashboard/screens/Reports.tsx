// Reports: the KPI the head shows at a meeting — the share of students and of staff involved
// against the 70% line, by form, class and month with the trend — each chart with its table, then
// every export. Prints on A4 (reports.css).
import { useState } from 'preact/hooks';
import { type KpiMonth, type KpiRow, shareColumnKeys } from '../../../shared/api/reports.ts';
import { useAsync } from '../../components/use-async.ts';
import { formatDate, formatMonth, today } from '../../utils/dates.ts';
import { catalogLabel, t } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { DataTable, percentOf } from '../reports/DataTable.tsx';
import { ExportBar } from '../reports/ExportBar.tsx';
import { KpiCards } from '../reports/KpiCards.tsx';
import { Loaded } from '../reports/Loaded.tsx';
import { ShareChart } from '../reports/ShareChart.tsx';
import type { ScreenProps } from '../screens.ts';
import '../reports/reports.css';

/** The academic year's first month for a date (September). */
const yearStart = (date: string) => {
  const year = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 9 ? 1 : 0);
  return `${year}-09-01`;
};

const shareColumns = () => shareColumnKeys.map((key) => t(key));
const shareCells = (r: KpiRow | KpiMonth) => [
  r.students_total,
  r.students_involved,
  percentOf(r.students_share),
  r.staff_total,
  r.staff_involved,
  percentOf(r.staff_share),
];

export function Reports({ context }: ScreenProps) {
  const organisation = context.school.organisationId;
  const [date, setDate] = useState(today());
  const from = yearStart(date);
  const [data] = useAsync(async () => {
    const [kpi, monthly] = await Promise.all([
      body(client.reports.kpi.$get({ query: { organisation_id: organisation, date } })),
      body(client.reports.kpi.monthly.$get({ query: { organisation_id: organisation, from, to: date } })),
    ]);
    return { kpi, monthly };
  }, [organisation, date]);
  return (
    <>
      <h1>{t('reports.kpi')}</h1>
      <p class="muted">{t('reports.kpiIntro')}</p>
      <div class="toolbar no-print">
        <label>
          {t('reports.date')}
          <input
            type="date"
            value={date}
            max={today()}
            onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
            data-testid="report-date"
          />
        </label>
      </div>
      <Loaded state={data}>
        {({ kpi, monthly }) => {
          const school = kpi.rows.find((r) => r.dimension === 'organisation');
          const forms = kpi.rows.filter((r) => r.dimension === 'form');
          const classes = kpi.rows
            .filter((r) => r.dimension === 'class')
            .sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'ru', { numeric: true }));
          const months = monthly.months;
          const target = Math.round(kpi.target_share * 100);
          const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
          return (
            <>
              {school && <KpiCards school={school} target={kpi.target_share} />}
              <section aria-labelledby="by-month">
                <h2 id="by-month">{t('reports.byMonth')}</h2>
                <ShareChart
                  testId="chart-months"
                  description={t('reports.chartLabel')}
                  labels={months.map((m) => formatMonth(m.month))}
                  series={[
                    { label: t('reports.chartStudents'), values: months.map((m) => pct(m.students_share)) },
                    { label: t('reports.chartStaff'), values: months.map((m) => pct(m.staff_share)), dash: [8, 5] },
                    { label: t('reports.chartTarget'), values: months.map(() => target), dash: [2, 4], width: 1 },
                  ]}
                />
                <DataTable
                  testId="table-months"
                  caption={t('reports.table.monthly')}
                  columns={[t('reports.col.month'), ...shareColumns()]}
                  numeric={[1, 2, 3, 4, 5, 6]}
                  rows={months.map((m) => ({ key: m.month, cells: [formatMonth(m.month), ...shareCells(m)] }))}
                />
              </section>
              <section aria-labelledby="by-form">
                <h2 id="by-form">{t('reports.byForm')}</h2>
                <DataTable
                  testId="table-forms"
                  caption={t('reports.table.kpi', { date: formatDate(date) })}
                  columns={[t('reports.col.form'), ...shareColumns()]}
                  numeric={[1, 2, 3, 4, 5, 6]}
                  rows={forms.map((r) => ({ key: r.key, cells: [r.form ? catalogLabel(r.form) : r.key, ...shareCells(r)] }))}
                />
              </section>
              <section aria-labelledby="by-class">
                <h2 id="by-class">{t('reports.byClass')}</h2>
                <ShareChart
                  testId="chart-classes"
                  bars
                  description={t('reports.barsLabel')}
                  labels={classes.map((c) => c.label ?? '')}
                  series={[
                    { label: t('reports.chartStudents'), values: classes.map((c) => pct(c.students_share)) },
                    { label: t('reports.chartTarget'), values: classes.map(() => target), dash: [2, 4], width: 1 },
                  ]}
                />
                <DataTable
                  testId="table-classes"
                  caption={t('reports.byClass')}
                  columns={[
                    t('reports.dimension.class'),
                    t('reports.col.studentsTotal'),
                    t('reports.col.studentsInvolved'),
                    t('reports.col.studentsShare'),
                  ]}
                  numeric={[1, 2, 3]}
                  rows={classes.map((c) => ({
                    key: c.key,
                    className: (c.students_share ?? 0) < 0.7 ? 'attention' : undefined,
                    cells: [c.label, c.students_total, c.students_involved, percentOf(c.students_share)],
                  }))}
                />
              </section>
              <ExportBar
                tables={['kpi', 'kpi_monthly']}
                params={{ organisation_id: organisation, date, from, to: date }}
                programmeId={context.programme?.id}
              />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
