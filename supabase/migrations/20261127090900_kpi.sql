-- The headline KPI of the target model: the share of students and the share of teaching staff
-- involved in mentoring (at least 70%). A person is involved on a date when they are an active
-- member (joined, not left) of a group that is running then (started, not ended, not a draft).
-- External mentors count in neither share. Erased people still count: their rows stay, anonymous.
--
-- kpi_involvement (one school, by organisation, form and class) runs as the caller: row-level
-- security decides, so a head or curator gets their school's figures and anybody else fewer.
-- kpi_rollup (every school of a region, by school, municipality and region) returns counts only,
-- for regional viewers and for the heads and curators of the schools in it.
-- The indexes the KPI reads stand with their tables (people_organisation_kind_idx,
-- mentoring_groups_running_idx, group_members_group_id_active_idx).

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
-- PL/pgSQL rather than SQL: its statement's plan (with the row-level security quals) is kept for
-- the connection, so a polled report does not plan the policies again on every call.
language plpgsql stable security invoker set search_path = '' set jit = off
as $$
begin
  return query
  with running as (
    select gm.person_id, g.form
    from public.mentoring_groups g
    join public.group_members gm on gm.group_id = g.id
    where g.organisation_id = org and g.status <> 'draft'
      and g.started_on <= at_date and (g.ended_on is null or g.ended_on >= at_date)
      and gm.joined_on <= at_date and (gm.left_on is null or gm.left_on > at_date)
  ),
  roster as (
    select p.id, p.kind, p.class_id, exists (select 1 from running r where r.person_id = p.id) as involved
    from public.people p
    where p.organisation_id = org and p.kind in ('student', 'staff')
  ),
  totals as (
    select count(*) filter (where kind = 'student')::int as students,
           count(*) filter (where kind = 'staff')::int as staff
    from roster
  )
  select 'organisation'::text, org::text, o.name, t.students,
         (select count(*) filter (where kind = 'student' and involved) from roster)::int,
         t.staff,
         (select count(*) filter (where kind = 'staff' and involved) from roster)::int
  from totals t join public.organisations o on o.id = org
  union all
  select 'form'::text, f.form, null::text, t.students,
         count(distinct f.person_id) filter (where ro.kind = 'student')::int,
         t.staff,
         count(distinct f.person_id) filter (where ro.kind = 'staff')::int
  from running f join roster ro on ro.id = f.person_id cross join totals t
  group by f.form, t.students, t.staff
  union all
  select 'class'::text, c.id::text, c.name,
         count(*)::int, count(*) filter (where ro.involved)::int, null::int, null::int
  from roster ro join public.classes c on c.id = ro.class_id
  where ro.kind = 'student'
  group by c.id, c.name;
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
language sql stable security invoker set search_path = ''
as $$
  with months as (
    select m::date as month_start, (m + interval '1 month' - interval '1 day')::date as month_end
    from generate_series(date_trunc('month', from_month), date_trunc('month', to_month), interval '1 month') m
  ),
  roster as (
    select p.id, p.kind from public.people p where p.organisation_id = org and p.kind in ('student', 'staff')
  ),
  involved as (
    select distinct m.month_start, gm.person_id
    from months m
    join public.mentoring_groups g on g.organisation_id = org and g.status <> 'draft'
      and g.started_on <= m.month_end and (g.ended_on is null or g.ended_on >= m.month_start)
    join public.group_members gm on gm.group_id = g.id
      and gm.joined_on <= m.month_end and (gm.left_on is null or gm.left_on > m.month_start)
  )
  select m.month_start,
         (select count(*) from roster where kind = 'student')::int,
         count(ro.id) filter (where ro.kind = 'student')::int,
         (select count(*) from roster where kind = 'staff')::int,
         count(ro.id) filter (where ro.kind = 'staff')::int
  from months m
  left join involved i on i.month_start = m.month_start
  left join roster ro on ro.id = i.person_id
  group by m.month_start
  order by m.month_start
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

-- `security definer`: the counts are the database's bookkeeping, not something a caller writes.
create function app.count_people() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update public.organisation_people_counts set people = people - 1
    where organisation_id = old.organisation_id and kind = old.kind;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into public.organisation_people_counts as c (organisation_id, kind, people) values (new.organisation_id, new.kind, 1)
    on conflict (organisation_id, kind) do update set people = c.people + 1;
  end if;
  return null;
end
$$;
create trigger count_people after insert or delete or update of kind, organisation_id on public.people
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
language plpgsql stable security definer set search_path = ''
  set jit = off set work_mem = '32MB' set parallel_setup_cost = 100 set parallel_tuple_cost = 0.01
as $$
declare
  -- An array rather than a CTE: a CTE read three times is materialised, and that keeps the
  -- scans of the big tables from running in parallel.
  allowed_ids uuid[] := array(select app.rollup_organisation_ids(for_region));
begin
  return query
  with allowed as (
    select o.id, o.name, coalesce(o.municipality, '') as municipality
    from public.organisations o
    where o.id = any (allowed_ids)
  ),
  totals as (
    select c.organisation_id,
           coalesce(sum(c.people) filter (where c.kind = 'student'), 0) as students,
           coalesce(sum(c.people) filter (where c.kind = 'staff'), 0) as staff
    from public.organisation_people_counts c
    where c.organisation_id = any (allowed_ids)
    group by c.organisation_id
  ),
  -- A semi-join counts each person once however many groups they are in, and (unlike a
  -- DISTINCT over 300k memberships) runs in parallel from end to end.
  involved as (
    select p.organisation_id,
           count(*) filter (where p.kind = 'student') as students,
           count(*) filter (where p.kind = 'staff') as staff
    from public.people p
    where p.organisation_id = any (allowed_ids)
      and exists (
        select 1 from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
        where gm.person_id = p.id and g.status <> 'draft'
          and g.started_on <= at_date and (g.ended_on is null or g.ended_on >= at_date)
          and gm.joined_on <= at_date and (gm.left_on is null or gm.left_on > at_date)
      )
    group by p.organisation_id
  ),
  per_school as (
    select a.id, a.name, a.municipality, t.students as students_total, coalesce(i.students, 0) as students_involved,
           t.staff as staff_total, coalesce(i.staff, 0) as staff_involved
    from allowed a
    join totals t on t.organisation_id = a.id
    left join involved i on i.organisation_id = a.id
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

revoke all on function public.kpi_involvement(uuid, date), public.kpi_involvement_by_month(uuid, date, date),
  public.kpi_rollup(text, date) from public, anon;
grant execute on function public.kpi_involvement(uuid, date), public.kpi_involvement_by_month(uuid, date, date),
  public.kpi_rollup(text, date) to authenticated, service_role;
revoke all on function app.rollup_organisation_ids(text), app.count_people() from public;
grant execute on function app.rollup_organisation_ids(text), app.count_people() to authenticated, service_role;
