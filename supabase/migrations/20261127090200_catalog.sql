-- The methodology's catalog as versioned data (../shared/methodology): forms of mentoring with
-- their goals, tasks, expected and evaluated results, participant portraits and area of
-- application; role models per form; the seven stages with their checklist templates;
-- questionnaires for monitoring; the kinds of meeting of stage 6. National rows have
-- organisation_id null and belong to nobody; a school adds its own rows beside them
-- (organisation_id set) and never changes the national ones. Code refers to rows by their stable
-- English `key`.

-- ---------------------------------------------------------------------------------------------
-- The meeting sequence of stage 6 (a meeting's kind).
create table public.meeting_kinds (
  key text primary key,
  position int not null unique,
  label_ru text not null,
  label_en text not null
);
alter table public.meeting_kinds enable row level security;
alter table public.meeting_kinds force row level security;

grant select on public.meeting_kinds to authenticated;
grant all on public.meeting_kinds to service_role;

create policy "meeting kinds are readable by signed-in users" on public.meeting_kinds
  for select to authenticated using (true);

insert into public.meeting_kinds (key, position, label_ru, label_en) values
  ('introduction', 1, 'Встреча-знакомство', 'Introduction'),
  ('trial', 2, 'Пробная рабочая встреча', 'Trial meeting'),
  ('planning', 3, 'Встреча-планирование', 'Planning meeting'),
  ('working', 4, 'Рабочая встреча', 'Working meeting'),
  ('final', 5, 'Итоговая встреча', 'Final meeting');

-- ---------------------------------------------------------------------------------------------
create table public.catalog_forms (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  version int not null default 1 check (version > 0),
  label_ru text not null,
  label_en text not null,
  goal_ru text not null default '',
  goal_en text not null default '',
  tasks_ru text[] not null default '{}',
  expected_results_ru text[] not null default '{}',
  -- What is measured (the metrics of monitoring stage 2): keys with labels.
  evaluated_results jsonb not null default '[]'::jsonb,
  mentor_portrait_ru text not null default '',
  mentee_portrait_ru text not null default '',
  area_of_application_ru text not null default '',
  created_at timestamptz not null default now()
);
-- One row per key and version nationally, and per key and version within a school.
create unique index catalog_forms_national_key on public.catalog_forms (key, version) where organisation_id is null;
create unique index catalog_forms_school_key on public.catalog_forms (organisation_id, key, version) where organisation_id is not null;
create index catalog_forms_organisation_id_idx on public.catalog_forms (organisation_id);
alter table public.catalog_forms enable row level security;
alter table public.catalog_forms force row level security;

create table public.catalog_role_models (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete cascade,
  form_key text not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  version int not null default 1 check (version > 0),
  label_ru text not null,
  label_en text not null,
  mentor_ru text not null default '',
  mentee_ru text not null default '',
  description_ru text not null default '',
  created_at timestamptz not null default now()
);
create unique index catalog_role_models_national_key on public.catalog_role_models (form_key, key, version) where organisation_id is null;
create unique index catalog_role_models_school_key on public.catalog_role_models (organisation_id, form_key, key, version) where organisation_id is not null;
create index catalog_role_models_organisation_id_idx on public.catalog_role_models (organisation_id);
alter table public.catalog_role_models enable row level security;
alter table public.catalog_role_models force row level security;

create table public.catalog_stages (
  number int primary key check (number between 1 and 7),
  key text not null unique,
  label_ru text not null,
  label_en text not null,
  description_ru text not null default ''
);
alter table public.catalog_stages enable row level security;
alter table public.catalog_stages force row level security;

create table public.catalog_checklist_items (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete cascade,
  stage int not null references public.catalog_stages (number),
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  position int not null,
  label_ru text not null,
  label_en text not null,
  -- What proves the item: a document link, a date, a count, or a note.
  evidence text not null default 'document' check (evidence in ('document', 'date', 'count', 'note')),
  version int not null default 1
);
create unique index catalog_checklist_items_national_key on public.catalog_checklist_items (key, version) where organisation_id is null;
create unique index catalog_checklist_items_school_key on public.catalog_checklist_items (organisation_id, key, version) where organisation_id is not null;
create index catalog_checklist_items_organisation_id_idx on public.catalog_checklist_items (organisation_id);
alter table public.catalog_checklist_items enable row level security;
alter table public.catalog_checklist_items force row level security;

create table public.catalog_questionnaires (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  version int not null default 1,
  audience text not null check (audience in ('mentor', 'mentee', 'curator')),
  -- quality: monitoring stage 1; growth_start / growth_end: monitoring stage 2;
  -- preferences: the stage-5 questionnaire; meeting_feedback: after each meeting.
  purpose text not null check (purpose in ('quality', 'growth_start', 'growth_end', 'preferences', 'meeting_feedback')),
  title_ru text not null,
  title_en text not null
);
create unique index catalog_questionnaires_national_key on public.catalog_questionnaires (key, version) where organisation_id is null;
create unique index catalog_questionnaires_school_key on public.catalog_questionnaires (organisation_id, key, version) where organisation_id is not null;
create index catalog_questionnaires_organisation_id_idx on public.catalog_questionnaires (organisation_id);
alter table public.catalog_questionnaires enable row level security;
alter table public.catalog_questionnaires force row level security;

create table public.catalog_questionnaire_items (
  id uuid primary key default gen_random_uuid(),
  questionnaire_id uuid not null references public.catalog_questionnaires (id) on delete cascade,
  key text not null,
  position int not null,
  kind text not null check (kind in ('scale', 'choice', 'open')),
  text_ru text not null,
  text_en text not null,
  choices jsonb not null default '[]'::jsonb,
  unique (questionnaire_id, key)
);
create index catalog_questionnaire_items_questionnaire_id_idx on public.catalog_questionnaire_items (questionnaire_id);
alter table public.catalog_questionnaire_items enable row level security;
alter table public.catalog_questionnaire_items force row level security;

-- ---------------------------------------------------------------------------------------------
grant select on public.catalog_forms, public.catalog_role_models, public.catalog_stages, public.catalog_checklist_items,
  public.catalog_questionnaires, public.catalog_questionnaire_items to authenticated;
grant insert, update on public.catalog_forms, public.catalog_role_models, public.catalog_checklist_items,
  public.catalog_questionnaires, public.catalog_questionnaire_items to authenticated;
grant all on public.catalog_forms, public.catalog_role_models, public.catalog_stages, public.catalog_checklist_items,
  public.catalog_questionnaires, public.catalog_questionnaire_items to service_role;

create policy "the national catalog and the school's own rows are readable" on public.catalog_forms
  for select to authenticated
  using (organisation_id is null or organisation_id in (select app.my_organisation_ids()));
create policy "curators add their school's forms" on public.catalog_forms
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit their school's forms" on public.catalog_forms
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "the national catalog and the school's own rows are readable" on public.catalog_role_models
  for select to authenticated
  using (organisation_id is null or organisation_id in (select app.my_organisation_ids()));
create policy "curators add their school's role models" on public.catalog_role_models
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit their school's role models" on public.catalog_role_models
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "stages are readable by signed-in users" on public.catalog_stages
  for select to authenticated using (true);

create policy "the national catalog and the school's own rows are readable" on public.catalog_checklist_items
  for select to authenticated
  using (organisation_id is null or organisation_id in (select app.my_organisation_ids()));
create policy "curators add their school's checklist items" on public.catalog_checklist_items
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit their school's checklist items" on public.catalog_checklist_items
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "the national catalog and the school's own rows are readable" on public.catalog_questionnaires
  for select to authenticated
  using (organisation_id is null or organisation_id in (select app.my_organisation_ids()));
create policy "curators add their school's questionnaires" on public.catalog_questionnaires
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit their school's questionnaires" on public.catalog_questionnaires
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "items of readable questionnaires are readable" on public.catalog_questionnaire_items
  for select to authenticated
  using (questionnaire_id in (select q.id from public.catalog_questionnaires q));
create policy "curators add items to their school's questionnaires" on public.catalog_questionnaire_items
  for insert to authenticated
  with check (questionnaire_id in (
    select q.id from public.catalog_questionnaires q
    where q.organisation_id in (select app.my_organisation_ids_as('{head,curator}'))));
create policy "curators edit items of their school's questionnaires" on public.catalog_questionnaire_items
  for update to authenticated
  using (questionnaire_id in (
    select q.id from public.catalog_questionnaires q
    where q.organisation_id in (select app.my_organisation_ids_as('{head,curator}'))))
  with check (questionnaire_id in (
    select q.id from public.catalog_questionnaires q
    where q.organisation_id in (select app.my_organisation_ids_as('{head,curator}'))));

-- ---------------------------------------------------------------------------------------------
-- The national catalog, version 1 (Р-145 of 25.12.2019 and the 2021/2023 methodology).

insert into public.catalog_stages (number, key, label_ru, label_en, description_ru) values
  (1, 'prepare_conditions', 'Подготовка условий', 'Preparing conditions', 'Приказ о внедрении целевой модели, положение, программа, дорожная карта, назначение куратора, информирование участников, выбор форм.'),
  (2, 'mentee_base', 'Формирование базы наставляемых', 'Base of mentees', 'Анкетирование, ключевой запрос каждого наставляемого, согласия законных представителей на обработку персональных данных, реестр наставляемых.'),
  (3, 'mentor_base', 'Формирование базы наставников', 'Base of mentors', 'Наставники из числа педагогов, старшеклассников, выпускников, родителей, работодателей; их компетенции; согласия; реестр наставников.'),
  (4, 'mentor_selection_training', 'Отбор и обучение наставников', 'Selecting and training mentors', 'Анкетирование и собеседование, обучение наставников; в пары входят только обученные наставники.'),
  (5, 'pair_formation', 'Формирование пар / групп', 'Forming pairs and groups', 'Общая встреча наставников и наставляемых, анкеты предпочтений, пары и группы закрепляются приказом.'),
  (6, 'pair_work', 'Организация работы пар / групп', 'Pairs and groups at work', 'Встреча-знакомство, пробная рабочая встреча, встреча-планирование, регулярные рабочие встречи, итоговая встреча; обратная связь после каждой встречи.'),
  (7, 'completion', 'Завершение наставничества', 'Completing the programme', 'Итоговая встреча и анкеты, подведение итогов, торжественное мероприятие, публикация лучших практик, благодарности наставникам.');

insert into public.catalog_checklist_items (stage, key, position, label_ru, label_en, evidence) values
  (1, 'order_introducing_model', 1, 'Приказ о внедрении целевой модели наставничества', 'Order introducing the target model', 'document'),
  (1, 'programme_regulation', 2, 'Положение о программе наставничества', 'Regulation of the mentoring programme', 'document'),
  (1, 'programme_document', 3, 'Программа наставничества', 'The mentoring programme', 'document'),
  (1, 'roadmap', 4, 'Дорожная карта внедрения', 'Implementation roadmap', 'document'),
  (1, 'curator_appointed', 5, 'Приказ о назначении куратора', 'Order appointing the curator', 'document'),
  (1, 'participants_informed', 6, 'Педагоги, родители и обучающиеся проинформированы', 'Staff, parents and students informed', 'date'),
  (1, 'forms_chosen', 7, 'Выбраны формы наставничества', 'Forms of mentoring chosen', 'note'),
  (2, 'needs_survey', 1, 'Анкетирование обучающихся и педагогов о запросах', 'Needs survey of students and staff', 'count'),
  (2, 'key_requests', 2, 'Сформулирован ключевой запрос каждого наставляемого', 'Each mentee''s key request recorded', 'count'),
  (2, 'parental_consents', 3, 'Собраны согласия законных представителей на обработку персональных данных', 'Guardians'' consents to personal data processing collected', 'count'),
  (2, 'mentee_registry', 4, 'Сформирован реестр наставляемых', 'Registry of mentees', 'document'),
  (3, 'mentor_search', 1, 'Наставники найдены среди педагогов, обучающихся, выпускников, родителей, работодателей', 'Mentors found among staff, students, graduates, parents, employers', 'count'),
  (3, 'mentor_consents', 2, 'Собраны согласия наставников', 'Mentors'' consents collected', 'count'),
  (3, 'mentor_registry', 3, 'Сформирован реестр наставников', 'Registry of mentors', 'document'),
  (4, 'mentor_questionnaire', 1, 'Анкетирование и собеседование наставников', 'Mentor questionnaire and interview', 'count'),
  (4, 'mentor_training', 2, 'Обучение наставников проведено', 'Mentor training held', 'date'),
  (4, 'trained_mentor_list', 3, 'Утверждён список обученных наставников', 'List of trained mentors approved', 'document'),
  (5, 'group_meeting', 1, 'Общая встреча наставников и наставляемых', 'Joint meeting of mentors and mentees', 'date'),
  (5, 'preference_questionnaires', 2, 'Анкеты предпочтений собраны', 'Preference questionnaires collected', 'count'),
  (5, 'pairs_formed', 3, 'Пары и группы сформированы', 'Pairs and groups formed', 'count'),
  (5, 'pairs_order', 4, 'Приказ о закреплении наставнических пар / групп', 'Order fixing the pairs and groups', 'document'),
  (6, 'introduction_meetings', 1, 'Проведены встречи-знакомства', 'Introduction meetings held', 'count'),
  (6, 'trial_meetings', 2, 'Проведены пробные рабочие встречи', 'Trial meetings held', 'count'),
  (6, 'individual_plans', 3, 'Составлены индивидуальные планы развития', 'Individual development plans written', 'count'),
  (6, 'regular_meetings', 4, 'Регулярные рабочие встречи идут по графику', 'Regular working meetings on schedule', 'note'),
  (6, 'meeting_feedback', 5, 'Собирается обратная связь после встреч', 'Feedback collected after meetings', 'count'),
  (7, 'final_meetings', 1, 'Проведены итоговые встречи', 'Final meetings held', 'count'),
  (7, 'final_questionnaires', 2, 'Итоговое анкетирование (мониторинг)', 'Final questionnaires (monitoring)', 'count'),
  (7, 'results_summary', 3, 'Подведены итоги программы', 'Results of the programme summed up', 'document'),
  (7, 'closing_event', 4, 'Проведено торжественное мероприятие', 'Closing event held', 'date'),
  (7, 'best_practices', 5, 'Лучшие практики опубликованы', 'Best practices published', 'document'),
  (7, 'mentor_acknowledgements', 6, 'Наставники поощрены (благодарности, грамоты)', 'Mentors thanked (letters, certificates)', 'count');

insert into public.catalog_forms (key, label_ru, label_en, goal_ru, goal_en, tasks_ru, expected_results_ru, evaluated_results, mentor_portrait_ru, mentee_portrait_ru, area_of_application_ru) values
  ('student_student', 'Ученик – ученик', 'Student – student',
   'Разносторонняя поддержка обучающегося с особыми образовательными или социальными потребностями либо временная помощь в адаптации к новым условиям обучения (включая детей с ОВЗ).',
   'All-round support of a student with special educational or social needs, or temporary help adapting to new conditions (including children with disabilities).',
   '{"Помощь в реализации лидерского потенциала","Улучшение образовательных, творческих или спортивных результатов","Развитие гибких навыков и метакомпетенций","Адаптация в новом учебном коллективе"}',
   '{"Высокий уровень включения наставляемых во все социальные, культурные и образовательные процессы","Повышение успеваемости и улучшение психоэмоционального фона в классе","Численный рост посещаемости творческих кружков и секций","Снижение числа обучающихся, состоящих на учёте"}',
   '[{"key":"grades","label_ru":"Успеваемость","label_en":"Grades"},{"key":"class_climate","label_ru":"Психологический климат в классе","label_en":"Class climate"},{"key":"clubs_projects","label_ru":"Участие в кружках и проектах","label_en":"Clubs and projects"},{"key":"students_at_risk","label_ru":"Обучающиеся, состоящие на учёте","label_en":"Students at risk"},{"key":"parent_complaints","label_ru":"Жалобы родителей","label_en":"Parent complaints"}]',
   'Активный обучающийся старшей ступени, обладающий лидерскими и организаторскими качествами, демонстрирующий высокие образовательные результаты.',
   'Пассивный или неуспевающий обучающийся, ребёнок с особыми образовательными потребностями, обучающийся в адаптационный период.',
   'Урочная деятельность, внеурочная деятельность, проекты, подготовка к олимпиадам и конкурсам.'),
  ('teacher_teacher', 'Учитель – учитель', 'Teacher – teacher',
   'Успешное закрепление на месте работы молодого специалиста, повышение его профессионального потенциала и уровня, комфортная профессиональная среда.',
   'Keep a young specialist in the job, raise their professional level, and build a comfortable professional environment.',
   '{"Адаптация молодого специалиста","Развитие профессиональных компетенций","Помощь в решении конфликтных ситуаций","Распространение лучших практик"}',
   '{"Высокий уровень включённости молодых специалистов в педагогическую работу","Усиление уверенности в собственных силах","Рост числа специалистов, желающих продолжать свою работу в коллективе"}',
   '[{"key":"young_teachers_retained","label_ru":"Молодые специалисты, оставшиеся в школе","label_en":"Young teachers retained"},{"key":"staff_turnover","label_ru":"Увольнения педагогов","label_en":"Staff leaving"},{"key":"conflicts","label_ru":"Конфликты","label_en":"Conflicts"},{"key":"publications","label_ru":"Публикации и методические разработки","label_en":"Publications and methodical work"}]',
   'Опытный педагог, имеющий профессиональные успехи, склонный к активной общественной работе, лояльный участник педагогического сообщества.',
   'Молодой специалист или педагог, испытывающий трудности, находящийся в процессе адаптации на новом месте работы.',
   'Методическая работа, повышение квалификации, аттестация.'),
  ('teacher_student', 'Учитель – ученик', 'Teacher – student',
   'Индивидуальная образовательная траектория, поддержка талантов, профориентация.',
   'An individual educational trajectory, support of talent, career guidance.',
   '{"Раскрытие потенциала обучающегося","Подготовка к олимпиадам и конкурсам","Профессиональная ориентация"}',
   '{"Рост числа призёров олимпиад и конкурсов","Осознанный выбор профиля обучения"}',
   '[{"key":"olympiad_results","label_ru":"Результаты олимпиад и конкурсов","label_en":"Olympiad results"},{"key":"grades","label_ru":"Успеваемость","label_en":"Grades"},{"key":"projects","label_ru":"Проекты","label_en":"Projects"}]',
   'Педагог с опытом подготовки обучающихся к олимпиадам, проектной и исследовательской деятельности.',
   'Мотивированный или, напротив, нуждающийся в поддержке обучающийся.',
   'Олимпиадная подготовка, проектная и исследовательская деятельность, индивидуальный учебный план.'),
  ('college_student_pupil', 'Студент – ученик', 'College student – pupil',
   'Профориентация, мотивация, совместные проекты.', 'Career guidance, motivation, joint projects.',
   '{"Профессиональная ориентация","Развитие гибких навыков","Совместные проекты"}', '{"Осознанный выбор профессии"}',
   '[{"key":"career_choice","label_ru":"Осознанный выбор профессии","label_en":"Clear career choice"},{"key":"projects","label_ru":"Проекты","label_en":"Projects"}]',
   'Успешный студент колледжа или вуза, выпускник школы.', 'Обучающийся основной или старшей школы.', 'Профориентация, внеурочная деятельность.'),
  ('employer_pupil', 'Работодатель – ученик', 'Employer – pupil',
   'Профориентация и практические навыки.', 'Career guidance and practical skills.',
   '{"Знакомство с профессией","Практические навыки","Стажировки"}', '{"Осознанный выбор профессии, стажировки"}',
   '[{"key":"career_choice","label_ru":"Осознанный выбор профессии","label_en":"Clear career choice"},{"key":"internships","label_ru":"Стажировки","label_en":"Internships"},{"key":"related_professions","label_ru":"Выпускники, выбравшие профильные профессии","label_en":"Graduates entering related professions"}]',
   'Представитель организации-партнёра, профессионал своего дела.', 'Обучающийся старшей школы.', 'Профориентация, проектная деятельность.'),
  ('employer_student', 'Работодатель – студент', 'Employer – student',
   'Профессиональное самоопределение, стажировки.', 'Professional self-determination, internships.',
   '{"Профессиональное самоопределение","Стажировки","Проекты под задачи предприятия"}', '{"Трудоустройство по профилю"}',
   '[{"key":"career_choice","label_ru":"Осознанный выбор профессии","label_en":"Clear career choice"},{"key":"internships","label_ru":"Стажировки","label_en":"Internships"}]',
   'Представитель предприятия или организации.', 'Обучающийся старших классов или студент.', 'Профориентация, практика, стажировки.');

insert into public.catalog_role_models (form_key, key, label_ru, label_en, mentor_ru, mentee_ru) values
  ('student_student', 'achieving_underachieving', 'успевающий – неуспевающий', 'achieving – underachieving', 'успевающий', 'неуспевающий'),
  ('student_student', 'leader_passive', 'лидер – пассивный', 'leader – passive', 'лидер', 'пассивный'),
  ('student_student', 'peer_to_peer', 'равный – равному', 'peer – peer', 'равный', 'равный'),
  ('student_student', 'adapted_unadapted', 'адаптированный – неадаптированный', 'adapted – not adapted', 'адаптированный', 'неадаптированный'),
  ('teacher_teacher', 'experienced_young_specialist', 'опытный учитель – молодой специалист', 'experienced teacher – young specialist', 'опытный учитель', 'молодой специалист'),
  ('teacher_teacher', 'experienced_homeroom_young_specialist', 'опытный классный руководитель – молодой специалист', 'experienced homeroom teacher – young specialist', 'опытный классный руководитель', 'молодой специалист'),
  ('teacher_teacher', 'community_leader_struggling', 'лидер педагогического сообщества – педагог, испытывающий проблемы', 'community leader – struggling teacher', 'лидер педагогического сообщества', 'педагог, испытывающий проблемы'),
  ('teacher_teacher', 'innovator_conservative', 'педагог-новатор – консервативный педагог', 'innovator – conservative teacher', 'педагог-новатор', 'консервативный педагог'),
  ('teacher_teacher', 'experienced_inexperienced_subject', 'опытный предметник – неопытный предметник', 'experienced – inexperienced subject teacher', 'опытный предметник', 'неопытный предметник'),
  ('teacher_student', 'teacher_talented_student', 'учитель – талантливый ученик', 'teacher – talented student', 'учитель', 'талантливый ученик'),
  ('teacher_student', 'teacher_underachieving_student', 'учитель – неуспевающий ученик', 'teacher – underachieving student', 'учитель', 'неуспевающий ученик'),
  ('teacher_student', 'teacher_student_in_difficulty', 'учитель – ученик в трудной жизненной ситуации', 'teacher – student in difficulty', 'учитель', 'ученик в трудной жизненной ситуации'),
  ('college_student_pupil', 'achieving_underachieving', 'успевающий – неуспевающий', 'achieving – underachieving', 'успевающий', 'неуспевающий'),
  ('college_student_pupil', 'leader_indifferent', 'лидер – равнодушный', 'leader – indifferent', 'лидер', 'равнодушный'),
  ('college_student_pupil', 'peer_to_other', 'равный – другому', 'peer – other', 'равный', 'другой'),
  ('employer_pupil', 'professional_indifferent_consumer', 'активный профессионал – равнодушный потребитель', 'active professional – indifferent consumer', 'активный профессионал', 'равнодушный потребитель'),
  ('employer_pupil', 'colleague_young_colleague', 'коллега – молодой коллега', 'colleague – young colleague', 'коллега', 'молодой коллега'),
  ('employer_pupil', 'employer_future_employee', 'работодатель – будущий сотрудник', 'employer – future employee', 'работодатель', 'будущий сотрудник'),
  ('employer_student', 'professional_indifferent_consumer', 'активный профессионал – равнодушный потребитель', 'active professional – indifferent consumer', 'активный профессионал', 'равнодушный потребитель'),
  ('employer_student', 'colleague_young_colleague', 'коллега – молодой коллега', 'colleague – young colleague', 'коллега', 'молодой коллега'),
  ('employer_student', 'employer_future_employee', 'работодатель – будущий сотрудник', 'employer – future employee', 'работодатель', 'будущий сотрудник');

-- Questionnaires: the quality of the programme (monitoring stage 1), growth at start and end
-- (monitoring stage 2), the stage-5 preferences, and the short form after each meeting.
with q as (
  insert into public.catalog_questionnaires (key, audience, purpose, title_ru, title_en) values
    ('quality_mentee', 'mentee', 'quality', 'Оценка качества программы: наставляемый', 'Programme quality: mentee'),
    ('quality_mentor', 'mentor', 'quality', 'Оценка качества программы: наставник', 'Programme quality: mentor'),
    ('quality_curator', 'curator', 'quality', 'Чек-лист условий программы: куратор', 'Programme conditions checklist: curator'),
    ('growth_start_mentee', 'mentee', 'growth_start', 'Анкета на входе: наставляемый', 'Growth at start: mentee'),
    ('growth_end_mentee', 'mentee', 'growth_end', 'Анкета на выходе: наставляемый', 'Growth at end: mentee'),
    ('growth_start_mentor', 'mentor', 'growth_start', 'Анкета на входе: наставник', 'Growth at start: mentor'),
    ('growth_end_mentor', 'mentor', 'growth_end', 'Анкета на выходе: наставник', 'Growth at end: mentor'),
    ('preferences_mentee', 'mentee', 'preferences', 'Анкета предпочтений: наставляемый', 'Preferences: mentee'),
    ('preferences_mentor', 'mentor', 'preferences', 'Анкета предпочтений: наставник', 'Preferences: mentor'),
    ('meeting_feedback', 'mentee', 'meeting_feedback', 'Обратная связь после встречи', 'Feedback after a meeting')
  returning id, key
)
insert into public.catalog_questionnaire_items (questionnaire_id, key, position, kind, text_ru, text_en, choices)
select q.id, item.key, item.position, item.kind, item.text_ru, item.text_en, item.choices::jsonb
from q
join (values
  ('quality_mentee', 'usefulness', 1, 'scale', 'Насколько полезными были встречи с наставником?', 'How useful were the meetings?', '[]'),
  ('quality_mentee', 'comfort', 2, 'scale', 'Насколько комфортным было общение с наставником?', 'How comfortable was the communication?', '[]'),
  ('quality_mentee', 'clarity', 3, 'scale', 'Насколько понятными были задачи?', 'How clear were the tasks?', '[]'),
  ('quality_mentee', 'frequency', 4, 'choice', 'Как часто вы встречались?', 'How often did you meet?', '["раз в неделю","раз в две недели","раз в месяц","реже"]'),
  ('quality_mentee', 'change', 5, 'open', 'Что бы вы изменили в программе?', 'What would you change?', '[]'),
  ('quality_mentor', 'usefulness', 1, 'scale', 'Насколько полезной была программа для наставляемого?', 'How useful was the programme for the mentee?', '[]'),
  ('quality_mentor', 'comfort', 2, 'scale', 'Насколько комфортным было общение с наставляемым?', 'How comfortable was the communication?', '[]'),
  ('quality_mentor', 'support', 3, 'scale', 'Насколько вам хватало поддержки куратора?', 'How well did the curator support you?', '[]'),
  ('quality_mentor', 'frequency', 4, 'choice', 'Как часто вы встречались?', 'How often did you meet?', '["раз в неделю","раз в две недели","раз в месяц","реже"]'),
  ('quality_mentor', 'change', 5, 'open', 'Что бы вы изменили в программе?', 'What would you change?', '[]'),
  ('quality_curator', 'conditions', 1, 'scale', 'Насколько созданы условия для программы (помещения, время, материалы)?', 'Are the conditions in place?', '[]'),
  ('quality_curator', 'swot', 2, 'open', 'SWOT: сильные и слабые стороны, возможности и угрозы', 'SWOT summary', '[]'),
  ('growth_start_mentee', 'self_esteem', 1, 'scale', 'Уверенность в себе', 'Self-esteem', '[]'),
  ('growth_start_mentee', 'motivation', 2, 'scale', 'Мотивация к учёбе', 'Motivation to learn', '[]'),
  ('growth_start_mentee', 'soft_skills', 3, 'scale', 'Умение работать в команде и договариваться', 'Teamwork and soft skills', '[]'),
  ('growth_end_mentee', 'self_esteem', 1, 'scale', 'Уверенность в себе', 'Self-esteem', '[]'),
  ('growth_end_mentee', 'motivation', 2, 'scale', 'Мотивация к учёбе', 'Motivation to learn', '[]'),
  ('growth_end_mentee', 'soft_skills', 3, 'scale', 'Умение работать в команде и договариваться', 'Teamwork and soft skills', '[]'),
  ('growth_start_mentor', 'confidence', 1, 'scale', 'Уверенность в роли наставника', 'Confidence as a mentor', '[]'),
  ('growth_start_mentor', 'motivation', 2, 'scale', 'Мотивация к профессиональному развитию', 'Motivation for professional growth', '[]'),
  ('growth_end_mentor', 'confidence', 1, 'scale', 'Уверенность в роли наставника', 'Confidence as a mentor', '[]'),
  ('growth_end_mentor', 'motivation', 2, 'scale', 'Мотивация к профессиональному развитию', 'Motivation for professional growth', '[]'),
  ('preferences_mentee', 'wanted', 1, 'open', 'С кем из наставников вы хотели бы работать?', 'Which mentors would you like to work with?', '[]'),
  ('preferences_mentee', 'avoid', 2, 'open', 'С кем вы не хотели бы работать?', 'Who would you rather not work with?', '[]'),
  ('preferences_mentor', 'wanted', 1, 'open', 'С кем из наставляемых вы хотели бы работать?', 'Which mentees would you like to work with?', '[]'),
  ('preferences_mentor', 'avoid', 2, 'open', 'С кем вы не хотели бы работать?', 'Who would you rather not work with?', '[]'),
  ('meeting_feedback', 'rating', 1, 'scale', 'Насколько полезной была встреча?', 'How useful was the meeting?', '[]'),
  ('meeting_feedback', 'comment', 2, 'open', 'Комментарий', 'Comment', '[]')
) as item (questionnaire_key, key, position, kind, text_ru, text_en, choices) on item.questionnaire_key = q.key;
