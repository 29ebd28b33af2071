// Messages between the extension's contexts and the background. Content scripts never call the API
// themselves, and they run beside a host page we do not trust (architecture.md): the background
// answers them only what badges need and lets them ask for a panel, nothing more. Programme data and
// every write go to extension pages only (the popup, the options page, the panel frames), which the
// host page can neither read nor script. `requestAccess` says who may send what; the background checks it.
import type { ApiErrorBody } from '../../shared/errors.ts';
import type { PagePerson } from '../../shared/page-roster.ts';
import type { PersonKind } from '../../shared/participants.ts';
import type { GroupMember, GroupSummary, MeetingCreate } from '../../shared/schemas.ts';
import type { ChecklistItem, ChecklistItemPatch, Curator, ProgrammeOverview, RosterPreview } from './curator-types.ts';

/** A class list read off the page, as the CSV the roster import reads. */
export interface RosterCapture {
  organisationId: string;
  fileName: string;
  contentBase64: string;
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
  csv: string;
  rows: number;
  /** Texts the page shows as names that are not (left out). */
  skipped: string[];
  /** The site's adapter (the import's file name when the page names no class). */
  site: string;
}

export type Request =
  // From content scripts.
  | { type: 'nastavnik:badge-people' }
  | { type: 'nastavnik:runs-programme' }
  | { type: 'nastavnik:open-panel'; request: PanelRequest }
  // From a content script (Escape on the page) or a panel frame (its close button, Escape in it).
  | { type: 'nastavnik:close-panel' }
  // From extension pages only.
  | { type: 'nastavnik:panel' }
  | { type: 'nastavnik:page-roster' }
  | { type: 'nastavnik:my-groups' }
  | { type: 'nastavnik:log-meeting'; meeting: MeetingCreate }
  | { type: 'nastavnik:curator' }
  | { type: 'nastavnik:programme'; organisationId: string }
  // `version`: the item as the curator saw it; the API refuses (412) if someone changed it since.
  | { type: 'nastavnik:checklist-item'; id: string; version: string; patch: ChecklistItemPatch }
  | { type: 'nastavnik:roster-capture'; capture: RosterCapture };

export type Reply<T> = { ok: true; value: T } | { ok: false; status: number; message: string; body?: ApiErrorBody | null };

/** What a meeting submission came to: sent now, or kept to be sent when the API answers again. */
export type SubmitResult = { status: 'saved' } | { status: 'queued' };

export interface Replies {
  /** The participants the signed-in person may see, names and roles only; null when nobody is signed in. */
  'nastavnik:badge-people': BadgePerson[] | null;
  /** Whether the signed-in person runs a school's programme (curator or head): the launcher shows. */
  'nastavnik:runs-programme': boolean;
  'nastavnik:open-panel': null;
  'nastavnik:close-panel': null;
  /** What the asking frame shows: the panel its tab's content script asked for; null for any other frame. */
  'nastavnik:panel': PanelRequest | null;
  /** The roster the frame's tab shows now; null when it lists nobody. */
  'nastavnik:page-roster': PageRosterData | null;
  /** The groups the signed-in person may see; null when nobody is signed in. */
  'nastavnik:my-groups': GroupSummary[] | null;
  'nastavnik:log-meeting': SubmitResult;
  /** The school the signed-in person runs the programme of (curator or head); null for everyone else. */
  'nastavnik:curator': Curator | null;
  'nastavnik:programme': ProgrammeOverview;
  'nastavnik:checklist-item': ChecklistItem;
  'nastavnik:roster-capture': RosterPreview;
}

/** Who may send a request: content scripts, the extension's own pages, or both. */
export const requestAccess: Record<Request['type'], 'content-script' | 'extension-page' | 'both'> = {
  'nastavnik:badge-people': 'content-script',
  'nastavnik:runs-programme': 'content-script',
  'nastavnik:open-panel': 'content-script',
  'nastavnik:close-panel': 'both',
  'nastavnik:panel': 'extension-page',
  'nastavnik:page-roster': 'extension-page',
  'nastavnik:my-groups': 'extension-page',
  'nastavnik:log-meeting': 'extension-page',
  'nastavnik:curator': 'extension-page',
  'nastavnik:programme': 'extension-page',
  'nastavnik:checklist-item': 'extension-page',
  'nastavnik:roster-capture': 'extension-page',
};

export function isRequest(message: unknown): message is Request {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Request).type === 'string' &&
    Object.hasOwn(requestAccess, (message as Request).type)
  );
}

/** What the background asks a tab's content script (tabs.sendMessage: pages cannot send these). */
export type TabRequest = { type: 'nastavnik:read-roster' } | { type: 'nastavnik:panel-closed' };
