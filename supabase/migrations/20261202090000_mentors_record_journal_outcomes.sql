-- Evaluated results from the e-journal (issue 13): the mentor, on a journal page, takes a mentee's
-- grades and attendance into the outcomes, before and after. A mentor records (and sees) outcomes
-- of a mentee of their own current group only, always tied to that group; curators as before.
create policy "mentors see their mentees' outcomes" on public.outcomes
  for select to authenticated
  using (group_id in (select app.my_mentored_group_ids()));
create policy "mentors record their mentees' outcomes" on public.outcomes
  for insert to authenticated
  with check (
    group_id in (select app.my_active_mentored_group_ids())
    and person_id is not null
    and exists (
      select 1 from public.group_members gm
      where gm.group_id = outcomes.group_id and gm.person_id = outcomes.person_id and gm.role = 'mentee'
        and (gm.left_on is null or gm.left_on > current_date)
    )
  );
