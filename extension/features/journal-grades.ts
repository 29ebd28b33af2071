// Evaluated results from the e-journal (issue 13): the pair panel's frame asks, through the
// background and only after the teacher's click, for one mentee's grades and attendance on this
// journal page. The content script finds the mentee's name as the badges do (the site's adapter and
// the participants' index), reads the row (sites/grades.ts) and answers the mentee's lessons only
// (dates, marks, absences): the panel counts those of the period the teacher chooses.
import type { OverlayFeature, OverlayState } from '../overlay/engine.ts';
import { gradeReaders, journalHeading, journalLessons } from '../sites/grades.ts';
import type { PageGrades } from '../utils/messages.ts';
import { answerTab } from '../utils/tab-requests.ts';
import { openPanel } from './drawer.ts';

/** Today in the page's time zone (an ISO day): the school year of a journal that does not print its own. */
function localDay(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The mentee's lessons on the page the overlay reads now. */
export function readPageGrades(state: OverlayState, document: Document, personId: string): PageGrades {
  const site = state.adapter.readerFor?.(new URL(document.location.href))?.id ?? state.adapter.id;
  if (!Object.hasOwn(gradeReaders, site)) return { status: 'unsupported', sites: Object.keys(gradeReaders) };
  for (const person of state.people) {
    const resolution = state.index.resolve(person);
    if (resolution.kind !== 'one' || resolution.participant.member.person_id !== personId) continue;
    // Inside a table cell the badge goes after the name's text node: its cell is the parent.
    const element = person.anchor.nodeType === 1 ? (person.anchor as Element) : person.anchor.parentElement;
    const lessons = element && journalLessons(site, element, localDay());
    if (!lessons) continue;
    return { status: 'read', site, ...journalHeading(site, document), lessons };
  }
  return { status: 'not-found' };
}

export const journalGrades: OverlayFeature = {
  id: 'journal-grades',
  init(overlay, signal) {
    // Only while the pair panel is open (the teacher clicked a badge, then «Взять оценки из журнала»).
    const stop = answerTab('nastavnik:read-grades', (request) =>
      request.type === 'nastavnik:read-grades' && openPanel()?.panel === 'pair'
        ? readPageGrades(overlay.state, document, request.personId)
        : null,
    );
    signal.addEventListener('abort', stop);
  },
};
