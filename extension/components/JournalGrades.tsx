// Evaluated results from the e-journal (issue 13), in the pair panel: «Взять оценки из журнала» for
// one mentee asks the background, which asks the page's content script to read the mentee's row
// (sites/grades.ts): the mentee's lessons with their dates. The teacher says whether this is the
// «before» (baseline) or the «after» and for which period; only the lessons dated in that period
// count, and the figures follow the dates as they change. One click saves them as outcomes (through
// the background's queue: saved at once, or kept and sent when the network returns).
import { useState } from 'preact/hooks';
import type { GroupMember, GroupSummary } from '../../shared/api/me.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { fullName } from '../../shared/names.ts';
import { type JournalRecord, journalOutcomes, journalRecord } from '../sites/grades.ts';
import { describeError } from '../utils/api-errors.ts';
import { formatDate, today } from '../utils/dates.ts';
import { formatNumber, t, tn } from '../utils/i18n.ts';
import type { OutcomeCreate, PageGrades, SubmitResult } from '../utils/messages.ts';
import { type Status, StatusLine } from './status.tsx';

/** How the panel reads the page and saves outcomes (through the background; a fake in screenshots). */
export interface JournalAccess {
  read: (personId: string) => Promise<PageGrades>;
  /** Saved (the API took them) or queued (it could not be reached: sent when the network returns). */
  save: (outcomes: OutcomeCreate[]) => Promise<SubmitResult>;
}

type Read = Extract<PageGrades, { status: 'read' }>;
type When = 'before' | 'after';

/** The same day `months` months earlier (the 1st when that month is shorter): a quarter's default start. */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 - months, 1));
  const last = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, last));
  return shifted.toISOString().slice(0, 10);
}

/** The period a measurement covers by default: «before» ends when the pair started, «after» today; a quarter long. */
export function defaultPeriod(group: Pick<GroupSummary, 'started_on'>, when: When, now = today()): { from: string; to: string } {
  const to = when === 'before' && group.started_on && group.started_on < now ? group.started_on : now;
  return { from: monthsBefore(to, 3), to };
}

const siteName = (site: string) => t(`grades.site.${site}` as MessageKey);

function problemOf(read: PageGrades, name: string): string | null {
  if (read.status === 'unsupported') return t('grades.unsupported', { sites: read.sites.map(siteName).join(', ') });
  if (read.status === 'not-found') return t('grades.notFound', { name });
  if (!read.lessons.some((lesson) => lesson.on !== null)) return t('grades.nothing', { name });
  return null;
}

function Figures({ read, record }: { read: Read; record: JournalRecord & { outside: number } }) {
  return (
    <dl class="people" data-testid="grades-figures">
      <dt>{t('grades.subject')}</dt>
      <dd>
        {read.subject ?? t('grades.noSubject')} · {siteName(read.site)}
      </dd>
      {read.period && (
        <>
          <dt>{t('grades.periodShown')}</dt>
          <dd>{read.period}</dd>
        </>
      )}
      <dt>{t('grades.average')}</dt>
      <dd data-testid="grades-average">
        {record.average === null ? t('grades.noGrades') : `${formatNumber(record.average)} (${tn('grades.count', record.grades.length)})`}
      </dd>
      <dt>{t('grades.absences')}</dt>
      <dd data-testid="grades-absences">
        {tn('grades.absent', record.absences)} {tn('grades.lessons', record.lessons)}
        {record.outside > 0 && (
          <>
            <br />
            <span class="muted" data-testid="grades-outside">
              {tn('grades.outside', record.outside)}
            </span>
          </>
        )}
      </dd>
      <dt>{t('grades.attendance')}</dt>
      <dd data-testid="grades-attendance">
        {record.attendance === null ? '—' : t('grades.percent', { value: Math.round(record.attendance * 1000) / 10 })}
      </dd>
    </dl>
  );
}

/** The reading, the teacher's «before»/«after» and period, and the save. */
function ReadingForm({
  group,
  mentee,
  read,
  access,
  onDone,
}: {
  group: GroupSummary;
  mentee: GroupMember;
  read: Read;
  access: JournalAccess;
  onDone: (status: Status | null) => void;
}) {
  // After the final meeting the reading is most likely the «after».
  const [when, setWhen] = useState<When>(group.meeting_kinds_held.includes('final') ? 'after' : 'before');
  const [period, setPeriod] = useState(() => defaultPeriod(group, when));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const prefix = `grades-${mentee.person_id}`;
  const record = journalRecord(read.lessons, period);
  const choose = (next: When) => {
    setWhen(next);
    setPeriod(defaultPeriod(group, next));
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (period.from > period.to) {
      setStatus({ kind: 'error', text: t('grades.badDates') });
      return;
    }
    if (record.lessons === 0) {
      setStatus({ kind: 'error', text: t('grades.emptyPeriod') });
      return;
    }
    const source = t('grades.source', {
      site: siteName(read.site),
      subject: read.subject ?? t('grades.noSubject'),
      from: formatDate(period.from),
      to: formatDate(period.to),
    });
    const outcomes = journalOutcomes(record, when, period.to, source).map((outcome) => ({
      ...outcome,
      // The same mentee, metric and subject saved again updates that outcome (the API's key), «before» and «after» on one row.
      subject: read.subject,
      id: crypto.randomUUID(),
      programme_id: group.programme_id,
      group_id: group.id,
      person_id: mentee.person_id,
    }));
    setBusy(true);
    try {
      const result = await access.save(outcomes);
      const whenWord = t(when === 'before' ? 'grades.whenBefore' : 'grades.whenAfter');
      onDone(
        result.status === 'queued'
          ? { kind: 'warn', text: tn('grades.queued', outcomes.length, { when: whenWord }) }
          : { kind: 'ok', text: tn('grades.saved', outcomes.length, { when: whenWord }) },
      );
    } catch (error) {
      setStatus({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="grades" data-testid="grades-form" onSubmit={save}>
      <h3>{t('grades.title', { name: fullName(mentee) })}</h3>
      <fieldset class="ratings">
        <legend>{t('grades.when')}</legend>
        {(['before', 'after'] as const).map((value) => (
          <label key={value} class="check">
            <input
              type="radio"
              name={`${prefix}-when`}
              value={value}
              checked={when === value}
              data-testid={`grades-${value}`}
              onChange={() => choose(value)}
            />{' '}
            {t(`grades.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset class="ratings">
        <legend>{t('grades.period')}</legend>
        <div class="row">
          {(['from', 'to'] as const).map((end) => (
            <div key={end}>
              <label for={`${prefix}-${end}`}>{t(`grades.${end}`)}</label>
              <input
                id={`${prefix}-${end}`}
                type="date"
                value={period[end]}
                max={end === 'from' ? period.to : today()}
                data-testid={`grades-${end}`}
                onInput={(e) => setPeriod({ ...period, [end]: e.currentTarget.value })}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <Figures read={read} record={record} />
      <p class="muted">{t('grades.note')}</p>
      <StatusLine status={status} testId="grades-error" />
      <div class="actions">
        <button type="submit" disabled={busy} data-testid="grades-save">
          {t('grades.save')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>
          {t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

/** «Взять оценки из журнала» for one mentee of the group, then the reading (or why there is none). */
export function JournalGrades({
  group,
  mentee,
  access,
  labelled,
}: {
  group: GroupSummary;
  mentee: GroupMember;
  access: JournalAccess;
  /** Several mentees: each button names its mentee. */
  labelled: boolean;
}) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'reading' } | { kind: 'read'; read: Read }>({ kind: 'idle' });
  const [status, setStatus] = useState<Status | null>(null);
  const name = fullName(mentee);
  const take = async () => {
    setStatus(null);
    setState({ kind: 'reading' });
    try {
      const read = await access.read(mentee.person_id);
      const problem = problemOf(read, name);
      if (problem || read.status !== 'read') {
        setStatus({ kind: 'warn', text: problem ?? '' });
        setState({ kind: 'idle' });
      } else setState({ kind: 'read', read });
    } catch (error) {
      setStatus({ kind: 'error', text: describeError(error) });
      setState({ kind: 'idle' });
    }
  };
  if (state.kind === 'read') {
    return (
      <ReadingForm
        group={group}
        mentee={mentee}
        read={state.read}
        access={access}
        onDone={(said) => {
          setStatus(said);
          setState({ kind: 'idle' });
        }}
      />
    );
  }
  return (
    <div class="grades" data-testid="grades" data-person-id={mentee.person_id}>
      <StatusLine status={status} testId="grades-status" />
      <button type="button" class="secondary" disabled={state.kind === 'reading'} data-testid="grades-take" onClick={() => void take()}>
        {labelled ? t('grades.takeFor', { name: `${mentee.last_name} ${mentee.first_name}` }) : t('grades.take')}
      </button>
      {state.kind === 'reading' && (
        <p class="muted loading" role="status">
          <span class="spinner" aria-hidden="true" /> {t('grades.reading')}
        </p>
      )}
    </div>
  );
}
