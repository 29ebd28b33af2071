// Stages 2 and 3, the bases of mentees and of mentors, as one table of every candidate: search,
// filters (class, form, role model, consent, status), bulk actions on a selection, and a person's
// card (key request and needs, or competencies, subjects and capacity; guardians' consents with
// the form to print). Two thousand rows scroll without a long task (VirtualTable).
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { BaseRow } from '../../shared/api/bases.ts';
import type { Catalog } from '../../shared/api/catalog.ts';
import type { Consent } from '../../shared/api/people.ts';
import { type Enrolment, enrolment as enrolmentRecord, type Programme } from '../../shared/api/programmes.ts';
import { staleCurrent } from '../../shared/errors.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { fullName, givenAndFamilyName } from '../../shared/names.ts';
import { useAsync } from '../components/use-async.ts';
import { ApiError } from '../utils/api-errors.ts';
import { formatDate, today } from '../utils/dates.ts';
import { catalogLabel, t, tn } from '../utils/i18n.ts';
import { body, client, download } from './api.ts';
import { BaseImport } from './BaseImport.tsx';
import type { DashboardContext } from './context.ts';
import { ActionStatus, CatalogOptions, inTurn, Loaded, useAction } from './parts.tsx';
import { StageChecklist } from './StageChecklist.tsx';
import { subPathOf } from './screens.ts';
import { useFresh } from './use-fresh.ts';
import { type Column, VirtualTable } from './VirtualTable.tsx';

type Base = 'mentee' | 'mentor';
export type Status = 'all' | 'in_base' | 'not_in_base' | 'left' | 'in_pair' | 'no_pair' | 'trained' | 'untrained';
export interface Filters {
  q: string;
  class: string;
  form: string;
  roleModel: string;
  consent: string;
  status: Status;
}
const noFilters: Filters = { q: '', class: '', form: '', roleModel: '', consent: '', status: 'all' };

/** Filters from the address (`#/stage-2/consent=missing&status=in_base`): a link from home opens the list it names. */
export function filtersFrom(sub: string): Filters {
  const params = new URLSearchParams(sub);
  const status = params.get('status') as Status | null;
  return {
    ...noFilters,
    q: params.get('q') ?? '',
    class: params.get('class') ?? '',
    form: params.get('form') ?? '',
    consent: params.get('consent') ?? '',
    ...(status ? { status } : {}),
  };
}

const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
const inBase = (row: BaseRow) => row.enrolment !== null && row.enrolment.left_on === null;
const needsConsent = (row: BaseRow) => row.consent === 'missing' || row.consent === 'withdrawn';

/** The rows a curator asked for: every word of the search in the name, and every filter set. */
export function filterRows(rows: readonly BaseRow[], f: Filters): BaseRow[] {
  const words = fold(f.q).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    const name = fold(`${row.last_name} ${row.first_name} ${row.middle_name ?? ''}`);
    if (!words.every((w) => name.includes(w))) return false;
    if (f.class && row.class_name !== f.class) return false;
    if (f.form && row.enrolment?.form_key !== f.form) return false;
    if (f.roleModel && row.enrolment?.wished_role_model_key !== f.roleModel) return false;
    if (f.consent === 'missing' ? !needsConsent(row) : f.consent && row.consent !== f.consent) return false;
    switch (f.status) {
      case 'in_base':
        return inBase(row);
      case 'not_in_base':
        return !inBase(row);
      case 'left':
        return row.enrolment?.left_on != null;
      case 'in_pair':
        return row.groups > 0;
      case 'no_pair':
        return inBase(row) && row.groups === 0;
      case 'trained':
        return row.enrolment?.training_status === 'trained';
      case 'untrained':
        return inBase(row) && row.enrolment?.training_status !== 'trained';
      default:
        return true;
    }
  });
}

function columnsFor(base: Base, catalog: Catalog): Column<BaseRow>[] {
  const formLabel = (key: string | null | undefined) => {
    const form = catalog.forms.find((f) => f.key === key);
    return form ? catalogLabel(form) : '—';
  };
  const common: Column<BaseRow>[] = [
    { key: 'name', header: t('dashboard.bases.name'), width: 'minmax(130px, 2fr)', render: (row) => fullName(row) },
    {
      key: 'class',
      header: base === 'mentee' ? t('dashboard.bases.class') : t('dashboard.bases.classOrPosition'),
      width: 'minmax(56px, 0.8fr)',
      render: (row) => row.class_name ?? row.position ?? t(`dashboard.bases.kind.${row.kind}` as MessageKey),
    },
    {
      key: 'consent',
      header: t('dashboard.bases.consent'),
      width: '96px',
      render: (row) => (
        <span class={`pill consent-${row.consent}`} data-consent={row.consent}>
          {t(`dashboard.bases.consent.${row.consent}` as MessageKey)}
        </span>
      ),
    },
    {
      key: 'base',
      header: t('dashboard.bases.inBase'),
      width: 'minmax(80px, 1.2fr)',
      render: (row) => (row.enrolment ? (row.enrolment.left_on ? t('dashboard.bases.left') : formLabel(row.enrolment.form_key)) : '—'),
    },
  ];
  const own: Column<BaseRow>[] =
    base === 'mentee'
      ? [
          {
            key: 'request',
            header: t('dashboard.bases.keyRequest'),
            width: 'minmax(110px, 2fr)',
            render: (row) => row.enrolment?.key_request ?? '',
          },
        ]
      : [
          {
            key: 'competencies',
            header: t('dashboard.bases.competencies'),
            width: 'minmax(70px, 1.4fr)',
            render: (row) => row.enrolment?.competencies.join(', ') ?? '',
          },
          {
            key: 'capacity',
            header: t('dashboard.bases.capacity'),
            width: '56px',
            render: (row) => (row.enrolment ? String(row.enrolment.capacity) : ''),
          },
          {
            key: 'training',
            header: t('dashboard.bases.training'),
            width: '84px',
            render: (row) => (row.enrolment ? t(`dashboard.bases.training.${row.enrolment.training_status}` as MessageKey) : ''),
          },
        ];
  return [
    ...common,
    ...own,
    { key: 'pairs', header: t('dashboard.bases.pairs'), width: '56px', render: (row) => (row.groups > 0 ? String(row.groups) : '—') },
  ];
}

function FilterBar({
  rows,
  catalog,
  filters,
  set,
  base,
}: {
  rows: BaseRow[];
  catalog: Catalog;
  filters: Filters;
  set: (f: Filters) => void;
  base: Base;
}) {
  const classes = useMemo(() => [...new Set(rows.map((r) => r.class_name).filter((c): c is string => c !== null))], [rows]);
  const field = (key: keyof Filters) => ({
    value: filters[key],
    onInput: (e: { currentTarget: { value: string } }) => set({ ...filters, [key]: e.currentTarget.value }),
    'data-testid': `filter-${key}`,
  });
  const statuses: Status[] =
    base === 'mentee'
      ? ['all', 'in_base', 'not_in_base', 'left', 'in_pair', 'no_pair']
      : ['all', 'in_base', 'not_in_base', 'left', 'trained', 'untrained', 'in_pair'];
  return (
    <section class="filters" aria-label={t('dashboard.bases.search')}>
      <label>
        {t('dashboard.bases.search')}
        <input type="search" {...field('q')} placeholder={t('dashboard.bases.searchHint')} />
      </label>
      <label>
        {t('dashboard.bases.class')}
        <select {...field('class')}>
          <option value="">{t('dashboard.bases.any')}</option>
          {classes.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.bases.form')}
        <select {...field('form')}>
          <option value="">{t('dashboard.bases.any')}</option>
          <CatalogOptions rows={catalog.forms} />
        </select>
      </label>
      {base === 'mentee' && (
        <label>
          {t('dashboard.bases.roleModel')}
          <select {...field('roleModel')}>
            <option value="">{t('dashboard.bases.any')}</option>
            <CatalogOptions rows={catalog.role_models.filter((r) => !filters.form || r.form_key === filters.form)} />
          </select>
        </label>
      )}
      <label>
        {t('dashboard.bases.consent')}
        <select {...field('consent')}>
          <option value="">{t('dashboard.bases.any')}</option>
          {(['missing', 'given', 'withdrawn', 'not_needed'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`dashboard.bases.consentFilter.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.bases.status')}
        <select {...field('status')}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`dashboard.bases.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="secondary" onClick={() => set(noFilters)}>
        {t('dashboard.bases.clear')}
      </button>
    </section>
  );
}

/** A consent as recorded: who gave it, when, which version of the form, on paper or electronically. */
function ConsentFields({ value, set }: { value: ConsentDraft; set: (v: ConsentDraft) => void }) {
  return (
    <div class="row">
      <label>
        {t('dashboard.consent.givenBy')}
        <select
          value={value.given_by}
          onChange={(e) => set({ ...value, given_by: e.currentTarget.value as ConsentDraft['given_by'] })}
          data-testid="consent-given-by"
        >
          <option value="parent">{t('dashboard.consent.parent')}</option>
          <option value="guardian">{t('dashboard.consent.guardian')}</option>
          <option value="self">{t('dashboard.consent.self')}</option>
        </select>
      </label>
      <label>
        {t('dashboard.consent.date')}
        <input
          type="date"
          max={today()}
          value={value.given_on}
          onInput={(e) => set({ ...value, given_on: e.currentTarget.value })}
          required
          data-testid="consent-date"
        />
      </label>
      <label>
        {t('dashboard.consent.version')}
        <input
          value={value.document_version}
          onInput={(e) => set({ ...value, document_version: e.currentTarget.value })}
          required
          maxLength={50}
          data-testid="consent-version"
        />
      </label>
      <label>
        {t('dashboard.consent.medium')}
        <select
          value={value.medium}
          onChange={(e) => set({ ...value, medium: e.currentTarget.value as ConsentDraft['medium'] })}
          data-testid="consent-medium"
        >
          <option value="paper">{t('dashboard.consent.paper')}</option>
          <option value="electronic">{t('dashboard.consent.electronic')}</option>
        </select>
      </label>
    </div>
  );
}
interface ConsentDraft {
  given_by: 'parent' | 'guardian' | 'self';
  given_on: string;
  document_version: string;
  medium: 'paper' | 'electronic';
}
const newConsent = (): ConsentDraft => ({ given_by: 'parent', given_on: today(), document_version: '1', medium: 'paper' });

function Bulk({
  base,
  programme,
  catalog,
  chosen,
  done,
}: {
  base: Base;
  programme: Programme;
  catalog: Catalog;
  chosen: BaseRow[];
  done: () => void;
}) {
  const [form, setForm] = useState(programme.forms[0] ?? '');
  const [consent, setConsent] = useState<ConsentDraft>(newConsent);
  const [consentOpen, setConsentOpen] = useState(false);
  const action = useAction();
  const ids = chosen.map((row) => row.person_id);
  const bulk = (kind: 'enrol' | 'leave' | 'form') =>
    void action.run(
      async () => {
        const result = await body(
          client.programmes[':id'].bases[':base'].bulk.$post({
            param: { id: programme.id, base },
            json: { action: kind, person_ids: ids, ...(kind === 'leave' ? {} : { form_key: form || null }) },
          }),
        );
        done();
        return result;
      },
      t(`dashboard.bases.bulkDone.${kind}`, { count: chosen.length }),
    );
  const recordConsents = (event: Event) => {
    event.preventDefault();
    const missing = chosen.filter(needsConsent);
    void action.run(
      async (report) => {
        await inTurn(
          missing,
          (row) => body(client.consents.$post({ json: { id: crypto.randomUUID(), person_id: row.person_id, ...consent } })),
          (n) => report(t('dashboard.progressOf', { done: n, total: missing.length })),
        );
        setConsentOpen(false);
        done();
      },
      tn('dashboard.bases.consentsRecorded', missing.length),
    );
  };
  const formOptions = catalog.forms.filter((f) => programme.forms.includes(f.key) || f.organisation_id);
  return (
    <div class="bulk" data-testid="bulk-actions" aria-live="polite">
      <strong>{tn('dashboard.bases.selected', chosen.length)}</strong>
      <label>
        {t('dashboard.bases.form')}
        <select value={form} onChange={(e) => setForm(e.currentTarget.value)} data-testid="bulk-form">
          <option value="">{t('dashboard.bases.noForm')}</option>
          <CatalogOptions rows={formOptions} />
        </select>
      </label>
      {(
        [
          ['enrol', base === 'mentee' ? 'dashboard.bases.enrolMentees' : 'dashboard.bases.enrolMentors', 'bulk-enrol'],
          ['form', 'dashboard.bases.setForm', 'bulk-set-form'],
          ['leave', 'dashboard.bases.leave', 'bulk-leave'],
        ] as const
      ).map(([kind, words, testId]) => (
        <button
          key={kind}
          type="button"
          class={kind === 'enrol' ? '' : 'secondary'}
          disabled={action.busy || !chosen.length}
          onClick={() => bulk(kind)}
          data-testid={testId}
        >
          {t(words)}
        </button>
      ))}
      {base === 'mentee' && (
        <button
          type="button"
          class="secondary"
          disabled={action.busy || !chosen.some(needsConsent)}
          onClick={() => setConsentOpen(!consentOpen)}
          data-testid="bulk-consent"
        >
          {t('dashboard.bases.recordConsents', { count: chosen.filter(needsConsent).length })}
        </button>
      )}
      {consentOpen && (
        <form onSubmit={recordConsents} class="card" data-testid="bulk-consent-form">
          <ConsentFields value={consent} set={setConsent} />
          <button type="submit" disabled={action.busy} data-testid="bulk-consent-save">
            {t('dashboard.consent.record')}
          </button>
        </form>
      )}
      <ActionStatus action={action} testId="bulk-status" />
    </div>
  );
}

/** One person of the base: the enrolment's fields (kept as typed when a save fails) and their consents. */
function PersonCard({
  base,
  row,
  catalog,
  close,
  changed,
}: {
  base: Base;
  row: BaseRow;
  catalog: Catalog;
  close: () => void;
  changed: () => void;
}) {
  const enrolment = row.enrolment;
  const [fields, setFields] = useState({
    key_request: enrolment?.key_request ?? '',
    needs: enrolment?.needs ?? '',
    wished_role_model_key: enrolment?.wished_role_model_key ?? '',
    competencies: enrolment?.competencies.join(', ') ?? '',
    subjects: enrolment?.subjects.join(', ') ?? '',
    capacity: String(enrolment?.capacity ?? 1),
  });
  const [version, setVersion] = useState(enrolment?.version ?? '');
  const save = useAction();
  const list = (text: string) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!enrolment) return;
    const patch =
      base === 'mentee'
        ? {
            key_request: fields.key_request.trim() || null,
            needs: fields.needs.trim() || null,
            wished_role_model_key: fields.wished_role_model_key || null,
            subjects: list(fields.subjects),
          }
        : { competencies: list(fields.competencies), subjects: list(fields.subjects), capacity: Number.parseInt(fields.capacity, 10) };
    void save.run(async () => {
      try {
        const saved: Enrolment = await body(
          client.enrolments[':id'].$patch({ param: { id: enrolment.id }, json: patch }, { headers: { 'if-match': `"${version}"` } }),
        );
        setVersion(saved.version);
        changed();
      } catch (error) {
        // Someone changed it meanwhile: take their version, keep what was typed, say so.
        const current = error instanceof ApiError ? staleCurrent(error.body, enrolmentRecord) : null;
        if (current) setVersion(current.version);
        throw error;
      }
    }, t('dashboard.saved'));
  };
  const set = (key: keyof typeof fields) => (e: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [key]: e.currentTarget.value });
  const roleModels = catalog.role_models.filter((r) => !enrolment?.form_key || r.form_key === enrolment.form_key);
  return (
    <aside class="person-card card" aria-labelledby="person-card-title" data-testid="person-card" data-person={row.person_id}>
      <header class="header">
        <h2 id="person-card-title">{fullName(row)}</h2>
        <button type="button" class="secondary" onClick={close} data-testid="person-card-close">
          {t('dashboard.close')}
        </button>
      </header>
      <p class="muted">
        {[row.class_name, row.position, `${t('dashboard.bases.consent')}: ${t(`dashboard.bases.consent.${row.consent}` as MessageKey)}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {enrolment && !enrolment.left_on ? (
        <form onSubmit={submit} data-testid="enrolment-form">
          {base === 'mentee' ? (
            <>
              <label>
                {t('dashboard.bases.keyRequest')}
                <textarea value={fields.key_request} onInput={set('key_request')} maxLength={2000} data-testid="key-request" />
              </label>
              <label>
                {t('dashboard.bases.needs')}
                <textarea value={fields.needs} onInput={set('needs')} maxLength={2000} />
              </label>
              <label>
                {t('dashboard.bases.wishedRoleModel')}
                <select value={fields.wished_role_model_key} onChange={set('wished_role_model_key')}>
                  <option value="">—</option>
                  <CatalogOptions rows={roleModels} />
                </select>
              </label>
              <label>
                {t('dashboard.bases.weakSubjects')}
                <input value={fields.subjects} onInput={set('subjects')} data-testid="mentee-subjects" />
              </label>
            </>
          ) : (
            <>
              <label>
                {t('dashboard.bases.competencies')}
                <input value={fields.competencies} onInput={set('competencies')} data-testid="competencies" />
              </label>
              <label>
                {t('dashboard.bases.subjects')}
                <input value={fields.subjects} onInput={set('subjects')} />
              </label>
              <label>
                {t('dashboard.bases.capacity')}
                <input type="number" min={1} max={30} value={fields.capacity} onInput={set('capacity')} data-testid="capacity" />
              </label>
            </>
          )}
          <button type="submit" disabled={save.busy} data-testid="enrolment-save">
            {t('dashboard.save')}
          </button>
          <ActionStatus action={save} testId="enrolment-status" />
        </form>
      ) : (
        <p class="muted">{t('dashboard.bases.notInBaseHint')}</p>
      )}
      {row.kind === 'student' || needsConsent(row) || row.consent === 'given' ? <Consents row={row} changed={changed} /> : null}
    </aside>
  );
}

function Consents({ row, changed }: { row: BaseRow; changed: () => void }) {
  const [list, reload] = useAsync(() => body(client.consents.$get({ query: { person_id: row.person_id, limit: '50' } })), [row.person_id]);
  const [draft, setDraft] = useState<ConsentDraft>(newConsent);
  const action = useAction();
  const record = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await body(client.consents.$post({ json: { id: crypto.randomUUID(), person_id: row.person_id, ...draft } }));
      reload();
      changed();
    }, t('dashboard.consent.recorded'));
  };
  const withdraw = (consent: Consent) =>
    void action.run(async () => {
      await body(client.consents[':id'].withdraw.$post({ param: { id: consent.id }, json: { withdrawn_on: today() } }));
      reload();
      changed();
    }, t('dashboard.consent.withdrawn'));
  return (
    <section aria-labelledby="consents-title" data-testid="consents">
      <h3 id="consents-title">{t('dashboard.consent.title')}</h3>
      <Loaded state={list} retry={reload}>
        {(value) =>
          value.items.length === 0 ? (
            <p class="muted">{t('dashboard.consent.none')}</p>
          ) : (
            <ul class="plain">
              {value.items.map((c) => (
                <li key={c.id} data-testid="consent-row">
                  {t('dashboard.consent.line', {
                    who: t(`dashboard.consent.${c.given_by}`),
                    date: formatDate(c.given_on),
                    version: c.document_version,
                    medium: t(`dashboard.consent.${c.medium}`),
                  })}
                  {c.withdrawn_on ? (
                    <span class="muted"> · {t('dashboard.consent.withdrawnOn', { date: formatDate(c.withdrawn_on) })}</span>
                  ) : (
                    <button
                      type="button"
                      class="secondary small"
                      disabled={action.busy}
                      onClick={() => withdraw(c)}
                      data-testid="consent-withdraw"
                    >
                      {t('dashboard.consent.withdraw')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <form onSubmit={record} data-testid="consent-form">
        <ConsentFields value={draft} set={setDraft} />
        <div class="row">
          <button type="submit" disabled={action.busy} data-testid="consent-record">
            {t('dashboard.consent.record')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={action.busy}
            data-testid="consent-print"
            onClick={() =>
              void action.run(
                () =>
                  download(
                    client.people[':id']['consent-form'].$get({ param: { id: row.person_id } }),
                    `${t('dashboard.consent.fileName')} ${givenAndFamilyName(row)}.docx`,
                  ),
                t('dashboard.consent.printed'),
              )
            }
          >
            {t('dashboard.consent.print')}
          </button>
        </div>
      </form>
      <ActionStatus action={action} testId="consent-status" />
    </section>
  );
}

export function BaseScreen({ context, base, stage }: { context: DashboardContext; base: Base; stage: 2 | 3 }) {
  const { programme } = context;
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(subPathOf(location.hash)));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [data, reload] = useFresh(async () => {
    if (!programme) return null;
    const [rows, catalog] = await Promise.all([
      body(client.programmes[':id'].bases[':base'].$get({ param: { id: programme.id, base } })),
      body(client.catalog.$get()),
    ]);
    return { rows: rows.items, catalog };
  }, [programme?.id, base]);
  const title = t(base === 'mentee' ? 'stage2.title' : 'stage3.title');
  // The same columns and handlers from one render to the next: the table's rows are memoised on them.
  const catalog = data.status === 'done' ? data.value?.catalog : undefined;
  const columns = useMemo(() => (catalog ? columnsFor(base, catalog) : []), [base, catalog]);
  const select = useCallback(
    (keys: string[], on: boolean) =>
      setSelected((before) => {
        const next = new Set(before);
        for (const key of keys) on ? next.add(key) : next.delete(key);
        return next;
      }),
    [],
  );
  const openRow = useCallback((row: BaseRow) => setOpen(row.person_id), []);
  if (!programme)
    return (
      <>
        <h1>{title}</h1>
        <p class="muted">{t('dashboard.startFirst')}</p>
        <button type="button" onClick={() => context.go('stage-1')}>
          {t('dashboard.toStage1')}
        </button>
      </>
    );
  return (
    <>
      <h1>{title}</h1>
      <Loaded state={data} retry={reload}>
        {(value) => {
          if (!value) return null;
          const shown = filterRows(value.rows, filters);
          const chosen = value.rows.filter((row) => selected.has(row.person_id));
          const enrolled = value.rows.filter(inBase);
          const card = open ? value.rows.find((row) => row.person_id === open) : undefined;
          return (
            <>
              <p class="summary" data-testid="base-summary">
                {tn(base === 'mentee' ? 'dashboard.bases.menteesInBase' : 'dashboard.bases.mentorsInBase', enrolled.length)}
                {' · '}
                {base === 'mentee' ? (
                  enrolled.some(needsConsent) ? (
                    <button
                      type="button"
                      class="link"
                      onClick={() => setFilters({ ...noFilters, status: 'in_base', consent: 'missing' })}
                      data-testid="missing-consents"
                    >
                      {tn('dashboard.bases.withoutConsent', enrolled.filter(needsConsent).length)}
                    </button>
                  ) : (
                    t('dashboard.bases.allConsents')
                  )
                ) : (
                  tn('dashboard.bases.trainedCount', enrolled.filter((row) => row.enrolment?.training_status === 'trained').length)
                )}
              </p>
              <BaseImport context={context} imported={reload} />
              <FilterBar rows={value.rows} catalog={value.catalog} filters={filters} set={setFilters} base={base} />
              {chosen.length > 0 && (
                <Bulk
                  base={base}
                  programme={programme}
                  catalog={value.catalog}
                  chosen={chosen}
                  done={() => {
                    setSelected(new Set());
                    reload();
                  }}
                />
              )}
              <p class="muted" data-testid="base-shown">
                {t('dashboard.bases.shown', { shown: shown.length, total: value.rows.length })}
              </p>
              <div class={card ? `with-card with-card-${base}` : ''}>
                <VirtualTable
                  rows={shown}
                  rowKey={(row) => row.person_id}
                  columns={columns}
                  selected={selected}
                  onSelect={select}
                  onOpen={openRow}
                  label={title}
                  testId="base-table"
                />
                {card && (
                  <PersonCard
                    key={card.person_id}
                    base={base}
                    row={card}
                    catalog={value.catalog}
                    close={() => setOpen(null)}
                    changed={reload}
                  />
                )}
              </div>
              {shown.length === 0 && <p class="muted">{t('dashboard.bases.emptyFiltered')}</p>}
            </>
          );
        }}
      </Loaded>
      <StageChecklist context={context} stage={stage} />
    </>
  );
}
