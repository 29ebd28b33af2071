-- The headline KPI of the target model: the share of students and the share of teaching staff
-- involved in mentoring (at least 70%). A person is involved on a date when they are an active
-- member (joined, not left) of a group that is running then (started, not ended, not a draft).
-- External mentors count in neither share. Erased people still count: their rows stay, anonymous.
--
-- The figures are kept by the database as the data changes, so that no report scans memberships:
--   * kpi_person_spans: each student's and staff member's involvement as maximal date spans
--     [starts_on, ends_on) — overall, per form, and in whole months — recomputed for one person by
--     app.kpi_refresh_person whenever a row that decides it changes (group_members, the group's
--     status, dates and form, the person's kind, class and school);
--   * kpi_counters: the spans as +1 on the day a span starts and −1 on the day it ends, summed per
--     school × dimension (organisation, form, class, month) × kind × day, plus each class's roster
--     (dimension `roster`, one row dated -infinity). Involved on D = the sum of the deltas up to D.
--   * organisation_people_counts: each school's students and staff (the KPI's denominators).
-- A school reads ~100 counter rows, a region of 1,000 schools ~5,000, the country ~200,000.
-- app.kpi_recount rebuilds all of it from the raw tables (bulk loads, and the test that the
-- counters equal a recount).
--
-- kpi_involvement (one school, by organisation, form and class) runs as the caller: row-level
-- security decides, so a member of the school gets their school's figures and anybody else none.
-- kpi_rollup (every school of a region, by school, municipality and region) returns counts only,
-- for regional viewers and for the heads and curators of the schools in it; kpi_country (every
-- region and the country) for the service only.

create table public.kpi_person_spans (
  person_id uuid not null,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (kind in ('student', 'staff')),
  class_id uuid,
  -- `day`: involved from starts_on to the day before ends_on; `month`: in every month from the
  -- one starting starts_on to the one before ends_on. ends_on null: open.
  grain text not null check (grain in ('day', 'month')),
  -- '' for any form (the school's figure), else the form's catalog key.
  form text not null,
  starts_on date not null,
  ends_on date check (ends_on > starts_on),
  primary key (person_id, grain, form, starts_on)
);
alter table public.kpi_person_spans enable row level security;
alter table public.kpi_person_spans force row level security;
create index kpi_person_spans_organisation_id_idx on public.kpi_person_spans (organisation_id);
grant select on public.kpi_person_spans to authenticated;
grant all on public.kpi_person_spans to service_role;
-- Who is involved when is the school's programme data: its head and curators see it.
create policy "heads and curators see their school's spans" on public.kpi_person_spans
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create table public.kpi_counters (
  dimension text not null check (dimension in ('organisation', 'form', 'class', 'month', 'roster')),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- '' (organisation, month), the form's key, or the class's id.
  key text not null,
  kind text not null check (kind in ('student', 'staff')),
  on_date date not null,
  delta int not null,
  -- dimension first: the country's and a region's roll-ups read one contiguous range of it.
  primary key (dimension, organisation_id, key, kind, on_date)
);
alter table public.kpi_counters enable row level security;
alter table public.kpi_counters force row level security;
create index kpi_counters_organisation_id_idx on public.kpi_counters (organisation_id);
-- The roll-ups read only the schools' overall counters: an index-only scan of this compact index
-- (the country's 160k entries sit on ~1,500 pages; in the table they are spread over all of it).
create index kpi_counters_rollup_idx on public.kpi_counters (organisation_id, on_date) include (kind, delta)
  where dimension = 'organisation';
grant select on public.kpi_counters to authenticated;
grant all on public.kpi_counters to service_role;
-- Counts only (no person): every member of the school may read them, as the head shows them.
create policy "members see their school's counters" on public.kpi_counters
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));

-- How many students and staff each school has, kept by a trigger: the regional roll-up reads
-- 2 rows per school instead of scanning 600 people per school (the denominator of the KPI).
create table public.organisation_people_counts (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (kind in ('student', 'staff', 'external')),
  people int not null default 0 check (people >= 0),
  primary key (organisation_id, kind)
);
alter table public.organisation_people_counts enable row level security;
alter table public.organisation_people_counts force row level security;
grant select on public.organisation_people_counts to authenticated;
grant all on public.organisation_people_counts to service_role;
create policy "members see their school's counts" on public.organisation_people_counts
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));

-- The involvement spans of `persons`, computed from the raw tables: the intersection of each
-- membership with its group's run, merged per form and overall (a person in two groups counts
-- once), and the months they touch, merged likewise.
create function app.kpi_spans_of(persons uuid[])
returns table (person_id uuid, organisation_id uuid, kind text, class_id uuid, grain text, form text, starts_on date, ends_on date)
language sql stable security definer set search_path = ''
as $$
  with runs as (
    -- ends_on: the first day no longer involved (left_on; the day after the group ended).
    select p.id as person_id, g.form, greatest(g.started_on, gm.joined_on) as starts_on,
           least(g.ended_on + 1, gm.left_on) as ends_on
    from unnest(persons) as u (id)
    join public.people p on p.id = u.id
    join public.group_members gm on gm.person_id = p.id
    join public.mentoring_groups g on g.id = gm.group_id
    where p.kind in ('student', 'staff')
      and g.status <> 'draft' and g.started_on is not null
  ),
  intervals as (
    select r.person_id, 'day' as grain, r.form, r.starts_on, r.ends_on from runs r
    where r.ends_on is null or r.ends_on > r.starts_on
    union all
    select r.person_id, 'day', '', r.starts_on, r.ends_on from runs r
    where r.ends_on is null or r.ends_on > r.starts_on
    union all
    select r.person_id, 'month', '', date_trunc('month', r.starts_on)::date,
           (date_trunc('month', r.ends_on - 1) + interval '1 month')::date
    from runs r where r.ends_on is null or r.ends_on > r.starts_on
  ),
  -- Gaps and islands: a span starts a new island when it begins after every earlier one ended.
  marked as (
    select i.*, case when i.starts_on <= max(coalesce(i.ends_on, 'infinity'::date)) over (
                   partition by i.person_id, i.grain, i.form order by i.starts_on, i.ends_on nulls last
                   rows between unbounded preceding and 1 preceding) then 0 else 1 end as opens
    from intervals i
  ),
  islands as (
    select m.*, sum(m.opens) over (partition by m.person_id, m.grain, m.form order by m.starts_on, m.ends_on nulls last) as island
    from marked m
  )
  select p.id, p.organisation_id, p.kind, p.class_id, s.grain, s.form, min(s.starts_on),
         nullif(max(coalesce(s.ends_on, 'infinity'::date)), 'infinity'::date)
  from islands s join public.people p on p.id = s.person_id
  group by p.id, p.organisation_id, p.kind, p.class_id, s.grain, s.form, s.island
$$;

-- Adds (direction 1) or takes away (direction -1) the counters of the spans of `persons` as stored now.
create function app.kpi_count_spans(persons uuid[], direction int) returns void
language sql security definer set search_path = ''
as $$
  insert into public.kpi_counters as c (dimension, organisation_id, key, kind, on_date, delta)
  select d.dimension, s.organisation_id, d.key, s.kind, e.on_date, sum(e.delta * direction)::int
  from unnest(persons) as u (id)
  join public.kpi_person_spans s on s.person_id = u.id
  cross join lateral (
    select case when s.grain = 'month' then 'month' when s.form = '' then 'organisation' else 'form' end as dimension,
           case when s.grain = 'month' then '' else s.form end as key
    union all
    select 'class', s.class_id::text where s.grain = 'day' and s.form = '' and s.kind = 'student' and s.class_id is not null
  ) d
  cross join lateral (values (s.starts_on, 1), (s.ends_on, -1)) e (on_date, delta)
  where e.on_date is not null
  group by d.dimension, s.organisation_id, d.key, s.kind, e.on_date
  having sum(e.delta) <> 0
  on conflict (dimension, organisation_id, key, kind, on_date) do update set delta = c.delta + excluded.delta
$$;

-- One writer of a school's counters at a time: two transactions that change the counters of the
-- same school (two pairs published at once) would otherwise lock the same counter rows in
-- different orders and deadlock. A transaction-scoped advisory lock per school, taken in one order
-- (the ids sorted) before any counter row, makes the second wait for the first instead.
create function app.kpi_lock(organisations uuid[]) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  organisation uuid;
begin
  for organisation in select distinct o from unnest(organisations) as o where o is not null order by 1 loop
    perform pg_advisory_xact_lock(hashtextextended('nastavnik.kpi_counters:' || organisation::text, 0));
  end loop;
end
$$;

-- Recomputes the spans of `persons` and moves the counters by the difference.
create function app.kpi_refresh(persons uuid[]) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  -- Each person once (an update names the same person as old and new row).
  persons := array(select distinct p from unnest(persons) as p where p is not null);
  perform app.kpi_lock(array(select p.organisation_id from public.people p where p.id = any (persons)));
  perform app.kpi_count_spans(persons, -1);
  delete from public.kpi_person_spans s using unnest(persons) as u (id) where s.person_id = u.id;
  insert into public.kpi_person_spans select * from app.kpi_spans_of(persons);
  perform app.kpi_count_spans(persons, 1);
  delete from public.kpi_counters c where c.delta = 0 and c.dimension <> 'roster'
    and c.organisation_id in (select p.organisation_id from public.people p where p.id = any (persons));
end
$$;

create function app.kpi_refresh_members() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_table_name = 'group_members' then
    perform app.kpi_refresh(array[case when tg_op <> 'INSERT' then old.person_id end, case when tg_op <> 'DELETE' then new.person_id end]);
  else
    -- A group's status, dates or form changed: every member's spans.
    perform app.kpi_refresh(array(select gm.person_id from public.group_members gm where gm.group_id = new.id));
  end if;
  return null;
end
$$;
create trigger kpi_refresh_members after insert or delete or update of person_id, joined_on, left_on on public.group_members
  for each row execute function app.kpi_refresh_members();
create trigger kpi_refresh_members after update of status, started_on, ended_on, form on public.mentoring_groups
  for each row execute function app.kpi_refresh_members();

-- Each school's students and staff, and those involved on a date, from the counters (for the
-- roll-ups, which have already decided which schools the caller may read — ids null: every school —
-- and for one school's figures, where row-level security decides as the caller).
-- Plain SQL, invoker, no SET: the planner inlines them into the caller's query with the ids as a
-- constant (PL/pgSQL callers plan for the value at hand), so that a region's read is an index scan
-- and the country's a range scan of the partial index; a definer function would be planned once,
-- generically, as a scan of every counter.
create function app.kpi_totals(ids uuid[])
returns table (organisation_id uuid, students bigint, staff bigint)
language sql stable
as $$
  select c.organisation_id, coalesce(sum(c.people) filter (where c.kind = 'student'), 0), coalesce(sum(c.people) filter (where c.kind = 'staff'), 0)
  from public.organisation_people_counts c
  where ids is null or c.organisation_id = any (ids)
  group by c.organisation_id
$$;
create function app.kpi_involved(ids uuid[], at_date date)
returns table (organisation_id uuid, students bigint, staff bigint)
language sql stable
as $$
  select c.organisation_id, coalesce(sum(c.delta) filter (where c.kind = 'student'), 0), coalesce(sum(c.delta) filter (where c.kind = 'staff'), 0)
  from public.kpi_counters c
  where c.dimension = 'organisation' and (ids is null or c.organisation_id = any (ids)) and c.on_date <= at_date
  group by c.organisation_id
$$;

-- One school on one date: the school, each form with somebody involved, each class with students.
-- PL/pgSQL rather than SQL: its statement's plan (with the row-level security quals) is kept for
-- the connection, so a polled report does not plan the policies again on every call.
create function public.kpi_involvement(org uuid, at_date date default current_date)
returns table (
  dimension text,
  key text,
  label text,
  students_total int,
  students_involved int,
  staff_total int,
  staff_involved int
)
language plpgsql stable security invoker set search_path = '' set jit = off
as $$
begin
  return query
  with counted as (
    select c.dimension, c.key, c.kind, sum(c.delta)::int as n
    from public.kpi_counters c
    where c.dimension in ('organisation', 'form', 'class', 'roster') and c.organisation_id = org and c.on_date <= at_date
    group by c.dimension, c.key, c.kind
  ),
  totals as (select t.students::int as students, t.staff::int as staff from app.kpi_totals(array[org]) t)
  select 'organisation'::text, org::text, o.name, t.students,
         coalesce((select sum(i.n) from counted i where i.dimension = 'organisation' and i.kind = 'student'), 0)::int,
         t.staff,
         coalesce((select sum(i.n) from counted i where i.dimension = 'organisation' and i.kind = 'staff'), 0)::int
  from totals t join public.organisations o on o.id = org
  union all
  select 'form'::text, f.key, null::text, t.students,
         coalesce(sum(f.n) filter (where f.kind = 'student'), 0)::int, t.staff,
         coalesce(sum(f.n) filter (where f.kind = 'staff'), 0)::int
  from counted f cross join totals t
  where f.dimension = 'form'
  group by f.key, t.students, t.staff
  having sum(f.n) > 0
  union all
  select 'class'::text, cl.id::text, cl.name, r.n, coalesce(i.n, 0), null::int, null::int
  from counted r
  join public.classes cl on cl.id::text = r.key
  left join counted i on i.dimension = 'class' and i.key = r.key
  where r.dimension = 'roster' and r.n > 0;
end
$$;

-- Month by month from `from_month` to `to_month`: involved at any time during the month.
create function public.kpi_involvement_by_month(org uuid, from_month date, to_month date)
returns table (
  month date,
  students_total int,
  students_involved int,
  staff_total int,
  staff_involved int
)
-- PL/pgSQL, as kpi_involvement: its plans are made for the school at hand (the totals' index).
language plpgsql stable security invoker set search_path = '' set jit = off
as $$
begin
  return query
  with months as (
    select m::date as month_start
    from generate_series(date_trunc('month', from_month), date_trunc('month', to_month), interval '1 month') m
  ),
  totals as (select t.students::int as students, t.staff::int as staff from app.kpi_totals(array[org]) t),
  deltas as (
    select c.kind, c.on_date, c.delta from public.kpi_counters c
    where c.dimension = 'month' and c.organisation_id = org and c.on_date <= to_month
  )
  select m.month_start, t.students,
         coalesce((select sum(d.delta) from deltas d where d.kind = 'student' and d.on_date <= m.month_start), 0)::int,
         t.staff,
         coalesce((select sum(d.delta) from deltas d where d.kind = 'staff' and d.on_date <= m.month_start), 0)::int
  from months m cross join totals t
  order by m.month_start;
end
$$;

-- Schools whose figures the caller may read in a roll-up: every school of a region where they are
-- a regional viewer (a member of that region's authority), plus the schools they head or curate.
create function app.rollup_organisation_ids(for_region text) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select o.id from public.organisations o
  where o.kind = 'school' and o.region = for_region
    and (
      -- the service's own jobs (no `role` set) and the service role read every school
      coalesce(current_setting('role', true), 'none') not in ('authenticated', 'anon')
      or coalesce(auth.role(), '') = 'service_role'
      or exists (
        select 1 from public.organisations authority
        where authority.kind = 'authority' and authority.region = for_region
          and authority.id in (select app.my_organisation_ids_as('{region_viewer}'))
      )
      or o.id in (select app.my_organisation_ids_as('{head,curator}'))
    )
$$;

-- `security definer`: the counts are the database's bookkeeping, not something a caller writes.
-- A person's kind or class decides their school's totals, their class's roster and which of their
-- school's counters their spans move.
create function app.count_people() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.kpi_lock(array[case when tg_op <> 'INSERT' then old.organisation_id end, case when tg_op <> 'DELETE' then new.organisation_id end]);
  if tg_op in ('UPDATE', 'DELETE') then
    update public.organisation_people_counts set people = people - 1
    where organisation_id = old.organisation_id and kind = old.kind;
    update public.kpi_counters set delta = delta - 1
    where dimension = 'roster' and organisation_id = old.organisation_id and key = old.class_id::text and kind = 'student'
      and old.kind = 'student';
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into public.organisation_people_counts as c (organisation_id, kind, people) values (new.organisation_id, new.kind, 1)
    on conflict (organisation_id, kind) do update set people = c.people + 1;
    insert into public.kpi_counters as c (dimension, organisation_id, key, kind, on_date, delta)
    select 'roster', new.organisation_id, new.class_id::text, 'student', '-infinity', 1
    where new.kind = 'student' and new.class_id is not null
    on conflict (dimension, organisation_id, key, kind, on_date) do update set delta = c.delta + 1;
  end if;
  if tg_op = 'UPDATE' then
    perform app.kpi_refresh(array[new.id]);
  end if;
  return null;
end
$$;
create trigger count_people after insert or delete or update of kind, class_id, organisation_id on public.people
  for each row execute function app.count_people();

-- `security definer`: counts across schools whose people the caller cannot (and must not) read
-- one by one; only aggregates leave the function, and only for the schools allowed above.
-- PL/pgSQL's RETURN QUERY may run in parallel (an SQL function's body may not); JIT compiling
-- costs more than it saves at this size.
create function public.kpi_rollup(for_region text, at_date date default current_date)
returns table (
  level text,
  municipality text,
  organisation_id uuid,
  organisation_name text,
  schools int,
  students_total int,
  students_involved int,
  staff_total int,
  staff_involved int
)
language plpgsql stable security definer set search_path = '' set jit = off
as $$
declare
  allowed_ids uuid[] := array(select app.rollup_organisation_ids(for_region));
begin
  return query
  with allowed as (
    select o.id, o.name, coalesce(o.municipality, '') as municipality
    from public.organisations o
    where o.id = any (allowed_ids)
  ),
  per_school as (
    select a.id, a.name, a.municipality, t.students as students_total, coalesce(i.students, 0) as students_involved,
           t.staff as staff_total, coalesce(i.staff, 0) as staff_involved
    from allowed a
    join app.kpi_totals(allowed_ids) t on t.organisation_id = a.id
    left join app.kpi_involved(allowed_ids, at_date) i on i.organisation_id = a.id
  )
  select case when grouping(s.id) = 0 then 'organisation' when grouping(s.municipality) = 0 then 'municipality' else 'region' end,
         case when grouping(s.municipality) = 0 then s.municipality end,
         s.id, s.name, count(*)::int,
         sum(s.students_total)::int, sum(s.students_involved)::int, sum(s.staff_total)::int, sum(s.staff_involved)::int
  from per_school s
  group by grouping sets ((s.municipality, s.id, s.name), (s.municipality), ())
  having count(*) > 0
  order by 1 desc, 2 nulls first, 4;
end
$$;

-- The country: each region and the whole country, counts only, for the service (a federal job,
-- the Ministry's monitoring); nobody signed in may call it.
create function public.kpi_country(at_date date default current_date)
returns table (
  level text,
  region text,
  schools int,
  students_total int,
  students_involved int,
  staff_total int,
  staff_involved int
)
language sql stable security definer set search_path = '' set jit = off
as $$
  select case when grouping(o.region) = 0 then 'region' else 'country' end,
         o.region, count(*)::int, sum(t.students)::int, sum(coalesce(i.students, 0))::int, sum(t.staff)::int,
         sum(coalesce(i.staff, 0))::int
  from public.organisations o
  join app.kpi_totals(null) t on t.organisation_id = o.id
  left join app.kpi_involved(null, at_date) i on i.organisation_id = o.id
  where o.kind = 'school'
  group by grouping sets ((o.region), ())
  order by 1 desc, 2
$$;

-- Rebuilds the counters of one school (or of every school) from the raw tables: after a bulk load
-- that ran without triggers, and as the recount the counters are tested against.
create function app.kpi_recount(org uuid default null) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  persons uuid[] := array(select p.id from public.people p where (org is null or p.organisation_id = org) and p.kind in ('student', 'staff'));
begin
  delete from public.kpi_counters c where org is null or c.organisation_id = org;
  delete from public.kpi_person_spans s where org is null or s.organisation_id = org;
  delete from public.organisation_people_counts c where org is null or c.organisation_id = org;
  insert into public.organisation_people_counts (organisation_id, kind, people)
  select p.organisation_id, p.kind, count(*) from public.people p where org is null or p.organisation_id = org group by 1, 2;
  insert into public.kpi_counters (dimension, organisation_id, key, kind, on_date, delta)
  select 'roster', p.organisation_id, p.class_id::text, 'student', '-infinity', count(*)
  from public.people p
  where (org is null or p.organisation_id = org) and p.kind = 'student' and p.class_id is not null
  group by 2, 3;
  insert into public.kpi_person_spans select * from app.kpi_spans_of(persons);
  perform app.kpi_count_spans(persons, 1);
end
$$;

revoke all on function public.kpi_involvement(uuid, date), public.kpi_involvement_by_month(uuid, date, date),
  public.kpi_rollup(text, date) from public, anon;
grant execute on function public.kpi_involvement(uuid, date), public.kpi_involvement_by_month(uuid, date, date),
  public.kpi_rollup(text, date) to authenticated, service_role;
revoke all on function public.kpi_country(date) from public, anon, authenticated;
grant execute on function public.kpi_country(date) to service_role;
revoke all on function app.rollup_organisation_ids(text), app.count_people(), app.kpi_spans_of(uuid[]), app.kpi_count_spans(uuid[], int),
  app.kpi_refresh(uuid[]), app.kpi_refresh_members(), app.kpi_totals(uuid[]), app.kpi_involved(uuid[], date), app.kpi_recount(uuid),
  app.kpi_lock(uuid[]) from public;
grant execute on function app.rollup_organisation_ids(text), app.count_people() to authenticated, service_role;
-- The counters' bookkeeping runs in the triggers (as their owner) and for the service only.
grant execute on function app.kpi_spans_of(uuid[]), app.kpi_count_spans(uuid[], int), app.kpi_refresh(uuid[]), app.kpi_lock(uuid[]),
  app.kpi_totals(uuid[]), app.kpi_involved(uuid[], date), app.kpi_recount(uuid) to service_role;
-- Invoker, read under the caller's row-level security by kpi_involvement and kpi_involvement_by_month.
grant execute on function app.kpi_totals(uuid[]) to authenticated;
