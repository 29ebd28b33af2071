// Canvas LMS (any host; statically *.instructure.com): the course People page in each of its three
// generations, all from instructure/canvas-lms's own source: the classic Backbone roster
// (table.roster tr.rosterUser, RosterUserView), the React page behind `react_people_page` (each
// student's name inside span.student_context_card_trigger[data-student_id]), and the modernised
// page behind `people_page_modernization` (rows tr[data-testid="table-row-{uid}"], the name
// a[data-testid="link-user-{uid}"], sections td[data-testid="sections-user-{uid}"] > div). Rows are
// appended as the roster API pages load (infinite scroll). Sources and what is unconfirmed:
// tests/fixtures/pages/reference/canvas-people.html (issue 17).

import { normalizeClassName } from '../../shared/names.ts';
import type { ListKind } from '../../shared/participants.ts';
import { nameAt, ownText, textOf } from './dom.ts';
import type { SiteAdapter } from './types.ts';

/**
 * People of a course.
 * @example https://school17.instructure.com/courses/910/users
 * @example https://canvas.example.ru/courses/12/users/
 */
export function isCoursePeople(url: URL): boolean {
  return /^\/courses\/\d+\/users\/?$/.test(url.pathname);
}

export const selectors = {
  /** Where the roster sits, in any generation (1 in each fixture). */
  container: 'table.roster, [data-view="users"], tr[data-testid^="table-row-"]',
  /** Classic: a roster row (8 in reference/canvas-people.html), its name link (the pronouns in a child <i>), its sections. */
  classicRow: 'table.roster tr.rosterUser',
  classicName: 'a.roster_user_name',
  classicSection: '.section',
  /** `react_people_page`: a student's name, with the user id. */
  contextCard: '.student_context_card_trigger[data-student_id]',
  /** `people_page_modernization`: a row, and in it the name and the sections. */
  modernRow: 'tr[data-testid^="table-row-"]',
  modernName: 'a[data-testid^="link-user-"]',
  modernSection: 'td[data-testid^="sections-user-"] > div',
  /** Canvas marks each classic row with the enrolment's type (RosterUserView): teachers, TAs and designers are staff. */
  staffRow: '.TeacherEnrollment, .TaEnrollment, .DesignerEnrollment',
  studentRow: '.StudentEnrollment',
} as const;

/** The one class the row's sections name, when they name exactly one. */
function classOf(sections: Iterable<Element>): string | null {
  const classes = [...sections].map((s) => normalizeClassName(textOf(s))).filter(Boolean);
  return classes.length === 1 ? (classes[0] ?? null) : null;
}

/**
 * The list a row is on: a teacher's enrolment is staff; a student in a section named after a
 * class is that class's pupil; a student of a course that names no class may be a teacher in
 * training: unknown (issue 15). A context card is drawn for students only (canvas-lms NameLink,
 * StudentContextCardTrigger); a modernised row without one says nothing of the role.
 */
function kindOf(row: Element | null, className: string | null, student: boolean): ListKind {
  if (row?.matches(selectors.staffRow)) return 'staff';
  return (student || row?.matches(selectors.studentRow)) && className ? 'pupils' : 'unknown';
}

export const canvas: SiteAdapter = {
  id: 'canvas',
  // Runs on the school's own host too (added on the options page); the cloud's hosts are known.
  matches: ['https://*.instructure.com/*'],
  listsEveryone: true,
  nameOrder: 'given-first',
  isPeoplePage: isCoursePeople,
  pageKind: () => 'people',
  listContainer: () => selectors.container,
  examples: ['https://school17.instructure.com/courses/910/users', 'https://canvas.example.ru/courses/12/users/'],
  counterExamples: ['https://school17.instructure.com/courses/910', 'https://school17.instructure.com/courses/910/users/5001'],
  // A course's people may run to hundreds: a generator, read by the overlay in slices.
  *findPeople(document) {
    const seen = new Set<Element>();
    for (const row of document.querySelectorAll(`${selectors.classicRow}, ${selectors.modernRow}`)) {
      seen.add(row);
      const classic = row.matches(selectors.classicRow);
      const card = row.querySelector(selectors.contextCard);
      const link = row.querySelector(classic ? selectors.classicName : selectors.modernName) ?? card?.querySelector('a') ?? card;
      // The classic link prints the pronouns in a child: its own text, where it has one.
      const found = link ? nameAt(link, ownText(link) || null) : null;
      if (!found) continue;
      const id =
        card?.getAttribute('data-student_id') ??
        /^user_(\d+)$/.exec(row.id)?.[1] ??
        /^table-row-(\d+)$/.exec(row.getAttribute('data-testid') ?? '')?.[1] ??
        null;
      const className = classOf(row.querySelectorAll(classic ? selectors.classicSection : selectors.modernSection));
      const listKind = kindOf(row, className, card !== null);
      yield { ...found, externalId: id ? { system: 'canvas', id } : null, className, listKind };
    }
    // `react_people_page` cards outside either kind of row.
    for (const card of document.querySelectorAll(selectors.contextCard)) {
      const row = card.closest('tr');
      if (row && seen.has(row)) continue;
      const found = nameAt(card.querySelector('a') ?? card);
      if (!found) continue;
      const className = classOf(row?.querySelectorAll(`${selectors.classicSection}, ${selectors.modernSection}`) ?? []);
      yield {
        ...found,
        externalId: { system: 'canvas', id: card.getAttribute('data-student_id') ?? '' },
        className,
        listKind: kindOf(row, className, true),
      };
    }
  },
};
