-- Evaluated results from the e-journal (issue 13): a participant's outcome is one row per programme,
-- group, metric and subject, holding its «before» and its «after». Saving the same reading again (the
-- teacher takes the grades twice, a queued save is sent after the network returns) updates that row
-- instead of adding another one: the key below is what `POST /outcomes` upserts on.

-- The school subject a journal reading is for («Физика»): a mentee's average in physics and in
-- Russian are two outcomes. Null for a measurement that is not per subject.
alter table public.outcomes add column subject text check (length(subject) between 1 and 100);

-- Rows that an earlier save doubled (before this key existed) are merged into the first one: each
-- phase keeps its latest value, the others go.
with doubled as (
  select programme_id, group_id, person_id, metric_key,
    (array_agg(id order by created_at, id))[1] as kept,
    (array_agg(value_before order by created_at desc, id desc) filter (where value_before is not null))[1] as value_before,
    (array_agg(measured_before_on order by created_at desc, id desc) filter (where value_before is not null))[1] as measured_before_on,
    (array_agg(value_after order by created_at desc, id desc) filter (where value_after is not null))[1] as value_after,
    (array_agg(measured_after_on order by created_at desc, id desc) filter (where value_after is not null))[1] as measured_after_on
  from public.outcomes
  where person_id is not null
  group by programme_id, group_id, person_id, metric_key
  having count(*) > 1
), merged as (
  update public.outcomes o
  set value_before = d.value_before, measured_before_on = d.measured_before_on,
    value_after = d.value_after, measured_after_on = d.measured_after_on
  from doubled d where o.id = d.kept
  returning o.id
)
delete from public.outcomes o
using doubled d
where o.person_id = d.person_id and o.programme_id = d.programme_id and o.group_id is not distinct from d.group_id
  and o.metric_key = d.metric_key and o.id <> d.kept;

create unique index outcomes_reading_key on public.outcomes (programme_id, person_id, group_id, metric_key, subject) nulls not distinct
  where person_id is not null;

-- A mentor who may record a mentee's outcome may also correct it (the upsert's update), on the same terms.
create policy "mentors correct their mentees' outcomes" on public.outcomes
  for update to authenticated
  using (group_id in (select app.my_active_mentored_group_ids()))
  with check (
    group_id in (select app.my_active_mentored_group_ids())
    and person_id is not null
    and exists (
      select 1 from public.group_members gm
      where gm.group_id = outcomes.group_id and gm.person_id = outcomes.person_id and gm.role = 'mentee'
        and (gm.left_on is null or gm.left_on > current_date)
    )
  );
