import { z } from 'zod';
import { id, isoDate, page } from './common.ts';

export const kpiQuery = z.object({ organisation_id: id, date: isoDate.optional() }).strict();
export const kpiRow = z.object({
  dimension: z.enum(['organisation', 'form', 'class']),
  key: z.string(),
  label: z.string().nullable(),
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
