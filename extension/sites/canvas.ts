// Canvas LMS (any host; statically *.instructure.com): the course People page, a Backbone view
// that appends rows as the roster API pages load (infinite scroll). Selectors confirmed by
// instructure/canvas-lms RosterUserView (tests/fixtures/pages/reference/canvas-people.html).
import { normalizeClassName } from '../../shared/names.ts';
import { ownText, textOf } from './dom.ts';
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
  /** A roster row (8 in reference/canvas-people.html). */
  row: 'table.roster tr.rosterUser',
  /** Its name link; the pronouns sit in a child <i>. */
  name: 'a.roster_user_name',
  /** The section cell: a school names sections after classes («9Б»). */
  section: '.section',
  /** Canvas marks each row with the enrolment's type (RosterUserView): teachers, TAs and designers are staff. */
  staffRow: '.TeacherEnrollment, .TaEnrollment, .DesignerEnrollment',
  studentRow: '.StudentEnrollment',
} as const;

export const canvas: SiteAdapter = {
  id: 'canvas',
  // Runs on the school's own host too (added on the options page); the cloud's hosts are known.
  matches: ['https://*.instructure.com/*'],
  listsEveryone: true,
  nameOrder: 'given-first',
  isPeoplePage: isCoursePeople,
  examples: ['https://school17.instructure.com/courses/910/users', 'https://canvas.example.ru/courses/12/users/'],
  counterExamples: ['https://school17.instructure.com/courses/910', 'https://school17.instructure.com/courses/910/users/5001'],
  // A course's people may run to hundreds: a generator, read by the overlay in slices.
  *findPeople(document) {
    for (const row of document.querySelectorAll(selectors.row)) {
      const link = row.querySelector(selectors.name);
      const name = link ? ownText(link) : '';
      if (!link || !name) continue;
      const sections = [...row.querySelectorAll(selectors.section)].map((s) => normalizeClassName(textOf(s))).filter(Boolean);
      const id = /^user_(\d+)$/.exec(row.id)?.[1];
      const className = sections.length === 1 ? (sections[0] ?? null) : null;
      // A student in a section named after a class is that class's pupil; a student of a course
      // that names no class may be a teacher in training: unknown (issue 15).
      const listKind = row.matches(selectors.staffRow) ? 'staff' : row.matches(selectors.studentRow) && className ? 'pupils' : 'unknown';
      yield { anchor: link, name, externalId: id ? { system: 'canvas', id } : null, className, listKind };
    }
  },
};
