-- Stage 1: the programme's curators are chosen in the dashboard (issue #12). The head and the
-- curators already give and take back roles in their own school through the memberships policies
-- (20261127090100_schools_and_people: never `head`, never in another school). This migration adds
-- what appointing curators needs on top of them:
--
-- * a curator is a member of the school's staff, still at the school and not erased (a pupil, a
--   parent, someone who left or an erased record never runs the programme);
-- * the last curator of a school is never removed by a signed-in user: the programme always has
--   someone to run it (the head is never a role the API gives or takes, see the policies);
-- * every change of a role is in the audit log (who gave whom which role, and when): a curator's
--   role opens the school's personal data, so who opened it to whom is accountable (152-ФЗ).

-- ---------------------------------------------------------------------------------------------
-- A curator is a staff member of the school, still there, not erased. `security definer` to read the person
-- whatever the caller sees; a caller who does not run the row's school gets the policies' refusal
-- first (app.require_curator_of), so the answer says nothing about another school's people.
create function app.check_curator_is_staff() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.role <> 'curator' then
    return new;
  end if;
  perform app.require_curator_of(new.organisation_id, 'memberships');
  if not exists (
    select 1 from public.people p
    where p.id = new.person_id and p.organisation_id = new.organisation_id and p.kind = 'staff' and p.erased_at is null and p.left_at is null
  ) then
    raise exception 'Куратором назначается сотрудник школы' using errcode = 'check_violation', hint = 'curator_not_staff';
  end if;
  return new;
end
$$;

create trigger check_curator_is_staff before insert on public.memberships
  for each row when (new.role = 'curator') execute function app.check_curator_is_staff();

-- The last curator stays. Only rows the caller may delete reach this trigger (row-level security
-- filters a DELETE first). The service role (erasure, a school deleted with everything in it) is
-- not held back. Removals of one school's curators take turns (an advisory lock per school), so two
-- curators removing each other at the same moment cannot leave the school with none; within one
-- statement, each row sees the rows removed before it, so removing them all at once is refused too.
create function app.keep_a_curator() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if coalesce(current_setting('role', true), 'none') not in ('authenticated', 'anon') then
    return old;
  end if;
  perform pg_advisory_xact_lock(hashtext('curators'), hashtext(old.organisation_id::text));
  if not exists (
    select 1 from public.memberships m join public.people p on p.id = m.person_id
    where m.organisation_id = old.organisation_id and m.role = 'curator' and m.person_id <> old.person_id and p.erased_at is null
  ) then
    raise exception 'Это последний куратор школы: сначала назначьте другого' using errcode = 'check_violation', hint = 'last_curator';
  end if;
  return old;
end
$$;

create trigger keep_a_curator before delete on public.memberships
  for each row when (old.role = 'curator') execute function app.keep_a_curator();

-- ---------------------------------------------------------------------------------------------
-- Roles given and taken back, in the audit log (row_id: person/role).
create trigger audit_memberships after insert or delete on public.memberships
  for each row execute function app.audit('person_id,role');

-- Trigger functions only: nobody calls them (a trigger needs no execute grant to fire).
revoke all on function app.check_curator_is_staff(), app.keep_a_curator() from public;
