import { useState } from 'preact/hooks';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate } from '../../shared/api/meetings.ts';
import { describeError } from '../utils/api-errors.ts';
import { today } from '../utils/dates.ts';
import { language, t } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { PlanForm } from './PlanForm.tsx';
import { heldMeeting, type PlanWrites } from './plan-writes.ts';
import type { Status } from './status.tsx';

/** «3 декабря, 15:30» in the person's language and time zone. */
export function formatWhen(at: string): string {
  return new Date(at).toLocaleString(language, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

/**
 * A pair's next meeting: when it is planned (or that it is not), and what a mentor does about it —
 * «Встреча состоялась» once its day has come (one click logs it, with the plan's id), move it,
 * cancel it, or plan one. `say` reports what happened; the caller shows it and reloads.
 */
export function NextMeeting({
  group,
  logMeeting,
  writes,
  say,
}: {
  group: GroupSummary;
  logMeeting: (meeting: MeetingCreate) => Promise<SubmitResult>;
  writes: PlanWrites;
  say: (said: Status) => void;
}) {
  const [planning, setPlanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const plan = group.next_meeting;
  const mayWrite = group.my_role === 'mentor';
  const run = async (write: () => Promise<SubmitResult>, done: string) => {
    setBusy(true);
    try {
      const result = await write();
      say(result.status === 'saved' ? { text: done, kind: 'ok' } : { text: t('plan.queued'), kind: 'warn' });
    } catch (error) {
      say({ text: describeError(error), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };
  if (planning) {
    return (
      <div class="plan" data-testid="next-meeting">
        <PlanForm
          group={group}
          replaces={plan}
          submit={async (next) => {
            const result = await writes.plan(next);
            // Moved: the old plan goes after the new one is kept (both through the queue, in order).
            if (plan) await writes.cancel(plan);
            return result;
          }}
          onDone={(result) => {
            setPlanning(false);
            say(result.status === 'saved' ? { text: t('plan.planned'), kind: 'ok' } : { text: t('plan.queued'), kind: 'warn' });
          }}
        />
        <button type="button" class="secondary" onClick={() => setPlanning(false)}>
          {t('panel.cancel')}
        </button>
      </div>
    );
  }
  const due = plan !== null && today(new Date(plan.starts_at)) <= today();
  return (
    <div class="plan" data-testid="next-meeting" data-plan-id={plan?.id}>
      <p class={plan ? '' : 'muted'} data-testid="next-meeting-when">
        {plan
          ? `${t(Date.parse(plan.starts_at) < Date.now() ? 'plan.nextPast' : 'plan.next', { when: formatWhen(plan.starts_at) })} · ${t(`meetingKind.${plan.kind}`)}`
          : t('plan.none')}
      </p>
      {mayWrite && (
        <div class="actions">
          {plan && due && (
            <button
              type="button"
              data-testid="meeting-held"
              disabled={busy}
              onClick={() => void run(() => logMeeting(heldMeeting(plan)), t('plan.heldSaved'))}
            >
              {t('plan.held')}
            </button>
          )}
          <button type="button" class="secondary" data-testid="plan-meeting" disabled={busy} onClick={() => setPlanning(true)}>
            {t(plan ? 'plan.replan' : 'plan.title')}
          </button>
          {plan && (
            <button
              type="button"
              class="secondary"
              data-testid="plan-cancel"
              disabled={busy}
              onClick={() => void run(() => writes.cancel(plan), t('plan.cancelled'))}
            >
              {t('plan.cancel')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
