// «Сетевой город. Образование» (IRTech NetSchool): AngularJS, hosted by regions under many names
// (sgo.*, netschool.*, net-school.*, deti.obr03.ru…). The filters above the journal are confirmed
// (greasyfork 554430, see tests/fixtures/pages/reference/netschool-sgo.html); the table is not, so
// rows are read by structure: the cell after the row number, and the class from the class filter.
import { classNameIn } from '../../shared/names.ts';
import { anchorFor, textOf } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/** Regional hosts with a static permission; any other is added on the options page. */
export const netschoolHosts = ['sgo.rso23.ru', 'sgo.edu-74.ru', 'sgo.e-mordovia.ru', 'netschool.eduportal44.ru', 'deti.obr03.ru'] as const;

/**
 * The class journal. Path-only: the same app runs under every region's host name.
 * @example https://sgo.rso23.ru/app/school/journal/
 * @example https://deti.obr03.ru/app/school/journal/
 * @example https://netschool.eduportal44.ru/app/school/journal/attendance/
 */
export function isClassJournal(url: URL): boolean {
  return /^\/app\/school\/journal(\/attendance)?\/?$/.test(url.pathname);
}

export const selectors = {
  /** The journal: the table after the filters (1 in each fixture). */
  table: 'table.journal-table, form.filters ~ table, [ng-controller] table',
  /** Pupil rows: 8 in reference/netschool-sgo.html, 8 in netschool.html. */
  row: ':scope > tbody > tr',
  /** Where the build marks the name cell (invented in the reference: optional). */
  nameCell: '.student-name',
  /** The class filter: select[name=PCLID_IUP] (confirmed). */
  classFilter: 'select[name="PCLID_IUP"]',
} as const;

function selectedText(select: Element | null): string {
  if (!select) return '';
  const live = (select as HTMLSelectElement).selectedOptions?.[0];
  return (live ?? select.querySelector('option[selected]'))?.textContent ?? '';
}

export const netschool: SiteAdapter = {
  id: 'netschool',
  matches: netschoolHosts.map((host) => `https://${host}/*`),
  listsEveryone: true,
  isPeoplePage: isClassJournal,
  examples: [
    'https://sgo.rso23.ru/app/school/journal/',
    'https://deti.obr03.ru/app/school/journal/',
    'https://netschool.eduportal44.ru/app/school/journal/attendance/',
  ],
  counterExamples: [
    'https://sgo.rso23.ru/app/school/journal/edit/',
    'https://sgo.rso23.ru/app/school/schedule/day/',
    'https://sgo.rso23.ru/',
  ],
  findPeople(document) {
    const table = document.querySelector(selectors.table);
    if (!table) return [];
    const className = classNameIn(selectedText(document.querySelector(selectors.classFilter)));
    const people: PersonOnPage[] = [];
    for (const row of table.querySelectorAll(selectors.row)) {
      const cells = [...row.children];
      const cell = row.querySelector(selectors.nameCell) ?? cells.find((c) => /\p{L}{2,}\s+\p{L}/u.test(textOf(c)));
      const name = cell ? textOf(cell) : '';
      if (!cell || !name) continue;
      const id = row.getAttribute('data-student-id');
      people.push({
        anchor: anchorFor(cell, name),
        name,
        externalId: id ? { system: 'netschool', id } : null,
        className,
        listKind: 'pupils',
      });
    }
    return people;
  },
};
