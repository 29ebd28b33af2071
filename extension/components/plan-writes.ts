// The writes about a pair's next meeting, through the background's queue (kept when offline, sent
// with the same id until the API answers). The popup and the pair panel both use these.
import type { MeetingCreate, PlannedMeeting, PlannedMeetingCreate } from '../../shared/api/meetings.ts';
import { ask } from '../utils/ask.ts';
import { today } from '../utils/dates.ts';
import type { SubmitResult } from '../utils/messages.ts';

export interface PlanWrites {
  plan: (plan: PlannedMeetingCreate) => Promise<SubmitResult>;
  cancel: (plan: PlannedMeeting) => Promise<SubmitResult>;
}

export const planWrites: PlanWrites = {
  plan: (plan) => ask({ type: 'nastavnik:plan-meeting', plan }),
  cancel: (plan) => ask({ type: 'nastavnik:cancel-plan', planId: plan.id, groupId: plan.group_id }),
};

/**
 * «Встреча состоялась»: the planned meeting logged as held, with the plan's own id — so pressing
 * it twice, or a retry after a lost answer, is still one meeting, and the plan is held.
 */
export function heldMeeting(plan: PlannedMeeting, now = new Date()): MeetingCreate {
  const planned = new Date(plan.starts_at);
  return {
    id: plan.id,
    group_id: plan.group_id,
    kind: plan.kind,
    // A plan for later today is held today; one in the past on its own day.
    held_on: today(planned < now ? planned : now),
    duration_minutes: plan.duration_minutes,
    format: plan.format,
    ...(plan.topic ? { topic: plan.topic } : {}),
  };
}

/** The local date and time a plan starts, for the date and time fields. */
export function localParts(at: Date): { date: string; time: string } {
  return { date: today(at), time: at.toTimeString().slice(0, 5) };
}

/** A date and a time typed in the person's fields, as an instant with their offset. */
export function startsAt(date: string, time: string): string {
  return new Date(`${date}T${time}`).toISOString();
}
