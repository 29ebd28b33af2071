// The school's two shares against the KPI line — students and staff involved — as the home screen
// and the reports page show them: the share, a meter with the line, how many are involved of how
// many, and how many more the line needs. Prints on A4 (reports.css).
import type { KpiRow } from '../../../shared/api/reports.ts';
import { formatNumber, t, tn } from '../../utils/i18n.ts';
import './reports.css';

function KpiCard({
  title,
  involved,
  total,
  share,
  target,
  testId,
}: {
  title: string;
  involved: number;
  total: number;
  share: number | null;
  target: number;
  testId: string;
}) {
  const percent = share === null ? 0 : Math.round(share * 1000) / 10;
  const shown = formatNumber(percent, 1);
  const missing = Math.max(0, Math.ceil(total * target) - involved);
  const line = Math.round(target * 100);
  return (
    <div class="kpi-card" data-testid={testId} data-share={share ?? ''}>
      <div>{title}</div>
      <div class="big">{share === null ? '—' : `${shown}%`}</div>
      <div class="meter" role="img" aria-label={`${shown}% · ${t('reports.target', { target: line })}`}>
        <span style={{ width: `${Math.min(100, percent)}%` }} />
        <i style={{ left: `${line}%` }} />
      </div>
      <div class="muted">
        {t('reports.share', { involved, total, percent: shown })} ·{' '}
        {missing === 0 ? t('reports.targetMet') : tn('reports.targetMissed', missing)}
      </div>
    </div>
  );
}

/** The school's row of the KPI report (`dimension: organisation`) against `target` (a share, 0.7). */
export function KpiCards({ school, target }: { school: KpiRow; target: number }) {
  return (
    <section class="kpi-cards" aria-label={t('dashboard.kpi')}>
      <KpiCard
        title={t('reports.students')}
        involved={school.students_involved}
        total={school.students_total}
        share={school.students_share}
        target={target}
        testId="kpi-students"
      />
      <KpiCard
        title={t('reports.staff')}
        involved={school.staff_involved ?? 0}
        total={school.staff_total ?? 0}
        share={school.staff_share}
        target={target}
        testId="kpi-staff"
      />
    </section>
  );
}
