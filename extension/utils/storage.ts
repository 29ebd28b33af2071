// Every value the extension keeps, declared once. Versioned so that a later shape can migrate.
import { storage } from 'wxt/utils/storage';
import type { Session } from '../../shared/api/auth.ts';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate } from '../../shared/api/meetings.ts';
import type { PanelTickets } from './panel-tickets.ts';

/** Local mode's session (a token from the local API); Supabase mode keeps its own in supabaseAuth. */
export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null, version: 1 });

/**
 * Set when the API refused the stored session (401: it expired, or the server's signing key
 * changed with a reset) and it was forgotten; cleared by the next sign-in. The sign-in forms say why they are back.
 */
export const sessionRefusedItem = storage.defineItem<boolean>('local:sessionRefused', { fallback: false, version: 1 });

export interface QueuedMeeting {
  meeting: MeetingCreate;
  queuedAt: number;
  attempts: number;
  lastError: string | null;
}

/** Meetings logged while the API could not be reached; sent again (same id) until it answers. */
export const meetingQueueItem = storage.defineItem<QueuedMeeting[]>('local:meetingQueue', { fallback: [], version: 1 });

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
 * The panel each tab shows (utils/panel-tickets.ts), in session storage: it outlives the service
 * worker's restarts, not the browser's, and content scripts cannot read it.
 */
export const panelTicketsItem = storage.defineItem<PanelTickets>('session:panelTickets', { fallback: {}, version: 1 });
