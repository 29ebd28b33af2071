// The region: its figures, each municipality's and each school's against the 70% line — counts
// only, never a child's name (the API's roll-up has none to give). A regional viewer sees every
// school of their region; a head or curator sees their own school in it.
import { useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async.ts';
import { today } from '../../utils/dates.ts';
import { t, tn } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { DataTable, percentOf } from '../reports/DataTable.tsx';
import { ExportBar } from '../reports/ExportBar.tsx';
import { Loaded } from '../reports/Loaded.tsx';
import { ShareChart } from '../reports/ShareChart.tsx';
import '../reports/reports.css';

export function RegionView() {
  const [regions] = useAsync(() => body(client.reports.regions.$get()), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [date, setDate] = useState(today());
  return (
    <>
      <h1>{t('region.title')}</h1>
      <p class="muted">{t('region.intro')}</p>
      <Loaded state={regions}>
        {({ items }) => {
          const region = chosen ?? items[0] ?? null;
          if (!region) return <p class="muted">{t('region.empty')}</p>;
          return (
            <>
              <div class="toolbar no-print">
                <label>
                  {t('region.name')}
                  <select value={region} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="region-select">
                    {items.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('reports.date')}
                  <input type="date" value={date} max={today()} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
                </label>
              </div>
              <RegionFigures region={region} date={date} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function RegionFigures({ region, date }: { region: string; date: string }) {
  const [rollUp] = useAsync(() => body(client.reports.region.$get({ query: { region, date } })), [region, date]);
  return (
    <Loaded state={rollUp}>
      {({ rows }) => {
        const whole = rows.find((r) => r.level === 'region');
        if (!whole) return <p class="muted">{t('region.empty')}</p>;
        const municipalities = rows.filter((r) => r.level === 'municipality');
        // The region, then each municipality followed by its schools.
        const ordered = [
          whole,
          ...municipalities.flatMap((m) => [m, ...rows.filter((r) => r.level === 'organisation' && r.municipality === m.municipality)]),
        ];
        const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
        return (
          <>
            <p data-testid="region-summary">
              {tn('region.schools', whole.schools)} · {t('reports.students')}:{' '}
              {t('reports.share', {
                involved: whole.students_involved,
                total: whole.students_total,
                percent: percentOf(whole.students_share),
              })}{' '}
              · {t('reports.staff')}:{' '}
              {t('reports.share', { involved: whole.staff_involved, total: whole.staff_total, percent: percentOf(whole.staff_share) })}
            </p>
            <ShareChart
              testId="chart-municipalities"
              bars
              description={t('reports.barsLabel')}
              labels={municipalities.map((m) => m.municipality || '—')}
              series={[
                { label: t('reports.chartStudents'), values: municipalities.map((m) => pct(m.students_share)) },
                { label: t('reports.chartTarget'), values: municipalities.map(() => 70), dash: [2, 4], width: 1 },
              ]}
            />
            <DataTable
              testId="table-region"
              caption={t('reports.table.region', { region, date })}
              columns={[
                t('reports.col.level'),
                t('reports.col.municipality'),
                t('reports.col.school'),
                t('reports.col.schools'),
                t('reports.col.studentsInvolved'),
                t('reports.col.studentsShare'),
                t('reports.col.staffInvolved'),
                t('reports.col.staffShare'),
              ]}
              numeric={[3, 4, 5, 6, 7]}
              rows={ordered.map((r) => ({
                key: `${r.level}/${r.municipality ?? ''}/${r.organisation_id ?? ''}`,
                className: (r.students_share ?? 0) < 0.7 ? 'attention' : undefined,
                cells: [
                  t(`region.level.${r.level}`),
                  r.municipality,
                  r.organisation_name,
                  r.schools,
                  `${r.students_involved} / ${r.students_total}`,
                  percentOf(r.students_share),
                  `${r.staff_involved} / ${r.staff_total}`,
                  percentOf(r.staff_share),
                ],
              }))}
            />
            <ExportBar tables={['region']} params={{ region, date }} />
          </>
        );
      }}
    </Loaded>
  );
}

export function RegionScreen() {
  return <RegionView />;
}
