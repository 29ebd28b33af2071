-- Adapter fallback reports (issue 17): e-journal pages change their markup without notice. When a
-- site adapter finds its page but no names in it, the overlay reads names in the page's text
-- instead and the extension reports it here, once per page, so a broken adapter is seen within a
-- day, not a term. A report names no person: the site (adapter id), the page's host and kind, the
-- day and how many times it happened; it is counted under the reporter's school, which may read
-- its own counts (the team reads every school's as the service role).

create table public.adapter_reports (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  site text not null check (site ~ '^[a-z0-9-]{1,40}$'),
  host text not null check (length(host) <= 253 and host ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$'),
  page_kind text not null check (page_kind ~ '^[a-z0-9-]{1,40}$'),
  reported_on date not null default current_date,
  count int not null default 1 check (count between 1 and 1000000),
  primary key (organisation_id, site, host, page_kind, reported_on)
);
alter table public.adapter_reports enable row level security;
alter table public.adapter_reports force row level security;
create index adapter_reports_day_idx on public.adapter_reports (reported_on, site);

grant select, insert, update on public.adapter_reports to authenticated;
grant all on public.adapter_reports to service_role;

-- Members of a school (anyone with a person there: a mentor, a pupil, a teacher) report for it and
-- read its counts (an upsert reads the row it adds to); nobody reads another school's.
create policy "members read their school's adapter reports" on public.adapter_reports
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));
create policy "members report for their school" on public.adapter_reports
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids()) and count = 1 and reported_on = current_date);
create policy "members count one more for their school" on public.adapter_reports
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids()))
  with check (organisation_id in (select app.my_organisation_ids()));

-- A report only ever adds one to today's count: it never moves to another site, host, day or
-- school, and a caller cannot set the count (the service role, which sums and prunes, may).
create function app.adapter_report_counts_one() returns trigger
language plpgsql set search_path = '' as $$
begin
  if current_user <> 'authenticated' then
    return new;
  end if;
  if (new.organisation_id, new.site, new.host, new.page_kind, new.reported_on)
     is distinct from (old.organisation_id, old.site, old.host, old.page_kind, old.reported_on)
     or new.count <> old.count + 1 then
    raise exception 'an adapter report only counts one more' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger counts_one before update on public.adapter_reports
  for each row execute function app.adapter_report_counts_one();
