// Google Classroom: the curator connects their Google account, sees exactly what a sync would change
// (live «Курс n из N» while it fetches), answers the queue of uncertain accounts, and applies the
// preview in one step. The Google token is the background's business (utils/google-classroom.ts).
import { useEffect, useState } from 'preact/hooks';
import type { ClassroomRun, ClassroomSyncPreview } from '../../../shared/api/classroom.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../components/use-async.ts';
import { describeError } from '../../utils/api-errors.ts';
import { ask } from '../../utils/ask.ts';
import { t } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { type Answers, Counts, PreviewSections, resolutionsOf } from '../classroom/Preview.tsx';
import type { ScreenProps } from '../screens.ts';
import '../classroom/classroom.css';

type Step =
  | { kind: 'idle' }
  | { kind: 'fetching' }
  | { kind: 'preview'; preview: ClassroomSyncPreview }
  | { kind: 'applying'; preview: ClassroomSyncPreview }
  | { kind: 'applied'; preview: ClassroomSyncPreview };

const runs = (organisationId: string, limit: number) =>
  body(
    client.organisations[':organisation_id']['classroom-sync'].runs.$get({
      param: { organisation_id: organisationId },
      query: { limit: String(limit) },
    }),
  );

/** The running sync's progress, read from its run while the request is in flight. */
function Progress({ organisationId, applying }: { organisationId: string; applying: boolean }) {
  const [run, setRun] = useState<ClassroomRun | null>(null);
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const latest = (await runs(organisationId, 1).catch(() => null))?.items[0] ?? null;
      if (live && latest?.status === 'running') setRun(latest);
    };
    void poll();
    const timer = setInterval(() => void poll(), 400);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [organisationId]);
  const total = run?.courses_total ?? null;
  const text = applying
    ? t('classroom.applying')
    : total === null
      ? t('classroom.progressStart')
      : t('classroom.progress', { done: run?.courses_done ?? 0, total });
  return (
    <div class="classroom-progress" role="status" aria-live="polite" data-testid="classroom-progress">
      <p>{text}</p>
      <progress max={total ?? 1} value={total === null || applying ? undefined : (run?.courses_done ?? 0)} aria-label={text} />
    </div>
  );
}

function History({ organisationId, round, embedded }: { organisationId: string; round: number; embedded: boolean }) {
  const Heading = embedded ? 'h4' : 'h2';
  const [history] = useAsync(() => runs(organisationId, 5), [organisationId, round]);
  if (history.status !== 'done') return null;
  return (
    <section aria-labelledby="classroom-history" class="classroom-history">
      <Heading id="classroom-history">{t('classroom.history')}</Heading>
      {history.value.items.length === 0 ? (
        <p class="muted" data-testid="classroom-history-empty">
          {t('classroom.history.empty')}
        </p>
      ) : (
        <ul data-testid="classroom-history">
          {history.value.items.map((run) => (
            <li key={run.id}>
              {t('classroom.run.line', {
                when: new Date(run.started_at).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' }),
                status: t(`classroom.run.${run.status}` as MessageKey),
                courses: run.courses_total ?? 0,
                calls: run.calls,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The Classroom screen; `embedded` on the bases screens' «Пополнить базу» (its title a level lower),
 * where `applied` reloads the base's table after a sync is written.
 */
export function ClassroomSync({ context, embedded = false, applied }: ScreenProps & { embedded?: boolean; applied?: () => void }) {
  const organisationId = context.school.organisationId;
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [includeArchived, setIncludeArchived] = useState(false);
  const [confirmLeft, setConfirmLeft] = useState(false);
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  const preview = async () => {
    setError(null);
    setAnswers({});
    setConfirmLeft(false);
    setStep({ kind: 'fetching' });
    try {
      const answer = await ask({
        type: 'nastavnik:classroom-sync',
        organisationId,
        request: { dry_run: true, include_archived: includeArchived },
      });
      setStep({ kind: 'preview', preview: answer });
    } catch (failure) {
      setError(describeError(failure));
      setStep({ kind: 'idle' });
    }
    setRound((n) => n + 1);
  };

  const apply = async (shown: ClassroomSyncPreview) => {
    setError(null);
    setStep({ kind: 'applying', preview: shown });
    try {
      const answer = await ask({
        type: 'nastavnik:classroom-sync',
        organisationId,
        request: { dry_run: false, run_id: shown.run.id, confirm_left: confirmLeft, resolutions: resolutionsOf(answers) },
      });
      setStep(answer.run.status === 'applied' ? { kind: 'applied', preview: answer } : { kind: 'preview', preview: answer });
      if (answer.run.status === 'applied') applied?.();
    } catch (failure) {
      setError(describeError(failure));
      setStep({ kind: 'preview', preview: shown });
    }
    setRound((n) => n + 1);
  };

  const busy = step.kind === 'fetching' || step.kind === 'applying';
  const Heading = embedded ? 'h4' : 'h2';
  const shown = step.kind === 'idle' || step.kind === 'fetching' ? null : step.preview;
  const guard = shown?.left_guard;
  // Nothing to write: no change, and no answer given to the queue (an undecided entry waits for the curator).
  const answered = Object.values(answers).some(Boolean);
  const nothing = shown ? shown.counts.new + shown.counts.changed + shown.counts.moved + shown.counts.left === 0 && !answered : false;

  return (
    <div class="classroom" data-testid="classroom-screen" aria-busy={busy}>
      {embedded ? <h3>{t('classroom.title')}</h3> : <h1>{t('classroom.title')}</h1>}
      <p class="classroom-intro">{t('classroom.intro')}</p>
      <div class="row classroom-start">
        <button type="button" class="primary" disabled={busy} onClick={() => void preview()} data-testid="classroom-connect">
          {step.kind === 'idle' || step.kind === 'fetching' ? t('classroom.connect') : t('classroom.again')}
        </button>
        <label>
          <input
            type="checkbox"
            checked={includeArchived}
            disabled={busy}
            onChange={(event) => setIncludeArchived((event.target as HTMLInputElement).checked)}
            data-testid="classroom-archived"
          />{' '}
          {t('classroom.includeArchived')}
        </label>
      </div>
      {error && (
        <p class="status error" role="alert" data-testid="classroom-error">
          {error}
        </p>
      )}
      {busy && <Progress organisationId={organisationId} applying={step.kind === 'applying'} />}

      {step.kind === 'applied' && (
        <p class="status" role="status" data-testid="classroom-applied">
          {step.preview.result?.rows_written
            ? t('classroom.applied', { rows: step.preview.result.rows_written })
            : t('classroom.appliedNothing')}
        </p>
      )}
      {shown && (
        <section aria-labelledby="classroom-summary" data-testid="classroom-preview">
          <Heading id="classroom-summary">{t(step.kind === 'applied' ? 'classroom.summaryApplied' : 'classroom.summary')}</Heading>
          <Counts preview={shown} />
          {step.kind !== 'applied' && nothing && <p data-testid="classroom-nothing">{t('classroom.nothingChanged')}</p>}
          {step.kind !== 'applied' && guard?.exceeded && (
            <div class="status warn" role="alert" data-testid="classroom-left-guard">
              <p>{t('classroom.leftGuard', { left: guard.left, school: guard.school })}</p>
              <label>
                <input
                  type="checkbox"
                  checked={confirmLeft}
                  onChange={(event) => setConfirmLeft((event.target as HTMLInputElement).checked)}
                />{' '}
                {t('classroom.confirmLeft')}
              </label>
            </div>
          )}
          <PreviewSections
            preview={shown}
            answers={answers}
            onAnswer={(id, value) => setAnswers((before) => ({ ...before, [id]: value }))}
          />
          {step.kind !== 'applied' && !nothing && (
            <button
              type="button"
              class="primary"
              disabled={busy || (guard?.exceeded && !confirmLeft)}
              onClick={() => void apply(shown)}
              data-testid="classroom-apply"
            >
              {t('classroom.apply')}
            </button>
          )}
        </section>
      )}
      <History organisationId={organisationId} round={round} embedded={embedded} />
    </div>
  );
}
