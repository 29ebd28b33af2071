// «Сетевой город. Образование» (IRTech NetSchool): AngularJS, hosted by regions under many names
// (sgo.*, netschool.*, net-school.*, deti.obr03.ru…). The journal is three tables side by side
// inside #journal-container (the app's own JournalLayoutManager lays out .journal-student,
// .journal-marks and .journal-total): pupils are tr.journal-row > td.student-name > span printing
// «1. Фамилия Имя», with no id in the markup; the filters are selects in div.filters-panel, the
// class filter named PCLID (attendance) or PCLID_IUP (journal). Sources and what is unconfirmed:
// tests/fixtures/pages/reference/netschool-sgo.html (issue 17).
import { classNameIn } from '../../shared/names.ts';
import { nameAt } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/**
 * Regional hosts with a static permission; any other is added on the options page (the adapter
 * recognises the app by its paths there).
 */
export const netschoolHosts = ['deti.obr03.ru', 'sgo.e-mordovia.ru'] as const;

/**
 * Hosts whose regions left Сетевой город for ТОР «Моя школа» on 2026-09-01 (Краснодарский край,
 * Челябинская и Костромская области): no static permission any more. TODO(2027-09-01): forget
 * them once archives close; a school that still uses one adds it on the options page.
 */
export const retiredNetschoolHosts = ['sgo.rso23.ru', 'sgo.edu-74.ru', 'netschool.eduportal44.ru'] as const;

/**
 * The class journal and the attendance page. Path-only: the same app runs under every region's host name.
 * @example https://deti.obr03.ru/app/school/journal/
 * @example https://sgo.e-mordovia.ru/app/school/journal/attendance/
 * @example https://netschool.eduportal44.ru/app/school/journal/attendance/
 */
export function isClassJournal(url: URL): boolean {
  return /^\/app\/school\/journal(\/attendance)?\/?$/.test(url.pathname);
}

export const selectors = {
  /** The journal's three tables (1 in each fixture). */
  container: '#journal-container',
  /**
   * A pupil's name cell: 8 in reference/netschool-sgo.html, 8 in netschool.html. Liberal on the
   * wrappers: the cell in the names table, or any .student-name in the container.
   */
  nameCell: 'table.journal-student td.student-name, #journal-container td.student-name, #journal-container .journal-row .student-name',
  /** The class filter: PCLID on the attendance page, PCLID_IUP on the journal (1 in each fixture). */
  classFilter: 'select[name="PCLID"], select[name="PCLID_IUP"]',
} as const;

function selectedText(select: Element | null): string {
  if (!select) return '';
  const live = (select as HTMLSelectElement).selectedOptions?.[0];
  return (live ?? select.querySelector('option[selected]'))?.textContent ?? '';
}

/** The class chosen in the class filter. */
function pageClass(document: Document): string | null {
  return classNameIn(selectedText(document.querySelector(selectors.classFilter)));
}

export const netschool: SiteAdapter = {
  id: 'netschool',
  matches: netschoolHosts.map((host) => `https://${host}/*`),
  listsEveryone: true,
  isPeoplePage: isClassJournal,
  pageClass,
  pageKind: (url) => (/attendance/.test(url.pathname) ? 'attendance' : 'journal'),
  listContainer: () => selectors.container,
  examples: [
    'https://deti.obr03.ru/app/school/journal/',
    'https://sgo.e-mordovia.ru/app/school/journal/attendance/',
    'https://netschool.eduportal44.ru/app/school/journal/attendance/',
  ],
  counterExamples: [
    'https://deti.obr03.ru/app/school/journal/edit/',
    'https://deti.obr03.ru/app/school/schedule/day/',
    'https://deti.obr03.ru/',
  ],
  findPeople(document) {
    const className = pageClass(document);
    const people: PersonOnPage[] = [];
    const cells = [...document.querySelectorAll(selectors.nameCell)];
    for (const cell of cells) {
      // A .student-name inside another one is the same pupil.
      if (cells.some((other) => other !== cell && other.contains(cell))) continue;
      const found = nameAt(cell);
      if (!found) continue;
      people.push({ ...found, externalId: null, className, listKind: 'pupils' });
    }
    return people;
  },
};
