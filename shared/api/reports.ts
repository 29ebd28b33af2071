import { z } from 'zod';
import { catalogEntry, id, isoDate, page } from './common.ts';

export const kpiQuery = z.object({ organisation_id: id, date: isoDate.optional() }).strict();
export const kpiRow = z.object({
  dimension: z.enum(['organisation', 'form', 'class']),
  key: z.string(),
  label: z.string().nullable(),
  /** On a form's row: the form as the catalog names it (the school's own forms too); null on the others. */
  form: catalogEntry.nullable(),
  students_total: z.int(),
  students_involved: z.int(),
  students_share: z.number().nullable(),
  staff_total: z.int().nullable(),
  staff_involved: z.int().nullable(),
  staff_share: z.number().nullable(),
});
export const kpiReport = z.object({ organisation_id: id, date: z.string(), target_share: z.number(), rows: z.array(kpiRow) });

export type KpiRow = z.infer<typeof kpiRow>;
export const kpiMonthlyQuery = z.object({ organisation_id: id, from: isoDate, to: isoDate }).strict();
/** Students and staff: how many there are, how many take part, and the share (null for none). */
const involvement = {
  students_total: z.int(),
  students_involved: z.int(),
  students_share: z.number().nullable(),
  staff_total: z.int(),
  staff_involved: z.int(),
  staff_share: z.number().nullable(),
};
export const kpiMonth = z.object({ month: z.string(), ...involvement });

export type KpiMonth = z.infer<typeof kpiMonth>;
export const regionQuery = z.object({ region: z.string().trim().min(1).max(200), date: isoDate.optional() }).strict();
export const regionRow = z.object({
  level: z.enum(['region', 'municipality', 'organisation']),
  municipality: z.string().nullable(),
  organisation_id: id.nullable(),
  organisation_name: z.string().nullable(),
  schools: z.int(),
  ...involvement,
});

export type RegionRow = z.infer<typeof regionRow>;
export const auditQuery = page
  .extend({
    organisation_id: id.optional(),
    table_name: z
      .string()
      .regex(/^[a-z_]+$/)
      .optional(),
    row_id: z.string().max(100).optional(),
  })
  .strict();
export const auditEntry = z.object({
  id: z.int(),
  organisation_id: id,
  table_name: z.string(),
  row_id: z.string(),
  action: z.string(),
  actor_user_id: id.nullable(),
  at: z.string(),
  old_data: z.unknown(),
  new_data: z.unknown(),
});
export const kpiMonthly = z.object({ target_share: z.number(), months: z.array(kpiMonth) });
export const regionReport = z.object({ region: z.string(), date: z.string(), target_share: z.number(), rows: z.array(regionRow) });
export type AuditEntry = z.infer<typeof auditEntry>;

/** A report as a file: XLSX or CSV (UTF-8 with BOM) of one table, with what that table needs. */
export const reportKind = z.enum(['kpi', 'kpi_monthly', 'region', 'work']);
const reportParams = {
  organisation_id: id.optional(),
  programme_id: id.optional(),
  region: z.string().trim().min(1).max(200).optional(),
  date: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
export const exportQuery = z
  .object({ table: reportKind, format: z.enum(['xlsx', 'csv']), ...reportParams })
  .strict()
  .refine((q) => (q.table === 'region' ? q.region : q.table === 'work' ? q.programme_id : q.organisation_id) !== undefined, {
    message: 'Не указано, чей отчёт / Whose report is missing',
    path: ['table'],
  })
  .refine((q) => q.table !== 'kpi_monthly' || (q.from && q.to), { message: 'Укажите месяцы / Give the months', path: ['from'] });
/** Several tables into one new Google Sheet in the curator's Drive (their token in `X-Google-Token`, never stored). */
export const sheetsRequest = z
  .object({ title: z.string().trim().min(1).max(200), tables: z.array(reportKind).min(1).max(4), ...reportParams })
  .strict();
export const sheetsCreated = z.object({ spreadsheet_id: z.string(), url: z.string() });
export const thankYouQuery = z.object({ person_id: id }).strict();
export const regionList = z.object({ items: z.array(z.string()) });
/** The six columns every involvement table shows (i18n keys), on the screens and in the exports alike. */
export const shareColumnKeys = [
  'reports.col.studentsTotal',
  'reports.col.studentsInvolved',
  'reports.col.studentsShare',
  'reports.col.staffTotal',
  'reports.col.staffInvolved',
  'reports.col.staffShare',
] as const;
