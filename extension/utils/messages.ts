// Messages between content scripts and the background. Content scripts never call the API
// themselves: the background does, with the session, and checks who is asking.
import type { ApiErrorBody } from '../../shared/errors.ts';
import type { GroupSummary, MeetingCreate } from '../../shared/schemas.ts';
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

export type Request =
  | { type: 'nastavnik:my-groups' }
  | { type: 'nastavnik:log-meeting'; meeting: MeetingCreate }
  | { type: 'nastavnik:curator' }
  | { type: 'nastavnik:programme'; organisationId: string }
  | { type: 'nastavnik:checklist-item'; id: string; patch: ChecklistItemPatch }
  | { type: 'nastavnik:roster-capture'; capture: RosterCapture };

export type Reply<T> = { ok: true; value: T } | { ok: false; status: number; message: string; body?: ApiErrorBody | null };

/** What a meeting submission came to: sent now, or kept to be sent when the API answers again. */
export type SubmitResult = { status: 'saved' } | { status: 'queued' };

export interface Replies {
  /** The groups the signed-in person may see (more for curators later, same shape); null when nobody is signed in. */
  'nastavnik:my-groups': GroupSummary[] | null;
  'nastavnik:log-meeting': SubmitResult;
  /** The school the signed-in person runs the programme of (curator or head); null for everyone else. */
  'nastavnik:curator': Curator | null;
  'nastavnik:programme': ProgrammeOverview;
  'nastavnik:checklist-item': ChecklistItem;
  'nastavnik:roster-capture': RosterPreview;
}

const requestTypes = new Set<string>([
  'nastavnik:my-groups',
  'nastavnik:log-meeting',
  'nastavnik:curator',
  'nastavnik:programme',
  'nastavnik:checklist-item',
  'nastavnik:roster-capture',
]);

export function isRequest(message: unknown): message is Request {
  return typeof message === 'object' && message !== null && requestTypes.has((message as Request).type);
}
