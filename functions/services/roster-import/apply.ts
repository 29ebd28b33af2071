// The database side of the roster import: who the school already has, and writing a plan —
// new people, classes that are missing, pupils who moved class, the curator's answers for
// ambiguous rows. Runs as the curator inside the request's transaction (RLS decides).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database.ts';
import { apiError } from '../../errors.ts';
import type { ExistingPerson, RosterPlan } from './plan.ts';
import type { RosterRow } from './types.ts';

/**
 * The class a roster goes to: the organisation must be one the caller sees, and the class (when
 * given) one of its classes; answers the class's name (null without one), or refuses with 404.
 */
export async function rosterTarget(db: Queryable, organisationId: string, classId: string | undefined): Promise<string | null> {
  const visible = await db.query('select 1 from public.organisations where id = $1', [organisationId]);
  if (visible.rows.length === 0) throw apiError(404, 'not_found', 'error.notFound');
  if (!classId) return null;
  const found = await db.query<{ name: string }>('select name from public.classes where id = $1 and organisation_id = $2', [
    classId,
    organisationId,
  ]);
  const name = found.rows[0]?.name;
  if (!name) throw apiError(404, 'not_found', 'error.notFound');
  return name;
}

export async function existingPeople(db: Queryable, organisationId: string): Promise<ExistingPerson[]> {
  const { rows } = await db.query<ExistingPerson>(
    `select p.id, p.last_name, p.first_name, p.middle_name, c.name as "className", d.email
     from public.people p left join public.classes c on c.id = p.class_id left join public.person_details d on d.person_id = p.id
     where p.organisation_id = $1 and p.erased_at is null`,
    [organisationId],
  );
  return rows;
}

export type Resolution = { line: number; action: 'new' | 'skip' } | { line: number; action: 'person'; person_id: string };

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  classes_created: string[];
}

export async function applyRosterPlan(
  db: Queryable,
  organisationId: string,
  plan: RosterPlan,
  resolutions: readonly Resolution[],
): Promise<ImportResult> {
  const byLine = new Map(resolutions.map((r) => [r.line, r]));
  const toCreate: RosterRow[] = [...plan.new];
  const toUpdate: { row: RosterRow; personId: string }[] = plan.known.map((k) => ({ row: k.row, personId: k.personId }));
  let skipped = plan.invalid.length;
  for (const ambiguous of plan.ambiguous) {
    const answer = byLine.get(ambiguous.row.line);
    if (answer?.action === 'new') toCreate.push(ambiguous.row);
    else if (answer?.action === 'person') {
      if (!ambiguous.candidates.includes(answer.person_id)) throw apiError(422, 'validation_failed', 'error.validation');
      toUpdate.push({ row: ambiguous.row, personId: answer.person_id });
    } else skipped += 1;
  }

  // Classes the rows name that the school does not have yet.
  const classes = new Map(
    (
      await db.query<{ id: string; name: string }>('select id, name from public.classes where organisation_id = $1', [organisationId])
    ).rows.map((c) => [c.name, c.id]),
  );
  const classesCreated: string[] = [];
  for (const name of new Set(
    [...toCreate, ...toUpdate.map((u) => u.row)].map((row) => row.className).filter((n): n is string => Boolean(n)),
  )) {
    if (classes.has(name)) continue;
    const id = randomUUID();
    await db.query('insert into public.classes (id, organisation_id, name, grade) values ($1, $2, $3, $4)', [
      id,
      organisationId,
      name,
      Number.parseInt(name, 10),
    ]);
    classes.set(name, id);
    classesCreated.push(name);
  }
  const classId = (row: RosterRow) => (row.className ? (classes.get(row.className) ?? null) : null);

  if (toCreate.length > 0) {
    const people = toCreate.map((row) => ({
      id: randomUUID(),
      last_name: row.last_name,
      first_name: row.first_name,
      middle_name: row.middle_name,
      class_id: classId(row),
      external_ids: row.login ? { login: row.login } : {},
      email: row.email,
      phone: row.phone,
      birth_year: row.birthYear,
      sex: row.sex,
    }));
    const json = JSON.stringify(people);
    await db.query(
      `insert into public.people (id, organisation_id, kind, last_name, first_name, middle_name, class_id, external_ids)
       select id, $2, 'student', last_name, first_name, middle_name, class_id, external_ids
       from jsonb_to_recordset($1::jsonb) as r(id uuid, last_name text, first_name text, middle_name text, class_id uuid, external_ids jsonb)`,
      [json, organisationId],
    );
    await db.query(
      `insert into public.person_details (person_id, organisation_id, email, phone, birth_year, sex)
       select id, $2, email, phone, birth_year, sex from jsonb_to_recordset($1::jsonb) as r(id uuid, email text, phone text, birth_year int, sex text)`,
      [json, organisationId],
    );
    await db.query(
      `insert into public.memberships (person_id, organisation_id, role) select id, $2, 'student' from jsonb_to_recordset($1::jsonb) as r(id uuid)`,
      [json, organisationId],
    );
  }

  let updated = 0;
  for (const { row, personId } of toUpdate) {
    // A pupil who moved class gets the new class; empty details are filled, nothing is overwritten.
    const moved = await db.query(
      'update public.people set class_id = $2 where id = $1 and class_id is distinct from $2 and $2::uuid is not null returning id',
      [personId, classId(row)],
    );
    const filled = await db.query(
      `update public.person_details set email = coalesce(email, $2), phone = coalesce(phone, $3), birth_year = coalesce(birth_year, $4), sex = coalesce(sex, $5)
       where person_id = $1 and (email is null and $2::text is not null or phone is null and $3::text is not null
         or birth_year is null and $4::int is not null or sex is null and $5::text is not null)
       returning person_id`,
      [personId, row.email, row.phone, row.birthYear, row.sex],
    );
    if (moved.rows.length + filled.rows.length > 0) updated += 1;
  }
  return { created: toCreate.length, updated, skipped, classes_created: classesCreated };
}
