// ЭлЖур ({school}.eljur.ru and the regions' white-label hosts: edu.rk.gov.ru, edu.gounn.ru,
// eschool.gov45.ru, riso.sev.gov.ru, cop.admhmao.ru, keo.gov39.ru): server-rendered pages with a
// jQuery div grid. The grid's fixed column is [xls="hcolumn"]; its .cell[name] cells carry the
// row label in name="" (in the teacher's journal the pupil, in the pupil's grades the subject),
// and the data cells of that row are .cell[name] .cell-data in the scrolling part. Sources and what
// is unconfirmed: tests/fixtures/pages/reference/eljur.html (issue 17).
import { classInHeadings, nameAt } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/** The regions' white-label ЭлЖур hosts (the same app under the region's name). */
export const eljurHosts = [
  'edu.rk.gov.ru',
  'edu.gounn.ru',
  'eschool.gov45.ru',
  'riso.sev.gov.ru',
  'cop.admhmao.ru',
  'keo.gov39.ru',
] as const;

/**
 * The journal of a class and subject. Path-only, so that another region's white-label host the
 * school adds is recognised too.
 * @example https://school17.eljur.ru/journal-app/view.journal/
 * @example https://gym1.eljur.ru/journal-app/view.journal/class.10Б/subject.12
 * @example https://edu.rk.gov.ru/journal-app/view.journal/
 */
export function isJournal(url: URL): boolean {
  return /^\/journal-app\/view\.journal(\/|$)/.test(url.pathname);
}

export const selectors = {
  /** The grid's fixed column of row labels (1 in each fixture). */
  hcolumn: '[xls="hcolumn"]',
  /** A pupil: 8 in reference/eljur.html, 8 in eljur.html (4 more in a second group's grid). */
  nameCell: '[xls="hcolumn"] .cell[name]',
  /** The page's heading, which names the class («Журнал: 5Б — Математика»; guessed, the title as a fallback). */
  title: 'h1, .page-title, .page-header',
} as const;

/** What a column's title says, never a pupil's name. */
const headerWords = /^(№|фио|ф\.\s*и\.|фамилия|ученик|учащ|обучающ|список)/iu;

/** The class the heading names, else the title. */
const pageClass = (document: Document) => classInHeadings(document, selectors.title);

export const eljur: SiteAdapter = {
  id: 'eljur',
  matches: ['https://*.eljur.ru/*', ...eljurHosts.map((host) => `https://${host}/*`)],
  listsEveryone: true,
  isPeoplePage: isJournal,
  pageClass,
  pageKind: () => 'journal',
  listContainer: () => selectors.hcolumn,
  examples: [
    'https://school17.eljur.ru/journal-app/view.journal/',
    'https://gym1.eljur.ru/journal-app/view.journal/class.10Б/subject.12',
    'https://edu.rk.gov.ru/journal-app/view.journal/',
  ],
  counterExamples: [
    'https://school17.eljur.ru/journal-app',
    'https://school17.eljur.ru/journal-app/u.123/week.4',
    'https://edu.rk.gov.ru/journal-student-grades-action/u.77',
  ],
  findPeople(document) {
    const className = pageClass(document);
    const people: PersonOnPage[] = [];
    for (const cell of document.querySelectorAll(selectors.nameCell)) {
      // The header cell («Ученик», «ФИО», «Фамилия, имя») may carry a name="" too: a row label is a
      // name of two words or more that is not a column's title.
      const found = nameAt(cell, cell.getAttribute('name'));
      if (!found || !/\s/.test(found.name) || headerWords.test(found.name)) continue;
      people.push({ ...found, externalId: null, className, listKind: 'pupils' });
    }
    return people;
  },
};
