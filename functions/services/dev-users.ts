import type { DevUser } from '../../shared/api/auth.ts';
import { translateFor } from '../../shared/i18n/index.ts';
import { sexOf } from '../../shared/names.ts';
import type { Queryable } from '../db/database.ts';

const roleWords: Record<string, string> = {
  head: 'руководитель',
  curator: 'куратор',
  teacher: 'учитель',
  external_mentor: 'внешний наставник',
};

/**
 * Local mode only: the demo people one can sign in as, the programme's staff and participants
 * first. Reads across the school without row-level security, which is why it exists only in local
 * mode (never with a Supabase project configured).
 */
export async function listDevUsers(db: Queryable): Promise<DevUser[]> {
  const { rows } = await db.query<{
    email: string;
    name: string;
    class_name: string | null;
    roles: string[];
    mentor_of: number;
    mentee_of: number;
    sex: 'm' | 'f' | null;
  }>(`
    select d.email, d.sex, p.last_name || ' ' || p.first_name || coalesce(' ' || p.middle_name, '') as name, c.name as class_name,
      array(select m.role from public.memberships m where m.person_id = p.id order by m.role) as roles,
      (select count(*)::int from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
        where gm.person_id = p.id and gm.role = 'mentor' and g.status = 'active') as mentor_of,
      (select count(*)::int from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
        where gm.person_id = p.id and gm.role = 'mentee' and g.status = 'active') as mentee_of
    from public.people p
    join public.person_details d on d.person_id = p.id
    left join public.classes c on c.id = p.class_id
    join auth.users u on u.id = p.auth_user_id
    order by
      exists (select 1 from public.memberships m where m.person_id = p.id and m.role in ('head', 'curator')) desc,
      (select count(*) from public.group_members gm where gm.person_id = p.id) > 0 desc,
      p.last_name, p.first_name`);
  return rows.map((row) => {
    // «ученица», «наставляемая» for a girl: the recorded sex, else her patronymic or surname.
    const [last = '', first = '', ...middle] = row.name.split(' ');
    const sex = row.sex ?? sexOf({ last_name: last, first_name: first, middle_name: middle.join(' ') || null });
    const word = (role: string) => (role === 'student' ? translateFor('ru', 'person.student', sex) : (roleWords[role] ?? role));
    const parts = row.roles.filter((role) => role !== 'teacher' || row.roles.length === 1).map(word);
    if (row.class_name) parts.push(row.class_name);
    if (row.mentor_of) parts.push(`наставник: ${row.mentor_of}`);
    if (row.mentee_of) parts.push(`${translateFor('ru', 'person.mentee', sex)}: ${row.mentee_of}`);
    return { email: row.email, name: row.name, description: parts.join(', ') };
  });
}

/** The auth user and display name behind a demo e-mail, or null. */
export async function findDevUser(db: Queryable, email: string): Promise<{ sub: string; email: string; name: string } | null> {
  const { rows } = await db.query<{ sub: string; email: string; name: string }>(
    `select u.id as sub, u.email, p.first_name || ' ' || p.last_name as name
     from auth.users u join public.people p on p.auth_user_id = u.id
     where lower(u.email) = lower($1) limit 1`,
    [email],
  );
  return rows[0] ?? null;
}
