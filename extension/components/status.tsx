// What a write came to, said once and in one place: saved, or refused with the reason.
import { useEffect, useRef } from 'preact/hooks';
import { OfflineError } from '../utils/api-errors.ts';
import { t } from '../utils/i18n.ts';

export type Status = { kind: 'ok' | 'warn' | 'error'; text: string };

/** What a failed write says: the API's reason in the person's language, or that nothing reached it. */
export function refusedStatus(error: unknown): Status {
  if (error instanceof OfflineError) return { kind: 'error', text: t('curator.offline') };
  return { kind: 'error', text: t('curator.refused', { reason: error instanceof Error ? error.message : String(error) }) };
}

/** A status line that takes the focus when it appears: what happened is read out. */
export function StatusLine({ status, testId }: { status: Status | null; testId: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status) ref.current?.focus();
  }, [status]);
  if (!status) return null;
  return (
    <p
      class={`status ${status.kind === 'ok' ? '' : status.kind}`}
      role={status.kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      ref={ref}
      data-testid={testId}
    >
      {status.text}
    </p>
  );
}
