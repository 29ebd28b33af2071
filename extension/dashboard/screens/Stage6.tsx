// Stage 6, «Организация работы пар / групп»: every group's progress through the meeting sequence
// (знакомство → пробная → планирование → рабочие → итоговая), its last and next meeting, its goals,
// and those with no meeting for longer than the school's threshold (14 days unless changed); the
// curator re-pairs a group with the reason, as the methodology allows after the trial meeting.
import { useState } from 'preact/hooks';
import type { WorkGroup, WorkReport } from '../../../shared/api/monitoring.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { fullName, givenAndFamilyName } from '../../../shared/names.ts';
import { refusedStatus, type Status, StatusLine } from '../../components/status.tsx';
import { useAsync } from '../../components/use-async.ts';
import { formatDate, today } from '../../utils/dates.ts';
import { catalogLabel, language, t, tn } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { DataTable } from '../reports/DataTable.tsx';
import { ExportBar } from '../reports/ExportBar.tsx';
import { Loaded } from '../reports/Loaded.tsx';
import type { ScreenProps } from '../screens.ts';
import '../reports/reports.css';

const key = (k: string) => k as Parameters<typeof t>[0];
const kindLabel = (kind: string) => (isMessageKey(`meetingKind.${kind}`) ? t(key(`meetingKind.${kind}`)) : kind);

function Sequence({ report, group }: { report: WorkReport; group: WorkGroup }) {
  return (
    <ol class="sequence" aria-label={t('stage6.col.sequence')}>
      {report.sequence.map((kind) => {
        const held = group.kinds_held.includes(kind.key);
        return (
          <li key={kind.key} class={held ? 'held' : ''}>
            {held ? '✓ ' : '○ '}
            {language === 'en' ? kind.label_en : kind.label_ru}
          </li>
        );
      })}
    </ol>
  );
}

function Repair({ group, onDone }: { group: WorkGroup; onDone: () => void }) {
  const members = [...group.mentors, ...group.mentees];
  const [leaving, setLeaving] = useState(group.mentees[0]?.person_id ?? members[0]?.person_id ?? '');
  const [query, setQuery] = useState('');
  const [joining, setJoining] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [found] = useAsync(
    () =>
      query.trim().length < 2
        ? Promise.resolve({ items: [], next_cursor: null })
        : body(client.people.$get({ query: { q: query.trim(), limit: '10' } })),
    [query],
  );
  const candidates = found.status === 'done' ? found.value.items : [];
  return (
    <form
      class="card"
      data-testid={`repair-${group.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void body(
          client.groups[':id'].repair.$post({
            param: { id: group.id },
            json: { leaving_person_id: leaving, joining_person_id: joining, reason },
          }),
        ).then(
          () => {
            setStatus({ kind: 'ok', text: t('stage6.repairDone') });
            onDone();
          },
          (error: unknown) => setStatus(refusedStatus(error)),
        );
      }}
    >
      <h3>{t('stage6.repairTitle')}</h3>
      <label>
        {t('stage6.repairLeaving')}
        <select value={leaving} onChange={(e) => setLeaving(e.currentTarget.value)}>
          {members.map((m) => (
            <option key={m.person_id} value={m.person_id}>
              {givenAndFamilyName(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stage6.repairJoining')}
        <input value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {candidates.length > 0 && (
        <select value={joining} onChange={(e) => setJoining(e.currentTarget.value)} aria-label={t('stage6.repairJoining')}>
          <option value="">—</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {fullName(p)}
              {p.class_name ? ` (${p.class_name})` : ''}
            </option>
          ))}
        </select>
      )}
      <label>
        {t('stage6.repairReason')}
        <input value={reason} required minLength={3} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={!joining || reason.trim().length < 3}>
        {t('stage6.repairSave')}
      </button>
      <StatusLine status={status} testId="repair-status" />
    </form>
  );
}

export function Stage6({ context }: ScreenProps) {
  const programme = context.programme;
  const [date] = useState(today());
  const [filter, setFilter] = useState<'all' | 'inactive'>('all');
  const [search, setSearch] = useState('');
  const [repairing, setRepairing] = useState<string | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [work, reload] = useAsync(
    () => (programme ? body(client.programmes[':id'].work.$get({ param: { id: programme.id }, query: { date } })) : Promise.resolve(null)),
    [programme?.id, date],
  );
  if (!programme) return <p class="muted">{t('dashboard.noProgramme')}</p>;
  return (
    <>
      <h1>{t('stage6.title')}</h1>
      <p class="muted">{t('stage6.intro')}</p>
      <Loaded state={work}>
        {(report) => {
          if (!report || report.groups.length === 0) return <p class="muted">{t('stage6.empty')}</p>;
          const words = search.trim().toLocaleLowerCase('ru');
          const shown = report.groups.filter(
            (g) =>
              (filter === 'all' || g.inactive) &&
              (!words || [...g.mentors, ...g.mentees].some((p) => givenAndFamilyName(p).toLocaleLowerCase('ru').includes(words))),
          );
          const inactive = report.groups.filter((g) => g.inactive).length;
          return (
            <>
              <p data-testid="stage6-summary">
                {tn('stage6.groupsCount', report.groups.length)} · <strong>{tn('stage6.inactiveCount', inactive)}</strong>
              </p>
              <div class="toolbar no-print">
                <form
                  class="row"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const days = threshold ?? report.inactivity_days;
                    void body(client.programmes[':id'].review.$put({ param: { id: programme.id }, json: { inactivity_days: days } })).then(
                      () => {
                        setStatus({ kind: 'ok', text: tn('stage6.thresholdSaved', days) });
                        reload();
                      },
                      (error: unknown) => setStatus(refusedStatus(error)),
                    );
                  }}
                >
                  <label>
                    {t('stage6.threshold')}
                    <input
                      type="number"
                      min={3}
                      max={90}
                      value={threshold ?? report.inactivity_days}
                      onInput={(e) => setThreshold(Number(e.currentTarget.value))}
                      data-testid="threshold"
                    />
                  </label>
                  <button type="submit" class="secondary">
                    {t('stage6.saveThreshold')}
                  </button>
                </form>
                <label>
                  {t('stage6.search')}
                  <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
                </label>
                <fieldset class="row">
                  {(['all', 'inactive'] as const).map((f) => (
                    <label key={f} class="choice">
                      <input type="radio" name="filter" checked={filter === f} onChange={() => setFilter(f)} data-testid={`filter-${f}`} />
                      {t(`stage6.filter.${f}`)}
                    </label>
                  ))}
                </fieldset>
              </div>
              <StatusLine status={status} testId="stage6-status" />
              <DataTable
                testId="table-work"
                caption={t('reports.table.work', { date })}
                columns={[
                  t('stage6.col.group'),
                  t('stage6.col.sequence'),
                  t('stage6.col.last'),
                  t('stage6.col.next'),
                  t('stage6.col.goals'),
                  t('stage6.col.actions'),
                ]}
                rows={shown.map((g) => ({
                  key: g.id,
                  className: g.inactive ? 'attention' : undefined,
                  cells: [
                    <div key="who" data-testid={`group-${g.id}`}>
                      <strong>{g.mentors.map(givenAndFamilyName).join(', ')}</strong> → {g.mentees.map(givenAndFamilyName).join(', ')}
                      <div class="muted">{catalogLabel(g.form)}</div>
                      {g.repairs.map((r) => (
                        <div key={r.person_id} class="muted">
                          {t('stage6.repaired', { name: givenAndFamilyName(r), date: formatDate(r.left_on), reason: r.reason ?? '' })}
                        </div>
                      ))}
                    </div>,
                    <Sequence key="seq" report={report} group={g} />,
                    <span key="last">
                      {g.last_met_on ? formatDate(g.last_met_on) : t('stage6.never')}
                      {g.inactive && g.days_since !== null && <div class="status warn">{tn('stage6.inactive', g.days_since)}</div>}
                    </span>,
                    g.next_kind
                      ? t('stage6.due', { kind: kindLabel(g.next_kind), date: g.next_due_on ? formatDate(g.next_due_on) : '' })
                      : t('stage6.done'),
                    t('stage6.goals', { done: g.goals_done, total: g.goals_total }),
                    g.status === 'active' ? (
                      <button key="repair" type="button" class="secondary" onClick={() => setRepairing(repairing === g.id ? null : g.id)}>
                        {t('stage6.repair')}
                      </button>
                    ) : null,
                  ],
                }))}
              />
              {repairing && report.groups.find((g) => g.id === repairing) && (
                <Repair
                  group={report.groups.find((g) => g.id === repairing) as WorkGroup}
                  onDone={() => {
                    setRepairing(null);
                    reload();
                  }}
                />
              )}
              <ExportBar tables={['work']} params={{ programme_id: programme.id, date }} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
