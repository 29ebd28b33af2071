// Counts of pages where a site adapter fell back to reading names (issue 17), under the caller's
// school: one more for today. Runs as the caller: row-level security decides.
import type { AdapterFallbackCounted, AdapterFallbackReport } from '../../shared/api/telemetry.ts';
import type { Queryable } from '../db/database.ts';

export async function countAdapterFallback(db: Queryable, report: AdapterFallbackReport): Promise<AdapterFallbackCounted> {
  // The caller's first school (by id: a person in several schools always counts under the same one).
  const { rows } = await db.query<{ count: number }>(
    `insert into public.adapter_reports (organisation_id, site, host, page_kind)
     select p.organisation_id, $1, $2, $3 from public.people p
     where p.auth_user_id = (select auth.uid())
     order by p.organisation_id limit 1
     on conflict (organisation_id, site, host, page_kind, reported_on) do update set count = public.adapter_reports.count + 1
     returning count`,
    [report.site, report.host, report.page_kind],
  );
  const count = rows[0]?.count ?? 0;
  return { counted: count > 0, count };
}
