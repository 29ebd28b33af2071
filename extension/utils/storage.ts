// Every value the extension keeps, declared once. Versioned so that a later shape can migrate.
import { storage } from 'wxt/utils/storage';
import type { Session } from '../../shared/api/auth.ts';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate, PlannedMeetingCreate } from '../../shared/api/meetings.ts';
import type { ApiErrorBody } from '../../shared/errors.ts';
import type { BadgePerson, OutcomeCreate } from './messages.ts';

/** Local mode's session (a token from the local API); Supabase mode keeps its own in supabaseAuth. */
export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null, version: 1 });

/**
 * Set when the API refused the stored session (401: it expired, or the server's signing key
 * changed with a reset) and it was forgotten; cleared by the next sign-in. The sign-in forms say why they are back.
 */
export const sessionRefusedItem = storage.defineItem<boolean>('local:sessionRefused', { fallback: false, version: 1 });

/** A write the person made: a meeting logged, a meeting planned, a plan cancelled, a journal reading saved. */
export type QueuedWrite =
  | { kind: 'log-meeting'; meeting: MeetingCreate }
  | { kind: 'plan-meeting'; plan: PlannedMeetingCreate }
  | { kind: 'cancel-plan'; planId: string; groupId: string }
  /** An outcome taken from a journal page (issue 13): the API upserts it on its key, so a resend changes nothing. */
  | { kind: 'record-outcome'; outcome: OutcomeCreate };

/** Why the API refused a queued write (the group was cancelled, the data was wrong): shown to fix or discard. */
export interface Refusal {
  status: number;
  body: ApiErrorBody | null;
  message: string;
  at: number;
}

export interface QueuedItem {
  /** The write's own client id (the meeting's, the plan's): a retry after a lost answer creates nothing new. */
  id: string;
  write: QueuedWrite;
  /** Whose write it is (e-mail): only sent with that person's session; '' for one queued before owners were kept. */
  owner: string;
  queuedAt: number;
  attempts: number;
  lastError: string | null;
  /** Set when the API refused it: it stays, never dropped silently, until the person fixes or discards it. */
  refused: Refusal | null;
}

/**
 * The writes that wait (and those the API refused) are kept one key each, `local:queue:<id>`: a
 * thousand meetings logged offline cost a thousand small writes, not a thousand rewrites of one
 * growing list. `queueKey` names them; the background (utils/queue.ts) is their only reader and writer.
 */
export const queueKeyPrefix = 'queue:';
export const queueKey = (id: string) => `local:${queueKeyPrefix}${id}` as const;

/** The queue as one list of meetings, as version 1 kept it: moved into per-item keys on first use (utils/queue.ts). */
export interface LegacyQueuedMeeting {
  meeting: MeetingCreate;
  queuedAt: number;
  attempts: number;
  lastError: string | null;
}
export const legacyQueueItem = storage.defineItem<LegacyQueuedMeeting[]>('local:meetingQueue', { fallback: [], version: 1 });

/** When the queue may try again after failures (exponential backoff), and how many rounds failed in a row. */
export interface QueueRetry {
  failures: number;
  notBefore: number;
}
export const queueRetryItem = storage.defineItem<QueueRetry>('local:queueRetry', { fallback: { failures: 0, notBefore: 0 }, version: 1 });

export interface GroupsSnapshot {
  /** Whose groups these are: a snapshot never shows one person's pairs to another. */
  email: string;
  groups: GroupSummary[];
  fetchedAt: number;
}

/** The last groups the API returned, so that the popup can log a meeting offline. */
export const myGroupsSnapshotItem = storage.defineItem<GroupsSnapshot | null>('local:myGroupsSnapshot', { fallback: null, version: 1 });

/**
 * The e-journal hosts the school added on the options page, as match patterns
 * (`https://journal.school17.ru/*`). The generic content script runs on those the browser granted.
 */
export const journalHostsItem = storage.defineItem<string[]>('local:journalHosts', { fallback: [], version: 1 });

/**
 * The participants badges showed last time, for whom they were: the next page draws its badges from
 * these at once, and corrects them when the API answers. Content scripts get them only through the
 * background, never from storage.
 */
export interface BadgePeopleCache {
  email: string;
  people: BadgePerson[];
  fetchedAt: number;
}
export const badgePeopleCacheItem = storage.defineItem<BadgePeopleCache | null>('local:badgePeopleCache', { fallback: null, version: 1 });

/** The reminders a person can mute, each on its own (options page). */
export const reminderKinds = ['planned-today', 'inactive-pair', 'curator-digest'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
export type ReminderSettings = { muted: Record<ReminderKind, boolean> };
export const reminderSettingsItem = storage.defineItem<ReminderSettings>('local:reminderSettings', {
  fallback: { muted: { 'planned-today': false, 'inactive-pair': false, 'curator-digest': false } },
  version: 1,
});

/** Which reminders were shown, and when: each is shown once (a plan) or once a week (a pair, the digest). */
export const remindersShownItem = storage.defineItem<Record<string, number>>('local:remindersShown', { fallback: {}, version: 1 });
