// Evaluated results from the e-journal (issue 13): the pair panel's frame asks, through the
// background and only after the teacher's click, for one mentee's grades and attendance on this
// journal page. The content script finds the mentee's name as the badges do (the site's adapter and
// the participants' index), reads the row (sites/grades.ts) and answers the figures only.
import type { OverlayFeature, OverlayState } from '../overlay/engine.ts';
import { gradeReaders, journalHeading, journalRecordOf } from '../sites/grades.ts';
import type { PageGrades } from '../utils/messages.ts';
import { answerTab } from '../utils/tab-requests.ts';
import { openPanel } from './drawer.ts';

/** The mentee's figures on the page the overlay reads now. */
export function readPageGrades(state: OverlayState, document: Document, personId: string): PageGrades {
  const site = state.adapter.readerFor?.(new URL(document.location.href))?.id ?? state.adapter.id;
  if (!Object.hasOwn(gradeReaders, site)) return { status: 'unsupported', sites: Object.keys(gradeReaders) };
  for (const person of state.people) {
    const resolution = state.index.resolve(person);
    if (resolution.kind !== 'one' || resolution.participant.member.person_id !== personId) continue;
    if (!(person.anchor instanceof Element)) continue;
    const record = journalRecordOf(person.anchor);
    if (!record) continue;
    const { grades, ...figures } = record;
    return { status: 'read', site, ...journalHeading(site, document), gradeCount: grades.length, ...figures };
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
