// Small pieces every dashboard screen uses: a load's progress and failure, an action's progress
// (shown after half a second), its outcome in words, and people's names.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { type Status, StatusLine } from '../components/status.tsx';
import type { AsyncState } from '../components/use-async.ts';
import { describeError } from '../utils/api-errors.ts';
import { catalogLabel, t } from '../utils/i18n.ts';
import '../components/programme-panel.css';
import './workplace.css';

/** What a load shows until it is done: progress, or the reason it failed with a way to try again. */
export function Loaded<T>({
  state,
  retry,
  children,
}: {
  state: AsyncState<T>;
  retry?: () => void;
  children: (value: T) => ComponentChildren;
}) {
  if (state.status === 'loading')
    return (
      <p class="muted" role="status" aria-busy="true" data-testid="screen-loading">
        <span class="spinner" aria-hidden="true" /> {t('dashboard.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <div class="status error" role="alert">
        {describeError(state.error)}{' '}
        {retry && (
          <button type="button" class="secondary" onClick={retry}>
            {t('curator.retry')}
          </button>
        )}
      </div>
    );
  return <>{children(state.value)}</>;
}

/** Progress after half a second, then the outcome: «Сохранено» or the API's reason, in words. */
export interface Action {
  busy: boolean;
  /** Set after 0.5 s of a running action: show the progress. */
  slow: boolean;
  progress: string | null;
  status: Status | null;
  run<T>(work: (report: (text: string) => void) => Promise<T>, done?: string): Promise<T | undefined>;
  say(status: Status | null): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [slow, setSlow] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const running = useRef(false);
  return {
    busy,
    slow,
    progress,
    status,
    say: setStatus,
    async run(work, done) {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setStatus(null);
      setProgress(null);
      const timer = setTimeout(() => setSlow(true), 500);
      try {
        const value = await work(setProgress);
        if (done) setStatus({ kind: 'ok', text: done });
        return value;
      } catch (error) {
        setStatus({ kind: 'error', text: t('dashboard.refused', { reason: describeError(error) }) });
        return undefined;
      } finally {
        clearTimeout(timer);
        running.current = false;
        setBusy(false);
        setSlow(false);
        setProgress(null);
      }
    },
  };
}

/** The action's progress while it runs slowly, then what it came to. */
export function ActionStatus({ action, testId }: { action: Action; testId: string }) {
  if (action.busy && action.slow)
    return (
      <p class="muted" role="status" aria-busy="true" data-testid={`${testId}-progress`}>
        <span class="spinner" aria-hidden="true" /> {action.progress ?? t('dashboard.working')}
      </p>
    );
  return <StatusLine status={action.status} testId={testId} />;
}

/** Runs `work` over `items` a few at a time, reporting «3 из 12». */
export async function inTurn<T>(items: readonly T[], work: (item: T) => Promise<unknown>, report: (done: number) => void, width = 4) {
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
      report(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

interface Labelled {
  key: string;
  label_ru: string;
  label_en: string;
}

/** The options of a select of catalog rows (forms, role models), each by its key. */
export function CatalogOptions({ rows }: { rows: readonly (Labelled & { form_key?: string })[] }) {
  return (
    <>
      {rows.map((row) => (
        <option key={`${row.form_key ?? ''}/${row.key}`} value={row.key}>
          {catalogLabel(row)}
        </option>
      ))}
    </>
  );
}
