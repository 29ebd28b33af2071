// The reports as plain tables (a title, column headings, rows of text and numbers): one shape that
// every export writes — XLSX, CSV, a Google Sheet, the DOCX report — so each figure is computed
// once, by the same services the screens read. Headings are the Russian strings of shared/i18n.
import { shareColumnKeys } from '../../shared/api/reports.ts';
import type { Language } from '../../shared/i18n/index.ts';
import { entryLabel, isMessageKey, translate } from '../../shared/i18n/index.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import type { Queryable } from '../db/database.ts';
import { workReport } from './programme-work.ts';
import { involvement, involvementByMonth, regionRollUp } from './reports.ts';

export type Cell = string | number | null;
export interface ReportTable {
  /** A short name (a sheet's name, a file's name). */
  name: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const reportKinds = ['kpi', 'kpi_monthly', 'region', 'work'] as const;
export type ReportKind = (typeof reportKinds)[number];

export interface ReportParams {
  organisation_id?: string | undefined;
  programme_id?: string | undefined;
  region?: string | undefined;
  date: string;
  from?: string | undefined;
  to?: string | undefined;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
type Shares = {
  students_total: number;
  students_involved: number;
  students_share: number | null;
  staff_total: number | null;
  staff_involved: number | null;
  staff_share: number | null;
};
/** The six figures of an involvement row, in shareColumnKeys' order. */
const shareCells = (r: Shares): Cell[] => [
  r.students_total,
  r.students_involved,
  percent(r.students_share),
  r.staff_total,
  r.staff_involved,
  percent(r.staff_share),
];

export async function reportTable(db: Queryable, kind: ReportKind, p: ReportParams, language: Language = 'ru'): Promise<ReportTable> {
  const t = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) => translate(language, key, params);
  const label = (key: string) => (isMessageKey(key) ? translate(language, key) : key);
  const required = (value: string | undefined) => {
    if (!value) throw new Error(`report ${kind}: a parameter is missing`);
    return value;
  };
  const shares = shareColumnKeys.map((key) => t(key));
  if (kind === 'kpi') {
    const rows = await involvement(db, required(p.organisation_id), p.date);
    return {
      name: 'kpi',
      title: t('reports.table.kpi', { date: p.date }),
      columns: [t('reports.col.dimension'), t('reports.col.name'), ...shares],
      rows: rows.map((r) => [
        t(`reports.dimension.${r.dimension}`),
        r.form ? entryLabel(language, r.form) : (r.label ?? r.key),
        ...shareCells(r),
      ]),
    };
  }
  if (kind === 'kpi_monthly') {
    const months = await involvementByMonth(db, required(p.organisation_id), required(p.from), required(p.to));
    return {
      name: 'months',
      title: t('reports.table.monthly'),
      columns: [t('reports.col.month'), ...shares],
      rows: months.map((m) => [
        m.month.slice(0, 7),
        m.students_total,
        m.students_involved,
        percent(m.students_share),
        m.staff_total,
        m.staff_involved,
        percent(m.staff_share),
      ]),
    };
  }
  if (kind === 'region') {
    const rows = await regionRollUp(db, required(p.region), p.date);
    return {
      name: 'region',
      title: t('reports.table.region', { region: required(p.region), date: p.date }),
      columns: [t('reports.col.level'), t('reports.col.municipality'), t('reports.col.school'), t('reports.col.schools'), ...shares],
      rows: rows.map((r) => [t(`region.level.${r.level}`), r.municipality, r.organisation_name, r.schools, ...shareCells(r)]),
    };
  }
  const work = await workReport(db, required(p.programme_id), p.date);
  return {
    name: 'groups',
    title: t('reports.table.work', { date: p.date }),
    columns: [
      t('reports.col.form'),
      t('reports.col.mentors'),
      t('reports.col.mentees'),
      t('reports.col.meetings'),
      t('reports.col.lastMet'),
      t('reports.col.nextKind'),
      t('reports.col.nextDue'),
      t('reports.col.goals'),
      t('reports.col.inactive'),
    ],
    rows: work.groups.map((g) => [
      entryLabel(language, g.form),
      g.mentors.map(givenAndFamilyName).join(', '),
      g.mentees.map(givenAndFamilyName).join(', '),
      g.meetings,
      g.last_met_on,
      g.next_kind ? label(`meetingKind.${g.next_kind}`) : null,
      g.next_due_on,
      `${g.goals_done}/${g.goals_total}`,
      g.inactive ? t('reports.yes') : t('reports.no'),
    ]),
  };
}
