// Google Classroom (classroom.google.com), a single-page app: every in-app page is a <c-wiz>
// appended to <body>, and old ones stay in the DOM, hidden. People is /r/{courseId}/sort-name; each
// student is a [role=listitem][data-student-id] (the Google user id); obfuscated classes rotate and
// labels follow the interface language, so neither is used: the name is the row's first printed
// text. No public code shows the Grades page's markup: there the overlay reads names in the text
// (the generic reader). Sources and what is unconfirmed:
// tests/fixtures/pages/reference/google-classroom-people.html (issue 17).
import { classNameIn } from '../../shared/names.ts';
import { isInHiddenView, isOurBadge, nameAt, ownText } from './dom.ts';
import { generic } from './generic.ts';
import { checkpoint, type SiteAdapter } from './types.ts';

const host = 'classroom.google.com';

/**
 * People: /r/{courseId}/sort-name, with an optional /u/{n}/ prefix.
 * @example https://classroom.google.com/r/NjQ2NTQ3MjY1NjQy/sort-name
 * @example https://classroom.google.com/u/1/r/NjQ2NTQ3MjY1NjQy/sort-name/
 */
export function isPeoplePage(url: URL): boolean {
  return url.hostname === host && (/^(\/u\/\d+)?\/r\/[^/]+\/sort-name\/?$/.test(url.pathname) || isLegacyPeoplePage(url));
}

/**
 * The People page's older sort routes, still served by some accounts.
 * TODO(2027-06-01): drop when Classroom no longer answers them (checked 2026-12-02: the issue's
 * evidence names only /sort-name; the /c/{id}/… people forms are retired).
 * @example https://classroom.google.com/u/1/r/NjQ2NTQ3MjY1NjQy/sort-last-name
 */
function isLegacyPeoplePage(url: URL): boolean {
  return /^(\/u\/\d+)?\/r\/[^/]+\/sort-(last|first)-name\/?$/.test(url.pathname);
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
  /** A student on People: 7 in google-classroom-people.html (1 more in its hidden view), 8 in the reference. */
  studentRow: '[role="listitem"][data-student-id]',
  /** The students' list on People (1 in each fixture). */
  list: '[role="list"]',
  /** What in a row is never the name: buttons, menus, hidden text, icons. */
  notName: 'button, [role="button"], [role="menu"], [role="menuitem"], [aria-hidden="true"], svg, img, input, script, style',
  /** Each in-app page; hidden ones are stale views. */
  view: 'c-wiz',
} as const;

/**
 * The row's first printed text of two words or more outside its buttons and icons (an avatar's
 * initial is one letter), else of one word; its checkbox's label when it prints none.
 */
function nameOf(row: Element): { name: string; anchor: ChildNode } | null {
  const printed: { name: string; anchor: ChildNode }[] = [];
  for (const element of row.querySelectorAll('*')) {
    if (isOurBadge(element) || element.closest(selectors.notName)) continue;
    const own = ownText(element);
    const found = own ? nameAt(element, own) : null;
    if (found && found.name.replace(/[^\p{L}]/gu, '').length > 1) printed.push(found);
  }
  const best = printed.find((found) => /\s/.test(found.name)) ?? printed[0];
  if (best) return best;
  const label = row.querySelector('input[type="checkbox"][aria-label]');
  return label ? nameAt(row, label.getAttribute('aria-label')) : null;
}

export const googleClassroom: SiteAdapter = {
  id: 'google-classroom',
  matches: ['https://classroom.google.com/*'],
  listsEveryone: true,
  nameOrder: 'given-first',
  isPeoplePage: (url) => isPeoplePage(url) || isGradesPage(url),
  pageKind: (url) => (isGradesPage(url) ? 'grades' : 'people'),
  // Only the People page's list is known; Grades is read by names from the start.
  listContainer: (url) => (isPeoplePage(url) ? selectors.list : null),
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
    'https://classroom.google.com/c/NjQ2NTQ3MjY1NjQy/people',
  ],
  // A course's people may run to hundreds: a generator, read by the overlay in slices.
  // Only the Students list is read (the Teachers list has no data-student-id): in a school's
  // Classroom they are its pupils, so a teacher who shares a pupil's name is someone else (issue 15).
  // The course's title may name the class («Физика 10Б»).
  *findPeople(document, lookup) {
    const url = new URL(document.location?.href ?? 'about:blank');
    if (isGradesPage(url)) {
      // Grades lists a course's students only: whoever the names are, the list is of pupils (issue 15).
      for (const found of generic.findPeople(document, lookup)) yield found === checkpoint ? found : { ...found, listKind: 'pupils' };
      return;
    }
    const className = classNameIn(document.title);
    for (const row of document.querySelectorAll(selectors.studentRow)) {
      if (isInHiddenView(row, selectors.view)) continue;
      const found = nameOf(row);
      if (!found) continue;
      const id = row.getAttribute('data-student-id');
      yield { ...found, externalId: id ? { system: 'google', id } : null, className, listKind: 'pupils' };
    }
  },
};
