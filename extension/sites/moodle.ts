// Moodle (any host; statically *.moodlecloud.com, others added on the options page): the course
// participants and the grader report. Selectors from Moodle's own source (user/classes/table/
// participants.php, grade/report/grader/lib.php; see tests/fixtures/pages/reference/moodle-*.html).
// Both tables re-render through AJAX without a reload.

import { classNameIn } from '../../shared/names.ts';
import type { ListKind } from '../../shared/participants.ts';
import { ownText, textOf } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/** Moodle's paths, under the site's root (which may be a subfolder: /moodle/user/index.php). */
const participantsPath = /(^|\/)user\/index\.php$/;
const graderPath = /(^|\/)grade\/report\/grader\/index\.php$/;

/**
 * Course participants.
 * @example https://school17.moodlecloud.com/user/index.php?id=42
 * @example https://lms.example.ru/moodle/user/index.php?id=42&perpage=5000
 */
export function isParticipants(url: URL): boolean {
  return participantsPath.test(url.pathname) && url.searchParams.has('id');
}

/**
 * Grader report.
 * @example https://school17.moodlecloud.com/grade/report/grader/index.php?id=77
 */
export function isGraderReport(url: URL): boolean {
  return graderPath.test(url.pathname) && url.searchParams.has('id');
}

export const selectors = {
  /** Participants: the name link in the row header (8 in reference/moodle-participants.html). */
  participant: 'table#participants tbody th a[href*="/user/view.php"]',
  /**
   * Grader report (4.x and 3.x): 8 in reference/moodle-grader.html. The last form reads a 3.x theme
   * that draws the fixed column (tr#fixed_user_{id}) as a table of its own.
   */
  graderUser:
    'table#user-grades tr[data-uid] a.username, table#user-grades th.user a.username, tr[id^="fixed_user_"] th.user a[href*="/user/view.php"]',
  /** Participants' column headers: «Роли»/«Roles» and «Группы»/«Groups» (1 each in both participants pages). */
  header: 'table#participants thead th',
} as const;

/** Moodle's standard roles as its Russian and English language packs print them. */
const staffRole = /учител|преподават|ассистент|управляющ|менеджер|teacher|manager|tutor|assistant/i;
const studentRole = /студент|ученик|учащ|обучающ|слушател|student|learner/i;

/** Which cell of a participants row holds the roles and the groups (by the header's words). */
function participantColumns(document: Document): { roles: number; groups: number } {
  const headers = [...document.querySelectorAll(selectors.header)].map((th) => textOf(th));
  return {
    roles: headers.findIndex((text) => /^(роли|roles)$/i.test(text)),
    groups: headers.findIndex((text) => /^(группы|groups)$/i.test(text)),
  };
}

/**
 * The list a participant is on: a teacher's role is staff; a student of a class's course (the
 * group or the course names the class) is a pupil; a student of a course that names no class may
 * be a teacher in training («Школа молодого педагога»): unknown (issue 15). The grader report
 * lists students only.
 */
function rowKind(link: Element, columns: { roles: number; groups: number }, courseClass: string | null) {
  const row = link.closest('tr');
  const cells = row ? [...row.children] : [];
  const roles = columns.roles >= 0 ? textOf(cells[columns.roles] ?? link) : '';
  const groupClass = columns.groups >= 0 && cells[columns.groups] ? classNameIn(textOf(cells[columns.groups] as Element)) : null;
  const className = groupClass ?? courseClass;
  const inParticipants = link.closest('table#participants') !== null;
  if (inParticipants && staffRole.test(roles) && !studentRole.test(roles)) return { listKind: 'staff' as ListKind, className: null };
  const student = !inParticipants || studentRole.test(roles);
  return { listKind: (student && className ? 'pupils' : 'unknown') as ListKind, className: student ? className : null };
}

/** Each name link as last read (its whole text and address), and the person it gave. */
const read = new WeakMap<Element, { text: string; href: string; person: PersonOnPage | null }>();

export const moodle: SiteAdapter = {
  id: 'moodle',
  // Runs on the school's own host too (added on the options page); the cloud's hosts are known.
  matches: ['https://*.moodlecloud.com/*'],
  listsEveryone: true,
  nameOrder: 'given-first',
  isPeoplePage: (url) => isParticipants(url) || isGraderReport(url),
  pageKind: (url) => (isGraderReport(url) ? 'grader' : 'participants'),
  listContainer: (url) => (isGraderReport(url) ? 'table#user-grades, tr[id^="fixed_user_"]' : 'table#participants'),
  examples: [
    'https://school17.moodlecloud.com/user/index.php?id=42',
    'https://lms.example.ru/moodle/user/index.php?id=42&perpage=5000',
    'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77',
  ],
  counterExamples: [
    'https://school17.moodlecloud.com/course/view.php?id=42',
    'https://school17.moodlecloud.com/user/view.php?id=201&course=42',
    'https://school17.moodlecloud.com/user/index.php',
  ],
  // Participants pages list up to 5,000 people: a generator, read by the overlay in slices; a
  // link that prints what it printed last time is not read again.
  *findPeople(document) {
    const seen = new Set<Element>();
    const columns = participantColumns(document);
    const courseClass = classNameIn(document.title);
    for (const link of document.querySelectorAll(`${selectors.participant}, ${selectors.graderUser}`)) {
      if (seen.has(link)) continue;
      seen.add(link);
      const text = link.textContent ?? '';
      const href = link.getAttribute('href') ?? '';
      const last = read.get(link);
      const kind = rowKind(link, columns, courseClass);
      if (
        last?.text === text &&
        last.href === href &&
        last.person?.listKind === kind.listKind &&
        last.person.className === kind.className
      ) {
        if (last.person) yield last.person;
        continue;
      }
      const name = ownText(link);
      const id = /[?&]id=(\d+)/.exec(href)?.[1];
      const person: PersonOnPage | null = name ? { anchor: link, name, externalId: id ? { system: 'moodle', id } : null, ...kind } : null;
      read.set(link, { text, href, person });
      if (person) yield person;
    }
  },
};
