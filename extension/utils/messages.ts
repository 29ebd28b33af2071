// Messages between the extension's contexts and the background. Content scripts never call the API
// themselves, and they run beside a host page we do not trust (architecture.md): the background
// answers them only what badges need and lets them ask for a panel, nothing more. Programme data and
// every write go to extension pages only (the popup, the options page, the panel frames), which the
// host page can neither read nor script. `requestAccess` says who may send what; the background checks it.

import type { z } from 'zod';
import type { DevUser, Session } from '../../shared/api/auth.ts';
import type { Catalog } from '../../shared/api/catalog.ts';
import type { ClassroomSyncPreview, ClassroomSyncRequest } from '../../shared/api/classroom.ts';
import type { GroupMember, GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate, PlannedMeetingCreate } from '../../shared/api/meetings.ts';
import type { outcomeCreate } from '../../shared/api/monitoring.ts';
import type { ChecklistItem, checklistItemPatch, Programme, ProgrammeWarning } from '../../shared/api/programmes.ts';
import type { RosterPreview, RosterRowInput } from '../../shared/api/roster-import.ts';
import type { ApiErrorBody } from '../../shared/errors.ts';
import type { PagePerson } from '../../shared/page-roster.ts';
import type { PersonKind } from '../../shared/participants.ts';
import type { AdapterFallback } from '../sites/fallback.ts';
import type { JournalLesson } from '../sites/grades.ts';
import type { QueuedItem, ReminderSettings } from './storage.ts';

// The payloads as the extension sees them: types only, from the API's own zod schemas (nothing of
// zod reaches a content script).
export type { AdapterFallback, ChecklistItem, ProgrammeWarning, RosterPreview };
export type ChecklistItemPatch = z.input<typeof checklistItemPatch>;
/** A stage of the methodology as the catalog names it. */
export type CatalogStage = Catalog['stages'][number];

/** Who may run the programme from the overlay: a curator or the head, in one school. */
export interface Curator {
  organisationId: string;
  organisationName: string;
}

/** Everything the programme panel shows, fetched in one go by the background. */
export interface ProgrammeOverview {
  /** null: the school has no programme yet (stage 1 starts on the dashboard). */
  programme: Programme | null;
  stages: CatalogStage[];
  checklist: ChecklistItem[];
  warnings: ProgrammeWarning[];
}

/** A class list read off the page, as the rows the roster import takes. */
export interface RosterCapture {
  organisationId: string;
  /** What the preview calls the list («10Б-2026-12-02»). */
  listName: string;
  rows: RosterRowInput[];
  /** true: the preview only; false: import the new people (and the curator's answers for ambiguous rows). */
  dryRun: boolean;
  resolutions?: ({ line: number; action: 'new' | 'skip' } | { line: number; action: 'person'; person_id: string })[];
}

/**
 * What a content script may know of a participant: enough to find the name on the page and draw
 * the role. `member.role` is the person's badge role (mentor when they mentor anywhere).
 */
export interface BadgePerson {
  member: GroupMember;
  /** Pupil or staff (a pupils' list names no teacher): from the API's data, see personKindOf. */
  kind: PersonKind;
}

/** The panel a content script asks for (after a real click on its badge or launcher). */
export type PanelRequest = { panel: 'pair'; personIds: string[] } | { panel: 'programme' };

/** The list of people a page shows, as the content script read it for roster capture. */
export interface PageRosterData {
  people: PagePerson[];
  /** The class the whole page is for, when every row names the same one. */
  className: string | null;
  /** The people as the import takes them: one row each, names split (shared/page-roster.ts). */
  rows: RosterRowInput[];
  /** Texts the page shows as names that are not (left out). */
  skipped: string[];
  /** The site's adapter (the import's file name when the page names no class). */
  site: string;
}

/**
 * A pupil's lessons as the content script read them off a journal page (issue 13), for the pair
 * panel to count the teacher's period and save as outcomes: each lesson column's date and the
 * pupil's marks and absence in it — never the page's text beyond the subject and the period's name.
 */
export type PageGrades =
  | {
      status: 'read';
      /** The site's id («dnevnik-ru»). */
      site: string;
      /** The subject the journal page is for, when the page says it. */
      subject: string | null;
      /** The period the page shows as it names it («II четверть»), when it does. */
      period: string | null;
      /** The pupil's lesson columns in page order: the header's date (null when it prints none), marks 1–5, absence. */
      lessons: JournalLesson[];
    }
  /** The site has no grades reader; `sites` are the ones that do. */
  | { status: 'unsupported'; sites: string[] }
  /** The pupil's name is not on the page (or not in a row of the journal). */
  | { status: 'not-found' };

/** The outcomes the pair panel saves from a journal reading (the API's own shape). */
export type OutcomeCreate = z.input<typeof outcomeCreate>;

/**
 * A request of the typed API client (`hc<App>`) that an extension page of its own (the dashboard)
 * sends through the background, which alone holds the session: the path is the API's, the body JSON text.
 */
export interface ApiCall {
  method: string;
  /** The API path with its query, e.g. `/people?organisation_id=…`. */
  path: string;
  body?: string;
  /** Only `if-match` is passed on (row versions, see functions/services/rows.ts). */
  ifMatch?: string;
}

/** The API's answer as the background received it (any status: the typed client tells success from refusal). */
export interface ApiAnswer {
  status: number;
  /** The body as text, or as base64 when `base64` (a file: XLSX, DOCX, CSV). */
  body: string;
  base64: boolean;
  /** The row version (ETag) when the API sent one. */
  etag: string | null;
  contentType: string | null;
}

/** Who may send a request: content scripts, the extension's own pages, or both. */
export type Access = 'content-script' | 'extension-page' | 'both';

/** What a meeting submission came to: sent now, or kept to be sent when the API answers again. */
export type SubmitResult = { status: 'saved' } | { status: 'queued' };

/** The signed-in person's groups for the popup, from the API or the last snapshot when it cannot be reached. */
export interface MyGroups {
  groups: GroupSummary[];
  /** Set when the API could not be reached and these are the groups as of that moment. */
  offlineSince: number | null;
}

/** One request of the background's service: who may send it (checked), what it carries and what it answers (types only). */
interface Call<Payload extends object, Answer> {
  access: Access;
  readonly types?: [Payload, Answer];
}
const call = <Payload extends object, Answer>(access: Access): Call<Payload, Answer> => ({ access });
type NoPayload = Record<never, never>;

/**
 * The background's service, declared once: every request a context may send, who may send it, and
 * what it answers. `Request`, `Replies` and `requestAccess` are read off this table.
 */
export const protocol = {
  // From content scripts.
  /** The participants the signed-in person may see, names and roles only; null when nobody is signed in. */
  'nastavnik:badge-people': call<NoPayload, BadgePerson[] | null>('content-script'),
  /** The participants as last known (storage), at once: badges are drawn from these before the API answers. */
  'nastavnik:badge-people-cached': call<NoPayload, BadgePerson[] | null>('content-script'),
  /** Whether the signed-in person runs a school's programme (curator or head): the launcher shows. */
  'nastavnik:runs-programme': call<NoPayload, boolean>('content-script'),
  'nastavnik:open-panel': call<{ request: PanelRequest }, null>('content-script'),
  /** The site's adapter found its page but no names (issue 17): counted by the API, once a day per page kind and host. */
  'nastavnik:adapter-fallback': call<{ report: AdapterFallback }, null>('content-script'),
  // From a content script (Escape on the page) or a panel frame (its close button, Escape in it).
  'nastavnik:close-panel': call<NoPayload, null>('both'),
  // From extension pages only.
  /** What the asking frame shows: the panel its tab's content script asked for; null for any other frame. */
  'nastavnik:panel': call<NoPayload, PanelRequest | null>('extension-page'),
  /** Whether the frame's tab reads names in the text because its adapter found none (the programme panel's note). */
  'nastavnik:page-fallback': call<NoPayload, AdapterFallback | null>('extension-page'),
  /** The roster the frame's tab shows now; null when it lists nobody. */
  'nastavnik:page-roster': call<NoPayload, PageRosterData | null>('extension-page'),
  /** A mentee's grades and attendance on the frame's tab (a journal page), read now: the teacher clicked for it. */
  'nastavnik:page-grades': call<{ personId: string }, PageGrades>('extension-page'),
  /** Saves a journal reading as outcomes (grade average, attendance share), before or after; queued like a meeting when the API cannot be reached. */
  'nastavnik:save-outcomes': call<{ outcomes: OutcomeCreate[] }, SubmitResult>('extension-page'),
  /** The groups the signed-in person may see; null when nobody is signed in. */
  'nastavnik:my-groups': call<NoPayload, GroupSummary[] | null>('extension-page'),
  /** The popup's own groups, from the last snapshot when the API cannot be reached. */
  'nastavnik:popup-groups': call<NoPayload, MyGroups>('extension-page'),
  'nastavnik:log-meeting': call<{ meeting: MeetingCreate }, SubmitResult>('extension-page'),
  /** A pair's next meeting with its date and time; queued like a meeting when the API cannot be reached. */
  'nastavnik:plan-meeting': call<{ plan: PlannedMeetingCreate }, SubmitResult>('extension-page'),
  'nastavnik:cancel-plan': call<{ planId: string; groupId: string }, SubmitResult>('extension-page'),
  /** Sends what waits in the queue (`force`: now, whatever the backoff says); answers how many writes still wait. */
  'nastavnik:flush-queue': call<{ force?: boolean }, number>('extension-page'),
  /** What waits and what the API refused (with why), for the popup to send, fix or discard. */
  'nastavnik:queue': call<NoPayload, QueuedItem[]>('extension-page'),
  /** The person discards a write (a refused one, to fix it no more); answers how many are left. */
  'nastavnik:discard-queued': call<{ id: string }, number>('extension-page'),
  'nastavnik:reminder-settings': call<NoPayload, ReminderSettings>('extension-page'),
  'nastavnik:set-reminder-settings': call<{ settings: ReminderSettings }, ReminderSettings>('extension-page'),
  /** The school the signed-in person runs the programme of (curator or head); null for everyone else. */
  'nastavnik:curator': call<NoPayload, Curator | null>('extension-page'),
  'nastavnik:programme': call<{ organisationId: string }, ProgrammeOverview>('extension-page'),
  // `version`: the item as the curator saw it; the API refuses (412) if someone changed it since.
  'nastavnik:checklist-item': call<{ id: string; version: string; patch: ChecklistItemPatch }, ChecklistItem>('extension-page'),
  'nastavnik:roster-capture': call<{ capture: RosterCapture }, RosterPreview>('extension-page'),
  /** A Classroom sync: the background gets the curator's Google token (chrome.identity) and sends it with this request only. */
  'nastavnik:classroom-sync': call<{ organisationId: string; request: ClassroomSyncRequest }, ClassroomSyncPreview>('extension-page'),
  /**
   * Any API route for a page of the extension's own (the dashboard), never a frame inside a web
   * page: the dashboard's typed client (dashboard/api.ts) sends its requests through here.
   */
  'nastavnik:api': call<{ call: ApiCall }, ApiAnswer>('extension-page'),
  // The session (popup, options): the background alone signs in and out.
  /** Who is signed in; null for nobody (an expired local token counts as none). */
  'nastavnik:session': call<NoPayload, Session | null>('extension-page'),
  /** Asks the API whether it still takes the session: a 401 forgets it (and the sign-in shows). */
  'nastavnik:check-session': call<NoPayload, null>('extension-page'),
  /** Local mode's demo people to sign in as. */
  'nastavnik:dev-users': call<NoPayload, DevUser[]>('extension-page'),
  'nastavnik:dev-sign-in': call<{ email: string }, Session>('extension-page'),
  'nastavnik:google-sign-in': call<NoPayload, Session>('extension-page'),
  'nastavnik:sign-out': call<NoPayload, null>('extension-page'),
};

type Protocol = typeof protocol;
type PayloadOf<C> = C extends Call<infer P, unknown> ? P : never;
type AnswerOf<C> = C extends Call<object, infer A> ? A : never;

export type Request = { [K in keyof Protocol]: { type: K } & PayloadOf<Protocol[K]> }[keyof Protocol];

export type Replies = { [K in keyof Protocol]: AnswerOf<Protocol[K]> };

/**
 * A failure: `status` 0 when the API could not be reached, the API's status when it refused;
 * `plain` for any other error (its message is said as it is).
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; status: number; message: string; body?: ApiErrorBody | null; plain?: boolean };

/** Who may send a request: content scripts, the extension's own pages, or both. */
export const requestAccess = Object.fromEntries(Object.entries(protocol).map(([type, c]) => [type, c.access])) as Record<
  Request['type'],
  Access
>;

export function isRequest(message: unknown): message is Request {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Request).type === 'string' &&
    Object.hasOwn(requestAccess, (message as Request).type)
  );
}

/** What the background asks a tab's content script (tabs.sendMessage: pages cannot send these). */
export type TabRequest =
  | { type: 'nastavnik:read-roster' }
  | { type: 'nastavnik:read-fallback' }
  | { type: 'nastavnik:panel-closed' }
  | { type: 'nastavnik:read-grades'; personId: string };
