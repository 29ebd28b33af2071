// The МЭШ family («Московская электронная школа» and the regions' «Моя школа» nodes built on it):
// a React app with hashed CSS classes that change between builds, so only structure, titles and
// data-test-component hooks are read. A pupil's row is a <tr> holding mark cells
// [data-test-component^="markCell-"] («markCell-{pupilId}_{lessonId}_…»); the name is the title of
// a span[title] in the row's first cell (its text may be shortened, and the cell also prints a
// number); the journal's class is in the <h1> («Журнал … 7-А»). Sources and what is unconfirmed:
// tests/fixtures/pages/reference/mesh-school-mos.html (issue 17).
import { classNameIn } from '../../shared/names.ts';
import { nameAt } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/**
 * МЭШ hosts with a static permission: Moscow, and the regional «Моя школа» nodes the МЭШ help page
 * and app list (Московская, Калужская, Тюменская, Вологодская, Мурманская, Тверская области,
 * Татарстан, Дагестан, Башкортостан, Карелия, ЯНАО). Tatarstan runs it since 2024 (edu.tatar.ru is
 * the retired system). Any other МЭШ-based host is added on the options page.
 */
export const meshHosts = [
  'school.mos.ru',
  'dnevnik.mos.ru',
  'authedu.mosreg.ru',
  'myschool.mosreg.ru',
  'ms-edu.tatar.ru',
  'school-edu.tatar.ru',
  'education.admoblkaluga.ru',
  'dnevnik.admoblkaluga.ru',
  'myschool.05edu.ru',
  'education.05edu.ru',
  'myschool.72to.ru',
  'education.72to.ru',
  'school.yanao.ru',
  'karelia.minedu.ru',
  'dnevnik.edu35.ru',
  'dnevnik.edurb.ru',
  'dnevnik.tvobr.ru',
  'edu.mso51.ru',
] as const;

/**
 * The teacher's journal for one group (also reached from the mentor's journals list).
 * Path-only on purpose: a regional МЭШ host added on the options page is recognised by it.
 * @example https://school.mos.ru/teacher/study-process/journal/grade/12345678
 * @example https://authedu.mosreg.ru/teacher/study-process/journal/grade/987?logon_source=teacher_mentor_journals
 * @example https://dnevnik.mos.ru/teacher/study-process/journal/my/555
 * @example https://ms-edu.tatar.ru/teacher/study-process/journal/grade/4411
 */
export function isGroupJournal(url: URL): boolean {
  return /^\/teacher\/study-process\/journal\/(grade|my)\/\d+\/?$/.test(url.pathname);
}

export const selectors = {
  /** The journal (the page's table; 1 in each fixture). */
  table: 'table',
  /** A mark cell: its hook names the pupil's id (7 per row in reference/mesh-school-mos.html). */
  markCell: '[data-test-component^="markCell-"]',
  /** The pupil's full name, in a title (8 in reference/mesh-school-mos.html, 8 in mesh.html). */
  titledName: 'span[title]',
  /** «Журнал … 7-А» (1 in each fixture). */
  heading: 'h1',
} as const;

/**
 * Old markup, kept while a build may still serve it. TODO(2027-06-01): drop if no fallback report
 * names МЭШ by then. (2024-11: the subheader title container the first userscripts read.)
 */
export const legacySelectors = {
  heading: '[data-test-component="undefined-subheaderTitle-titleContainer"]',
} as const;

/** A title that is a name: words of letters only (a mark's title says «Оценка 5», a date has digits). */
const nameTitle = /^[\p{L}'’. -]+$/u;

function nameOf(row: Element): { name: string; anchor: ChildNode } | null {
  const first = row.firstElementChild;
  const titled = [...(first?.querySelectorAll(selectors.titledName) ?? []), ...row.querySelectorAll(selectors.titledName)].find((span) =>
    nameTitle.test(span.getAttribute('title')?.trim() ?? ''),
  );
  if (titled) return nameAt(titled, titled.getAttribute('title'));
  // No title: the first cell's text, without the number it also prints.
  return first ? nameAt(first) : null;
}

/** «Журнал … 7-А» in the h1 (the old subheader where a build still has it). */
function pageClass(document: Document): string | null {
  const heading = document.querySelector(selectors.heading)?.textContent ?? '';
  return classNameIn(heading) ?? classNameIn(document.querySelector(legacySelectors.heading)?.textContent ?? '');
}

export const mesh: SiteAdapter = {
  id: 'mesh',
  matches: meshHosts.map((host) => `https://${host}/*`),
  listsEveryone: true,
  isPeoplePage: isGroupJournal,
  pageClass,
  pageKind: () => 'journal',
  listContainer: () => selectors.table,
  examples: [
    'https://school.mos.ru/teacher/study-process/journal/grade/12345678',
    'https://authedu.mosreg.ru/teacher/study-process/journal/grade/987?logon_source=teacher_mentor_journals',
    'https://dnevnik.mos.ru/teacher/study-process/journal/my/555',
    'https://ms-edu.tatar.ru/teacher/study-process/journal/grade/4411',
  ],
  counterExamples: [
    'https://school.mos.ru/teacher/study-process/journal/my',
    'https://authedu.mosreg.ru/teacher/mentor/journals',
    'https://school.mos.ru/diary/schedules/day',
  ],
  findPeople(document) {
    const className = pageClass(document);
    const people: PersonOnPage[] = [];
    const seen = new Set<Element>();
    for (const mark of document.querySelectorAll(`${selectors.table} ${selectors.markCell}`)) {
      const row = mark.closest('tr');
      if (!row || seen.has(row)) continue;
      seen.add(row);
      const found = nameOf(row);
      if (!found) continue;
      const id = /^markCell-(\d+)_/.exec(mark.getAttribute('data-test-component') ?? '')?.[1];
      people.push({ ...found, externalId: id ? { system: 'mesh', id } : null, className, listKind: 'pupils' });
    }
    return people;
  },
};
