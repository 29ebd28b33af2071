// The МЭШ family («Московская электронная школа» and the regions' «Моя школа» built on it):
// school.mos.ru, dnevnik.mos.ru, authedu.mosreg.ru, ms-edu.tatar.ru… A React app with hashed CSS
// classes that change between builds, so only structure and data-test-component hooks are used
// (TafinF/Licey24-MySchoolSctiptTM, see tests/fixtures/pages/reference/mesh-school-mos.html):
// the journal is the first <table>, each body row starts with the pupil's name cell.
import { classNameIn } from '../../shared/names.ts';
import { anchorFor, textOf } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/** МЭШ hosts with a static permission; any other МЭШ-based host is added on the options page. */
export const meshHosts = ['school.mos.ru', 'dnevnik.mos.ru', 'authedu.mosreg.ru', 'ms-edu.tatar.ru'] as const;

/**
 * The teacher's journal for one group (also reached from the mentor's journals list).
 * Path-only on purpose: a regional МЭШ host added on the options page is recognised by it.
 * @example https://school.mos.ru/teacher/study-process/journal/grade/12345678
 * @example https://authedu.mosreg.ru/teacher/study-process/journal/grade/987?logon_source=teacher_mentor_journals
 * @example https://dnevnik.mos.ru/teacher/study-process/journal/my/555
 */
export function isGroupJournal(url: URL): boolean {
  return /^\/teacher\/study-process\/journal\/(grade|my)\/\d+\/?$/.test(url.pathname);
}

export const selectors = {
  /** The journal (first table on the page). */
  table: 'table',
  /** Pupil rows: 8 in reference/mesh-school-mos.html, 8 in mesh.html. */
  row: ':scope > tbody > tr',
  /** The name hook where the build has it (invented in the reference: kept optional). */
  nameHook: '[data-test-component^="studentName"]',
  /** «Физика, 9-В» (confirmed hook; 1 in each fixture). */
  title: '[data-test-component="undefined-subheaderTitle-titleContainer"]',
} as const;

export const mesh: SiteAdapter = {
  id: 'mesh',
  matches: meshHosts.map((host) => `https://${host}/*`),
  listsEveryone: true,
  isPeoplePage: isGroupJournal,
  examples: [
    'https://school.mos.ru/teacher/study-process/journal/grade/12345678',
    'https://authedu.mosreg.ru/teacher/study-process/journal/grade/987?logon_source=teacher_mentor_journals',
    'https://dnevnik.mos.ru/teacher/study-process/journal/my/555',
  ],
  counterExamples: [
    'https://school.mos.ru/teacher/study-process/journal/my',
    'https://authedu.mosreg.ru/teacher/mentor/journals',
    'https://school.mos.ru/diary/schedules/day',
  ],
  findPeople(document) {
    const table = document.querySelector(selectors.table);
    if (!table) return [];
    const className = classNameIn(document.querySelector(selectors.title)?.textContent ?? '');
    const people: PersonOnPage[] = [];
    for (const row of table.querySelectorAll(selectors.row)) {
      const cell = row.querySelector(selectors.nameHook) ?? row.firstElementChild;
      const name = cell ? textOf(cell) : '';
      if (!cell || !name || /\d/.test(name)) continue;
      const id = /^studentName-(\d+)/.exec(cell.getAttribute('data-test-component') ?? '')?.[1];
      people.push({ anchor: anchorFor(cell, name), name, externalId: id ? { system: 'mesh', id } : null, className, listKind: 'pupils' });
    }
    return people;
  },
};
