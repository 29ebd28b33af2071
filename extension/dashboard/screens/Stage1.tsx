// Stage 1, preparing conditions: the programme of an academic year (started here from nothing),
// its forms of mentoring, the school's own forms and role models, the three documents generated
// from the school's data, and the stage's checklist with evidence.
import { useState } from 'preact/hooks';
import type { Catalog } from '../../../shared/api/catalog.ts';
import type { ProgrammeLead } from '../../../shared/api/organisations.ts';
import type { Person } from '../../../shared/api/people.ts';
import type { Programme } from '../../../shared/api/programmes.ts';
import { fullName } from '../../../shared/names.ts';
import { catalogLabel, t } from '../../utils/i18n.ts';
import { body, client, download } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { ActionStatus, CatalogOptions, Loaded, useAction } from '../parts.tsx';
import { StageChecklist } from '../StageChecklist.tsx';
import type { ScreenProps } from '../screens.ts';
import { useFresh } from '../use-fresh.ts';

/** The academic year a date falls in: from 1 September to 31 August («2026/2027»). */
export function academicYearOf(date = new Date()): string {
  const first = date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
  return `${first}/${first + 1}`;
}
const nextYear = (year: string) => {
  const first = Number(year.slice(0, 4)) + 1;
  return `${first}/${first + 1}`;
};

function StartProgramme({ context, catalog, after }: { context: DashboardContext; catalog: Catalog; after: string | null }) {
  const [year, setYear] = useState(after ? nextYear(after) : academicYearOf());
  const [name, setName] = useState('');
  const [forms, setForms] = useState<string[]>(['student_student', 'teacher_teacher']);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await body(
        client.programmes.$post({
          json: {
            id: crypto.randomUUID(),
            organisation_id: context.school.organisationId,
            academic_year: year.trim(),
            name: name.trim() || t('stage1.defaultName', { year: year.trim() }),
            forms,
          },
        }),
      );
      context.reloadProgramme();
    });
  };
  return (
    <form class="card" onSubmit={submit} data-testid="start-programme">
      <h2>{after ? t('stage1.startNext') : t('stage1.start')}</h2>
      <div class="row">
        <label>
          {t('stage1.year')}
          <input value={year} onInput={(e) => setYear(e.currentTarget.value)} pattern="\d{4}/\d{4}" required data-testid="programme-year" />
        </label>
        <label>
          {t('stage1.name')}
          <input
            value={name}
            placeholder={t('stage1.defaultName', { year })}
            onInput={(e) => setName(e.currentTarget.value)}
            maxLength={300}
            data-testid="programme-name"
          />
        </label>
      </div>
      <FormChoice catalog={catalog} forms={forms} onChange={setForms} />
      <button type="submit" disabled={action.busy} data-testid="programme-start">
        {t('stage1.startButton')}
      </button>
      <ActionStatus action={action} testId="programme-start-status" />
    </form>
  );
}

function FormChoice({ catalog, forms, onChange }: { catalog: Catalog; forms: string[]; onChange: (forms: string[]) => void }) {
  return (
    <fieldset class="choices" data-testid="form-choice">
      <legend>{t('stage1.forms')}</legend>
      {catalog.forms.map((form) => (
        <label key={form.key} class="choice">
          <input
            type="checkbox"
            value={form.key}
            checked={forms.includes(form.key)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...forms, form.key] : forms.filter((key) => key !== form.key))}
          />
          <span>
            {catalogLabel(form)}
            {form.organisation_id && <span class="muted"> · {t('stage1.own')}</span>}
            <span class="muted small">
              {' '}
              (
              {catalog.role_models
                .filter((r) => r.form_key === form.key)
                .map(catalogLabel)
                .join('; ') || t('stage1.noRoleModels')}
              )
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Who runs the programme: the school's head and curators, as the documents name them. The head or a
 * curator appoints a staff member found by name and takes the role back; the last curator stays.
 */
function ProgrammeCurators({ organisationId }: { organisationId: string }) {
  const [leads, reload] = useFresh(
    () => body(client.organisations[':id'].curators.$get({ param: { id: organisationId } })),
    [organisationId],
  );
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const search = useAction();
  const change = useAction();
  const curators = leads.status === 'done' ? leads.value.items.filter((l) => l.role === 'curator') : [];
  const heads = leads.status === 'done' ? leads.value.items.filter((l) => l.role === 'head') : [];
  const find = (event: Event) => {
    event.preventDefault();
    void search.run(async () => {
      const page = await body(client.people.$get({ query: { organisation_id: organisationId, kind: 'staff', q: q.trim(), limit: '20' } }));
      setFound(page.items.filter((p) => !p.erased));
    });
  };
  const appoint = (person: Person) =>
    void change.run(
      async () => {
        await body(client.organisations[':id'].curators.$post({ param: { id: organisationId }, json: { person_id: person.id } }));
        reload();
      },
      t('stage1.curatorAppointed', { name: fullName(person) }),
    );
  const remove = (lead: ProgrammeLead) =>
    void change.run(
      async () => {
        await body(
          client.organisations[':id'].curators[':person_id'].$delete({ param: { id: organisationId, person_id: lead.person_id } }),
        );
        reload();
      },
      t('stage1.curatorRemoved', { name: fullName(lead) }),
    );
  const isCurator = (id: string) => curators.some((c) => c.person_id === id);
  return (
    <section class="card" aria-labelledby="curators-title" data-testid="programme-curators">
      <h2 id="curators-title">{t('stage1.curatorsTitle')}</h2>
      <p class="muted">{t('stage1.curatorsHint')}</p>
      <Loaded state={leads} retry={reload}>
        {() => (
          <>
            <ul class="plain people-list" data-testid="curator-list">
              {curators.map((c) => (
                <li key={c.person_id} data-testid="curator">
                  <span>
                    {fullName(c)}
                    {c.position && <span class="muted"> · {c.position}</span>}
                  </span>{' '}
                  <button
                    type="button"
                    class="secondary small"
                    disabled={change.busy || curators.length < 2}
                    title={curators.length < 2 ? t('stage1.curatorLast') : undefined}
                    aria-label={t('stage1.curatorRemoveWho', { name: fullName(c) })}
                    onClick={() => remove(c)}
                    data-testid="curator-remove"
                  >
                    {t('stage1.curatorRemove')}
                  </button>
                </li>
              ))}
            </ul>
            {curators.length < 2 && <p class="muted small">{t('stage1.curatorLast')}</p>}
            <p class="muted" data-testid="programme-head">
              {t('stage1.head', { names: heads.map(fullName).join(', ') || '—' })}
            </p>
          </>
        )}
      </Loaded>
      <form class="row curator-search" onSubmit={find} data-testid="curator-search">
        <label>
          {t('stage1.curatorSearch')}
          <input
            type="search"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            placeholder={t('stage1.curatorSearchPlaceholder')}
            required
            maxLength={100}
            data-testid="curator-search-input"
          />
        </label>
        <button type="submit" class="secondary" disabled={search.busy} data-testid="curator-search-button">
          {t('stage1.curatorFind')}
        </button>
      </form>
      <ActionStatus action={search} testId="curator-search-status" />
      {found && (
        <ul class="plain people-list" data-testid="curator-candidates">
          {found.length === 0 && <li class="muted">{t('stage1.curatorNoneFound')}</li>}
          {found.map((p) => (
            <li key={p.id} data-testid="curator-candidate">
              <span>
                {fullName(p)}
                {p.position && <span class="muted"> · {p.position}</span>}
              </span>{' '}
              {isCurator(p.id) ? (
                <span class="muted">{t('stage1.curatorAlready')}</span>
              ) : (
                <button
                  type="button"
                  class="small"
                  disabled={change.busy}
                  aria-label={t('stage1.curatorAppointWho', { name: fullName(p) })}
                  onClick={() => appoint(p)}
                  data-testid="curator-appoint"
                >
                  {t('stage1.curatorAppoint')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActionStatus action={change} testId="curator-status" />
    </section>
  );
}

function ProgrammeSetup({ context, programme, catalog }: { context: DashboardContext; programme: Programme; catalog: Catalog }) {
  const [name, setName] = useState(programme.name);
  const [forms, setForms] = useState(programme.forms);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await body(
        client.programmes[':id'].$patch(
          { param: { id: programme.id }, json: { name: name.trim(), forms } },
          { headers: { 'if-match': `"${programme.version}"` } },
        ),
      );
      context.reloadProgramme();
    }, t('stage1.saved'));
  };
  return (
    <form class="card" onSubmit={submit} data-testid="programme-setup">
      <h2>{t('stage1.setup')}</h2>
      <div class="row">
        <label>
          {t('stage1.year')}
          <input value={programme.academic_year} disabled />
        </label>
        <label>
          {t('stage1.name')}
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={300} required data-testid="programme-name" />
        </label>
      </div>
      <FormChoice catalog={catalog} forms={forms} onChange={setForms} />
      <button type="submit" disabled={action.busy} data-testid="programme-save">
        {t('stage1.save')}
      </button>
      <ActionStatus action={action} testId="programme-save-status" />
    </form>
  );
}

const documents = [
  ['order_introducing_model', 'stage1.doc.order'],
  ['programme_regulation', 'stage1.doc.regulation'],
  ['roadmap', 'stage1.doc.roadmap'],
] as const;

function Documents({ programme }: { programme: Programme }) {
  const action = useAction();
  return (
    <section class="card" aria-labelledby="documents-title" data-testid="stage1-documents">
      <h2 id="documents-title">{t('stage1.documents')}</h2>
      <p class="muted">{t('stage1.documentsHint')}</p>
      <ul class="plain">
        {documents.map(([document, key]) => (
          <li key={document}>
            <button
              type="button"
              class="secondary"
              disabled={action.busy}
              data-testid={`document-${document}`}
              onClick={() =>
                void action.run(
                  () =>
                    download(
                      client.programmes[':id'].documents[':document'].$get({ param: { id: programme.id, document } }),
                      `${t(key)} ${programme.academic_year.replace('/', '-')}.docx`,
                    ),
                  t('stage1.downloaded', { name: t(key) }),
                )
              }
            >
              {t(key)} · DOCX
            </button>
          </li>
        ))}
      </ul>
      <ActionStatus action={action} testId="documents-status" />
    </section>
  );
}

/** A school's own form or role model (reverse mentoring, «руководитель – учитель»…). */
function OwnCatalog({ context, catalog, reload }: { context: DashboardContext; catalog: Catalog; reload: () => void }) {
  const [kind, setKind] = useState<'form' | 'role_model'>('role_model');
  const [formKey, setFormKey] = useState(catalog.forms[0]?.key ?? '');
  const [key, setKey] = useState('');
  const [labelRu, setLabelRu] = useState('');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    const organisation_id = context.school.organisationId;
    void action.run(async () => {
      if (kind === 'form') await body(client.catalog.forms.$post({ json: { organisation_id, key: key.trim(), label_ru: labelRu.trim() } }));
      else
        await body(
          client.catalog['role-models'].$post({ json: { organisation_id, form_key: formKey, key: key.trim(), label_ru: labelRu.trim() } }),
        );
      // Only a saved row clears the form: a refusal keeps what was typed.
      setKey('');
      setLabelRu('');
      reload();
    }, t('stage1.ownAdded'));
  };
  return (
    <form class="card" onSubmit={submit} data-testid="own-catalog">
      <h2>{t('stage1.ownTitle')}</h2>
      <div class="row">
        <label>
          {t('stage1.ownKind')}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as 'form' | 'role_model')} data-testid="own-kind">
            <option value="role_model">{t('stage1.ownRoleModel')}</option>
            <option value="form">{t('stage1.ownForm')}</option>
          </select>
        </label>
        {kind === 'role_model' && (
          <label>
            {t('stage1.ownOfForm')}
            <select value={formKey} onChange={(e) => setFormKey(e.currentTarget.value)} data-testid="own-form-key">
              <CatalogOptions rows={catalog.forms} />
            </select>
          </label>
        )}
        <label>
          {t('stage1.ownLabel')}
          <input
            value={labelRu}
            onInput={(e) => setLabelRu(e.currentTarget.value)}
            required
            minLength={3}
            maxLength={200}
            data-testid="own-label"
          />
        </label>
        <label>
          {t('stage1.ownKey')}
          <input
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
            required
            pattern="[a-z][a-z0-9_]*"
            placeholder="reverse_mentoring"
            data-testid="own-key"
          />
        </label>
      </div>
      <button type="submit" disabled={action.busy} data-testid="own-add">
        {t('stage1.ownAdd')}
      </button>
      <ActionStatus action={action} testId="own-status" />
    </form>
  );
}

export function Stage1({ context }: ScreenProps) {
  const { programme } = context;
  const [catalog, reloadCatalog] = useFresh(() => body(client.catalog.$get()), []);
  return (
    <>
      <h1>{t('stage1.title')}</h1>
      <Loaded state={catalog} retry={reloadCatalog}>
        {(value) =>
          programme ? (
            <div class="columns">
              <div>
                <ProgrammeSetup key={programme.id} context={context} programme={programme} catalog={value} />
                <ProgrammeCurators organisationId={context.school.organisationId} />
                <Documents programme={programme} />
                <OwnCatalog context={context} catalog={value} reload={reloadCatalog} />
                <details class="card">
                  <summary>{t('stage1.startNext')}</summary>
                  <StartProgramme key={programme.academic_year} context={context} catalog={value} after={programme.academic_year} />
                </details>
              </div>
              <StageChecklist context={context} stage={1} />
            </div>
          ) : (
            <StartProgramme context={context} catalog={value} after={null} />
          )
        }
      </Loaded>
    </>
  );
}
