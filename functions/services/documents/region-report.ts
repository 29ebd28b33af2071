// The school's report to the region (отчёт о реализации целевой модели наставничества): the KPI
// against the 70% line (the school and each form), month by month, how the groups work (stage 6),
// how the programme ends (stage 7) and what monitoring found — the same tables as the exports.
import type { CompletionReport, MonitoringReport } from '../../../shared/api/monitoring.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { ReportTable } from '../report-tables.ts';
import { docx, heading, paragraph, signature, table } from './docx.ts';

export interface RegionReportContext {
  school: string;
  academicYear: string;
  date: string;
  headName: string | null;
}

const text = (rows: ReportTable['rows']) => rows.map((row) => row.map((cell) => (cell === null ? '—' : String(cell))));

export function regionReport(
  context: RegionReportContext,
  tables: { kpi: ReportTable; months: ReportTable },
  completion: CompletionReport,
  monitoring: MonitoringReport,
  work: { groups: number; inactive: number; meetings: number },
): Promise<Uint8Array> {
  const ru = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) => translate('ru', key, params);
  const sent = completion.questionnaires.reduce((sum, q) => sum + q.sent, 0);
  const collected = completion.questionnaires.reduce((sum, q) => sum + q.collected, 0);
  const swot = (['strengths', 'weaknesses', 'opportunities', 'threats'] as const).filter((key) => monitoring.swot[key]);
  return docx(ru('reports.regionReport.title'), [
    heading(ru('reports.regionReport.heading', { school: context.school, year: context.academicYear })),
    paragraph(ru('reports.regionReport.kpi', { date: context.date })),
    table(tables.kpi.columns, text(tables.kpi.rows)),
    paragraph(ru('reports.regionReport.months'), { indent: false }),
    table(tables.months.columns, text(tables.months.rows)),
    paragraph(ru('reports.regionReport.work', { groups: work.groups, inactive: work.inactive, meetings: work.meetings })),
    paragraph(
      ru('reports.regionReport.completion', {
        completed: completion.groups_completed,
        sent,
        collected,
        outcomes: completion.outcomes,
        practices: completion.good_practices,
      }),
    ),
    ...swot.map((key) => paragraph(`${ru(`monitoring.swot.${key}`)}: ${monitoring.swot[key]}`)),
    signature(ru('stage7.letter.head'), context.headName ?? ''),
  ]);
}
