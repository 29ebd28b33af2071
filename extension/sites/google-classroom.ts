// Google Classroom (classroom.google.com), a single-page app: every in-app page is a <c-wiz>
// appended to <body>, and old ones stay in the DOM, hidden. Selectors from a public roster tool
// (see tests/fixtures/pages/reference/google-classroom-people.html); obfuscated classes rotate, so
// none is used. A row's data-student-id is the student's Google user id.
import { classNameIn } from '../../shared/names.ts';
import { anchorFor, isInHiddenView, textOf } from './dom.ts';
import type { SiteAdapter } from './types.ts';

const host = 'classroom.google.com';

/**
 * People: /r/{courseId}/sort-name (older: /sort-last-name, /sort-first-name), with an optional /u/{n}/ prefix.
 * @example https://classroom.google.com/r/NjQ2NTQ3MjY1NjQy/sort-name
 * @example https://classroom.google.com/u/1/r/NjQ2NTQ3MjY1NjQy/sort-last-name
 */
export function isPeoplePage(url: URL): boolean {
  return url.hostname === host && /^(\/u\/\d+)?\/r\/[^/]+\/sort-(name|last-name|first-name)\/?$/.test(url.pathname);
}

/**
 * Grades: /c/{courseId}/gb/sort-name[/default] (older: /gb/sort-last-name/default), optional /u/{n}/.
 * @example https://classroom.google.com/c/NjQ2NTQ3MjY1NjQy/gb/sort-name
 * @example https://classroom.google.com/u/2/c/NjQ2NTQ3MjY1NjQy/gb/sort-last-name/default
 */
export function isGradesPage(url: URL): boolean {
  return url.hostname === host && /^(\/u\/\d+)?\/c\/[^/]+\/gb\/sort-(name|last-name|first-name)(\/default)?\/?$/.test(url.pathname);
}

export const selectors = {
  /** A student on People (role=listitem, 7 in google-classroom-people.html, 1 more in its hidden view) or Grades (role=row, guessed). */
  studentRow: '[data-student-id]:is([role="listitem"], [role="row"], tr)',
  /** People: the row's checkbox is labelled with the display name. */
  nameCheckbox: 'input[type="checkbox"][aria-label]',
  /** People fallback: "Options for student {name}" (English UI). */
  optionsButton: 'button[aria-label^="Options for student "]',
  /** Grades: the row header printing the name (guessed: google-classroom-grades.html). */
  rowHeader: '[role="rowheader"], th[scope="row"]',
  /** Each in-app page; hidden ones are stale views. */
  view: 'c-wiz',
} as const;

function nameOf(row: Element): string | null {
  const checkbox = row.querySelector(selectors.nameCheckbox)?.getAttribute('aria-label')?.trim();
  if (checkbox) return checkbox;
  const options = row.querySelector(selectors.optionsButton)?.getAttribute('aria-label');
  if (options) return options.slice('Options for student '.length).trim() || null;
  return textOf(row.querySelector(selectors.rowHeader) ?? row) || null;
}

export const googleClassroom: SiteAdapter = {
  id: 'google-classroom',
  matches: ['https://classroom.google.com/*'],
  listsEveryone: true,
  nameOrder: 'given-first',
  isPeoplePage: (url) => isPeoplePage(url) || isGradesPage(url),
  examples: [
    'https://classroom.google.com/r/NjQ2NTQ3MjY1NjQy/sort-name',
    'https://classroom.google.com/u/1/r/NjQ2NTQ3MjY1NjQy/sort-last-name',
    'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-first-name/',
    'https://classroom.google.com/c/NjQ2NTQ3MjY1NjQy/gb/sort-name',
    'https://classroom.google.com/u/2/c/NjQ2NTQ3MjY1NjQy/gb/sort-last-name/default',
  ],
  counterExamples: [
    'https://classroom.google.com/',
    'https://classroom.google.com/u/0/h',
    'https://classroom.google.com/c/NjQ2NTQ3MjY1NjQy',
    'https://classroom.google.com/w/NjQ2NTQ3MjY1NjQy/t/all',
  ],
  // A course's people and grades may run to hundreds: a generator, read by the overlay in slices.
  // Only the Students list is read (the Teachers list has no data-student-id): in a school's
  // Classroom they are its pupils, so a teacher who shares a pupil's name is someone else (issue 15).
  // The course's title may name the class («Физика 10Б»).
  *findPeople(document) {
    const className = classNameIn(document.title);
    for (const row of document.querySelectorAll(selectors.studentRow)) {
      if (isInHiddenView(row, selectors.view)) continue;
      const name = nameOf(row);
      if (!name) continue;
      const id = row.getAttribute('data-student-id');
      yield {
        anchor: anchorFor(row.querySelector(selectors.rowHeader) ?? row, name),
        name,
        externalId: id ? { system: 'google', id } : null,
        className,
        listKind: 'pupils',
      };
    }
  },
};
